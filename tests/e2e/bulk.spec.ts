import { expect, openPanel, openPopup, panel, panelCount, popupCount, test } from './fixtures';

/** Bulk tagging beyond one request's limit: sent in chunks, with progress, and every row saved. */

const ROWS = 6_000;
const URL = 'https://dichvucong.kontum.gov.vn/vi/dossier/tra-cuu-nhanh';

function vietnamDay(offsetDays: number): string {
  const [year, month, day] = new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A plain list of 6,000 dossiers, all open past their appointment (late on the system). */
function longLatePage(): string {
  const received = vietnamDay(-30);
  const due = vietnamDay(-10);
  const rows: string[] = [];
  for (let index = 1; index <= ROWS; index++) {
    const code = `000.00.23.H34-261101-${String(index).padStart(4, '0')}`;
    rows.push(`<tr><td>${code}</td><td>Chứng thực bản sao</td><td>${received}</td><td>${due}</td><td></td><td>Đang xử lý</td></tr>`);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tra cứu nhanh</title></head><body>
<table><thead><tr><th>Số hồ sơ</th><th>Thủ tục hành chính</th><th>Ngày tiếp nhận</th><th>Ngày hẹn trả</th><th>Ngày kết thúc</th><th>Trạng thái</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>`;
}

test('6,000 selected rows are all tagged with one click, in chunks, with progress', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  await context.route(URL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: longLatePage() }));
  const page = await context.newPage();
  await page.goto(URL);
  await expect(panel(page).getByTestId('panel-toggle')).toBeVisible({ timeout: 60_000 });
  await openPanel(page);
  await expect.poll(() => panelCount(page), { timeout: 60_000 }).toBe(ROWS);
  const popup = await openPopup(context, extensionId);
  // Every late dossier the page shows is stored before the bulk tag.
  await expect.poll(() => popupCount(popup, 'count-late'), { timeout: 60_000 }).toBe(ROWS);

  // Every notice the panel shows, recorded in its frame (the progress one may be brief).
  const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://'))!;
  await frame.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role="status"]')) if (seen.at(-1) !== status.textContent) seen.push(status.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await panel(page).getByRole('checkbox', { name: 'Chọn tất cả hồ sơ chưa gắn ngày' }).check();
  const button = panel(page).getByTestId('bulk-tag-button');
  await expect(button).toContainText('cho 6.000 hồ sơ');
  await button.click();
  // More than one request's worth: progress is shown, then the count of all saved.
  await expect(panel(page).getByRole('status')).toContainText('Đã gắn ngày cho 6.000 hồ sơ.', { timeout: 120_000 });
  const statuses = await frame.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  expect(statuses).toContainEqual(expect.stringContaining('Đang gắn ngày: 5.000/6.000'));
  expect(statuses.join(' ')).not.toContain('Yêu cầu không hợp lệ');
  await popup.reload();
  await expect.poll(() => popupCount(popup, 'count-tagged'), { timeout: 60_000 }).toBe(ROWS);
  await expect(panel(page).locator('[data-testid="dossier-row"]:not([data-tagged="true"])')).toHaveCount(0);
});
