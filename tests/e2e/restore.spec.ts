import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { expect, listedCodes, openPanel, panel, sendFromExtensionPage, test } from './fixtures';

/** Restoring an older backup: what it refused is listed with why, and the restore can be undone. */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;

interface Stored {
  code: string;
  status: string;
  lastSeen: number;
  received: { day: string } | null;
  tag?: { realReturn: string };
  decision?: { id: string };
}

async function allStored(context: BrowserContext, extensionId: string): Promise<Stored[]> {
  const [answer] = (await sendFromExtensionPage(context, extensionId, [{ type: 'dossiers/all' }])) as { dossiers: Stored[] }[];
  return answer!.dossiers.sort((a, b) => (a.code < b.code ? -1 : 1));
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('backup-export')).toBeVisible();
  return page;
}

test('an older backup: the refused rows are listed with why, a removal made since stays, and undo puts the store back as before', async ({
  context,
  extensionId,
}, testInfo) => {
  const portal = await context.newPage();
  await portal.goto(SEARCH);
  await openPanel(portal);
  const [kept, removed] = await listedCodes(portal);
  for (const code of [kept!, removed!]) {
    const row = panel(portal).locator(`[data-testid="dossier-row"][data-code="${code}"]`);
    await row.getByTestId('tag-button').click();
    await expect(row).toHaveAttribute('data-tagged', 'true');
  }
  const options = await openOptions(context, extensionId);
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
  const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { exportedAt: number; dossiers: Stored[] };

  // Since the backup, staff removed one tag. The portal tab is closed so that nothing else writes.
  await panel(portal).locator(`[data-testid="dossier-row"][data-code="${removed}"]`).getByRole('button', { name: 'Bỏ' }).click();
  await expect(panel(portal).locator(`[data-testid="dossier-row"][data-code="${removed}"]`)).not.toHaveAttribute('data-tagged', 'true');
  await portal.close();
  const before = await allStored(context, extensionId);

  // The file, as another machine might have it: one dossier this store lacks, one read later than the
  // store's, and two rows that break the rules (a return before the receipt, a time in 2100).
  const template = backup.dossiers.find((dossier) => dossier.code === kept)!;
  const added = { ...template, code: 'TEP-SAO-LUU-0001' };
  const tooEarly = { ...template, code: 'TEP-SAO-LUU-1900', tag: { ...template.tag!, realReturn: '1900-01-02' } };
  const future = { ...template, code: 'TEP-SAO-LUU-2100', lastSeen: Date.UTC(2100, 0, 1) };
  const reread = { ...template, status: 'Đã trả kết quả (máy khác)', lastSeen: backup.exportedAt };
  const file = testInfo.outputPath('sao-luu-cu.json');
  backup.dossiers = [...backup.dossiers.filter((dossier) => dossier.code !== kept), reread, added, tooEarly, future];
  writeFileSync(file, JSON.stringify(backup));

  await options.getByTestId('backup-file').setInputFiles(file);
  await expect(options.getByTestId('restore-plan')).toContainText('thêm 1 hồ sơ mới');
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Đã khôi phục');
  const refused = options.getByTestId('restore-result').getByTestId('restore-refused');
  await expect(refused).toContainText('Không khôi phục 2 dòng của tệp');
  await expect(refused.locator('li[data-code="TEP-SAO-LUU-1900"]')).toContainText('trước ngày tiếp nhận');
  await expect(refused.locator('li[data-code="TEP-SAO-LUU-2100"]')).toContainText('nằm ngoài khoảng cho phép');
  await expect(refused.locator('li')).toHaveCount(2);
  await options.screenshot({ path: testInfo.outputPath('restore-refused.png'), fullPage: true });

  const restored = await allStored(context, extensionId);
  const codes = restored.map((dossier) => dossier.code);
  expect(codes).toContain('TEP-SAO-LUU-0001');
  expect(codes).not.toContain('TEP-SAO-LUU-1900');
  expect(codes).not.toContain('TEP-SAO-LUU-2100');
  expect(restored.find((dossier) => dossier.code === kept)!.status).toBe('Đã trả kết quả (máy khác)');
  // The removal made after the backup is newer than the file's tag: it stays removed.
  expect(restored.find((dossier) => dossier.code === removed)!.tag).toBeUndefined();

  await options.getByTestId('restore-undo').click();
  await expect(options.getByTestId('data-message')).toContainText('Đã hoàn tác lần khôi phục');
  await expect(options.getByTestId('restore-result')).toHaveCount(0);
  expect(await allStored(context, extensionId)).toEqual(before);
});
