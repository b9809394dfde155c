import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, panel, sendFromExtensionPage, test } from './fixtures';

/**
 * Decisions never go backwards across tabs: an edit or an undo names the decision it started from, and
 * when another tab decided on the dossier since, the panel says so instead of overwriting it.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

async function openSearch(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(SEARCH);
  await openPanel(page);
  await expect(panel(page).getByTestId('dossier-row').first()).toBeVisible();
  return page;
}

function row(page: Page, code: string) {
  return panel(page).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
}

async function storedTag(context: BrowserContext, extensionId: string, code: string) {
  const [answer] = (await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/get', codes: [code] }])) as {
    dossiers: { tag?: { realReturn: string; note: string } }[];
  }[];
  return answer!.dossiers[0]?.tag ?? null;
}

test('an edit in one tab meets a tag saved meanwhile in another: the conflict is shown, the newer tag survives, reload edits from it', async ({
  context,
  extensionId,
}) => {
  const first = await openSearch(context);
  const second = await openSearch(context);
  const [code] = await listedCodes(first);
  // Staff in the second tab start editing the row: a note typed, not saved yet.
  const editing = row(second, code!);
  await editing.locator('summary').click();
  const note = editing.locator('.mcpl-details input[type="text"]').last();
  await note.fill('ghi chú của tab thứ hai');
  // Meanwhile the first tab tags the dossier; the second tab's row shows that tag but keeps the typing.
  await row(first, code!).getByTestId('tag-button').click();
  await expect(row(first, code!)).toHaveAttribute('data-tagged', 'true');
  await expect(editing).toHaveAttribute('data-tagged', 'true');
  await expect(note).toHaveValue('ghi chú của tab thứ hai');
  const newer = await storedTag(context, extensionId, code!);
  expect(newer).not.toBeNull();

  await editing.getByTestId('tag-button').click();
  const conflict = editing.getByTestId('tag-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toHaveAttribute('role', 'alert');
  await expect(conflict).toContainText('vừa được thay đổi ở nơi khác');
  await expect(conflict).toContainText('quyết định mới hơn được giữ nguyên');
  await second.screenshot({ path: test.info().outputPath('conflict.png') });
  expect(await storedTag(context, extensionId, code!)).toEqual(newer);

  // Reloading the row shows the newer tag; a save from there is an ordinary edit of it.
  await editing.getByTestId('row-reload').click();
  await expect(conflict).toHaveCount(0);
  await expect(note).toHaveValue(newer!.note);
  await note.fill('sửa sau khi tải lại');
  await editing.getByTestId('tag-button').click();
  await expect.poll(async () => (await storedTag(context, extensionId, code!))?.note).toBe('sửa sau khi tải lại');
  await expect(editing.getByTestId('tag-conflict')).toHaveCount(0);
});

test('undo of a removal in one tab after another tab tagged the dossier again says so and keeps the newer tag', async ({ context, extensionId }) => {
  const first = await openSearch(context);
  const second = await openSearch(context);
  const [code] = await listedCodes(first);
  await row(first, code!).getByTestId('tag-button').click();
  await expect(row(first, code!)).toHaveAttribute('data-tagged', 'true');
  await row(first, code!).getByRole('button', { name: 'Bỏ' }).click();
  await expect(row(first, code!)).not.toHaveAttribute('data-tagged', 'true');
  // The second tab tags it again, with a note of its own.
  const again = row(second, code!);
  await expect(again).not.toHaveAttribute('data-tagged', 'true');
  await again.locator('summary').click();
  await again.locator('.mcpl-details input[type="text"]').last().fill('gắn lại ở tab thứ hai');
  await again.getByTestId('tag-button').click();
  await expect(again).toHaveAttribute('data-tagged', 'true');
  // The first tab's undo of its removal is refused: it would overwrite the newer tag.
  await panel(first).getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(panel(first).getByRole('status')).toContainText('vừa được thay đổi ở nơi khác');
  expect((await storedTag(context, extensionId, code!))?.note).toBe('gắn lại ở tab thứ hai');
  await expect(row(first, code!)).toHaveAttribute('data-tagged', 'true');
});

test('a tagged dossier whose closing the portal changes keeps its stored dates, and its row says so with both', async ({ context, extensionId }) => {
  const url = 'https://dichvucong.kontum.gov.vn/vi/so-theo-doi-tra-ket-qua';
  const code = '000.00.23.H34-260101-0001';
  let closed = '10/01/2026';
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sổ theo dõi</title></head><body>
<table><thead><tr><th>Số hồ sơ</th><th>Thủ tục hành chính</th><th>Ngày tiếp nhận</th><th>Ngày hẹn trả</th><th>Ngày kết thúc</th><th>Trạng thái</th></tr></thead>
<tbody><tr><td>${code}</td><td>Đăng ký khai sinh</td><td>02/01/2026</td><td>05/01/2026</td><td>${closed}</td><td>Đã trả kết quả</td></tr></tbody></table></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(url);
  await openPanel(page);
  await row(page, code).getByTestId('tag-button').click();
  await expect(row(page, code)).toHaveAttribute('data-tagged', 'true');
  await expect(row(page, code).getByTestId('pending-read')).toHaveCount(0);

  // The portal now shows another closing day: the store keeps the one the tag was decided against.
  closed = '12/01/2026';
  await page.reload();
  await openPanel(page);
  const note = row(page, code).getByTestId('pending-read');
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('role', 'note');
  await expect(note).toContainText('hẹn trả 05/01/2026, kết thúc 12/01/2026');
  await expect(note).toContainText('khác với ngày đã lưu khi gắn ngày trả: hẹn trả 05/01/2026, kết thúc 10/01/2026');
  await expect(row(page, code)).toContainText('Ngày trên cổng đã đổi');
  await page.screenshot({ path: test.info().outputPath('pending-read.png') });
  const [answer] = (await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/get', codes: [code] }])) as {
    dossiers: { closed: { day: string }; pendingRead?: { closed: { day: string } } }[];
  }[];
  expect(answer!.dossiers[0]!.closed.day).toBe('2026-01-10');
  expect(answer!.dossiers[0]!.pendingRead?.closed.day).toBe('2026-01-12');
});
