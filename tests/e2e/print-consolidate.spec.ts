import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { APPENDIX_HEADINGS, type AppendixValues } from '../../lib/appendix/rows';
import { appendixCsv } from '../../lib/appendix/csv';
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY, type Settings } from '../../lib/settings/settings';
import { addDays, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, sendFromExtensionPage, test } from './fixtures';

/**
 * The pages around the appendix file (docs/domain.md, "Around the file"): the printable appendix (rows,
 * heading block, period, and the PDF Chromium prints from it) and the consolidation of many offices'
 * CSV files (errors with file and line, conflicts, count per unit, the exported file).
 *
 * Set SHOT_DIR=/some/dir to also save a screenshot of each page there.
 */

const UNIT = 'UBND xã Đăk Cấm';
const STAFF = 'Trần Thị Bình';
const LONG_PROCEDURE = 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** dd/MM/yyyy, written here independently of lib/calendar/day.ts. */
function vn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

async function saveSettings(context: BrowserContext, extensionId: string, patch: Partial<Settings>) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.evaluate(
      async ([key, value]) => {
        const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { set: (v: object) => Promise<void> } } } }).chrome;
        await chromeApi.storage.local.set({ [key as string]: value });
      },
      [SETTINGS_STORAGE_KEY, { ...DEFAULT_SETTINGS, ...patch }] as const,
    );
  } finally {
    await page.close();
  }
}

async function shot(page: Page, name: string) {
  const dir = process.env.SHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, name), fullPage: true });
}

interface Seeded {
  code: string;
  received: string;
  time: string;
  due: string;
  closed: string | null;
  realReturn: string;
  reason: string;
  note: string;
  applicant: string;
  procedure: string;
}

/** 40 dossiers that belong in the appendix, plus three that do not, relative to today in Vietnam. */
function seedData(today: string) {
  const rows: Seeded[] = [];
  for (let i = 0; i < 40; i++) {
    // 7 and 40 are coprime: the receipt days are a permutation, so the order differs from insertion order.
    const received = addDays(today, -75 + ((i * 7) % 40));
    const due = addDays(received, 20);
    rows.push({
      code: `000.00.11.H41-${received.slice(2).replaceAll('-', '')}-${String(1001 + i)}`,
      received,
      time: `${String(8 + (i % 3)).padStart(2, '0')}:15`,
      due,
      closed: i % 3 === 0 ? addDays(due, 2) : null,
      realReturn: i % 2 === 0 ? due : addDays(due, -1 - (i % 3)),
      reason: i % 4 === 0 ? '' : i === 7 ? '=HYPERLINK("http://x")' : `Chờ cập nhật kết quả số hóa, lý do số ${i}`,
      note: i % 5 === 0 ? `Sổ theo dõi trang ${i}` : '',
      applicant: i === 5 ? HOSTILE : `Nguyễn Văn Người Nộp ${i}`,
      procedure: i % 6 === 0 ? LONG_PROCEDURE : 'Chứng thực bản sao từ bản chính',
    });
  }
  return rows;
}

function readDossier(s: { code: string; received: string; time: string; due: string; closed: string | null; applicant: string; procedure: string }) {
  return {
    code: s.code,
    procedure: s.procedure,
    sector: 'Hộ tịch',
    applicant: s.applicant,
    received: { day: s.received, time: s.time },
    due: { day: s.due },
    closed: s.closed ? { day: s.closed, time: '16:00' } : null,
    status: s.closed ? 'Đã trả kết quả' : 'Đang xử lý',
    unit: 'Bộ phận Một cửa (trang cổng)',
  };
}

/** The 14 cells the appendix must show for a seeded dossier (unit from the settings). */
function expectedCells(s: Seeded, stt: number): string[] {
  const state = s.closed ? 'Kết thúc muộn' : 'Chưa kết thúc';
  const reason =
    s.reason ||
    (s.closed
      ? 'Đã trả kết quả cho công dân đúng hạn nhưng kết thúc hồ sơ trên Hệ thống muộn'
      : 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống');
  return [
    String(stt),
    s.code,
    s.procedure,
    'Hộ tịch',
    s.applicant,
    // The page showed the receipt's and the closing's time: the appendix shows them (seconds dropped).
    `${vn(s.received)} ${s.time}`,
    vn(s.due),
    s.closed ? `${vn(s.closed)} 16:00` : '',
    state,
    vn(s.realReturn),
    s.realReturn < s.due ? 'Trước hạn' : 'Đúng hạn',
    reason,
    UNIT,
    s.note,
  ];
}

async function seedStore(context: BrowserContext, extensionId: string, today: string) {
  const rows = seedData(today);
  // Not in the appendix: really late (returned after the due day), untagged, and not late at all.
  const reallyLate = { code: '000.00.11.H41-000000-9001', received: addDays(today, -30), time: '09:00', due: addDays(today, -10), closed: null, applicant: 'Lê Văn Trễ', procedure: 'Cấp bản sao trích lục' };
  const untagged = { ...reallyLate, code: '000.00.11.H41-000000-9002', applicant: 'Phạm Thị Chưa Gắn' };
  const notLate = { ...reallyLate, code: '000.00.11.H41-000000-9003', due: addDays(today, 5), applicant: 'Võ Văn Đúng Hẹn' };
  const messages: unknown[] = [
    {
      type: 'dossiers/upsert',
      pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search',
      dossiers: [...rows.map(readDossier), readDossier(reallyLate), readDossier(untagged), readDossier(notLate)],
    },
    ...rows.map((s) => ({ type: 'tag/set', code: s.code, input: { realReturn: s.realReturn, reason: s.reason, note: s.note } })),
    { type: 'tag/set', code: reallyLate.code, input: { realReturn: addDays(reallyLate.due, 1), reason: '', note: '' } },
  ];
  const responses = (await sendFromExtensionPage(context, extensionId, messages)) as { ok: boolean }[];
  expect(responses.filter((r) => !r.ok), JSON.stringify(responses.filter((r) => !r.ok))).toEqual([]);
  const expectedOrder = [...rows].sort((a, b) =>
    `${a.received} ${a.time}` < `${b.received} ${b.time}` ? -1 : `${a.received} ${a.time}` > `${b.received} ${b.time}` ? 1 : a.code < b.code ? -1 : 1,
  );
  return { rows, expectedOrder, excluded: [reallyLate.code, untagged.code, notLate.code] };
}

/** The text of every page of a PDF (pdftotext, poppler-utils), one string per page. */
function pdfPages(pdfPath: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

test('the printable appendix shows the CSV rows and prints to a multi-page A4 PDF with the header on every page', async ({
  context,
  extensionId,
}, testInfo) => {
  const today = vietnamToday();
  const { expectedOrder, excluded } = await seedStore(context, extensionId, today);
  await saveSettings(context, extensionId, { unitName: UNIT, staffName: STAFF });

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/appendix.html`);
  const table = page.getByTestId('print-table');
  await expect(table.getByTestId('print-row')).toHaveCount(40);

  // Headings: exactly the 14 of the CSV, in order.
  const headings = await table.locator('thead tr').first().locator('th').allInnerTexts();
  expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([...APPENDIX_HEADINGS]);

  // Rows: the same order and cells as the CSV export would have (the print adds, under the system
  // state, how many working days late it is).
  const cells = await table.getByTestId('print-row').evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => {
        const copy = td.cloneNode(true) as Element;
        copy.querySelector('.late-days')?.remove();
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
  expect(cells).toEqual(expectedOrder.map((s, i) => expectedCells(s, i + 1)));
  const lateDays = await table.locator('.cell-state .late-days').allTextContents();
  expect(lateDays).toHaveLength(40);
  for (const text of lateDays) expect(text).toMatch(/^\(trễ \d+ ngày làm việc\)$/);
  await expect(page.getByTestId('print-summary')).toContainText('Tổng cộng');
  for (const code of excluded) expect(cells.some((row) => row[1] === code)).toBe(false);

  // Page text is text.
  await expect(table.getByText(HOSTILE)).toHaveCount(1);
  expect(await table.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Heading block and signatures.
  await expect(page.getByTestId('print-unit')).toHaveText(UNIT);
  await expect(page.getByText('PHỤ LỤC', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Danh sách hồ sơ trễ hạn trên Hệ thống nhưng đã trả kết quả trước hạn, đúng hạn cho công dân', { exact: true }),
  ).toBeVisible();
  await expect(page.getByTestId('print-period')).toContainText('Toàn bộ');
  await expect(page.getByTestId('print-made')).toHaveText(`Ngày lập: ${vn(today)}`);
  const signatures = page.getByTestId('print-signatures');
  await expect(signatures).toContainText('Người lập biểu');
  await expect(signatures).toContainText('Thủ trưởng đơn vị');
  await expect(signatures.getByText('(Ký, ghi rõ họ tên)')).toHaveCount(2);
  await expect(page.getByTestId('print-staff')).toHaveText(STAFF);
  await shot(page, 'appendix-print.png');

  // The PDF Chromium prints: A4 landscape from the page's own @page rule.
  const pdfPath = testInfo.outputPath('appendix.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true }));
  const pages = pdfPages(pdfPath);
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => expect(squash(text), `page ${i + 1} repeats the header row`).toContain(squash('Mã hồ sơ')));
  // The column-number row of the header, (1) … (14), also repeats.
  const numbers = Array.from({ length: 14 }, (_, i) => `(${i + 1})`).join('');
  pages.forEach((text, i) => expect(squash(text), `page ${i + 1} repeats the header row`).toContain(numbers));
  const whole = pages.map(squash).join('');
  for (const s of expectedOrder) {
    const onPages = pages.filter((text) => squash(text).includes(squash(s.code))).length;
    expect(onPages, `${s.code} is printed on exactly one page`).toBe(1);
  }
  for (const code of excluded) expect(whole).not.toContain(code);
  for (const text of ['PHỤ LỤC', UNIT, `Ngày lập: ${vn(today)}`, 'Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, ghi rõ họ tên)', STAFF]) {
    expect(whole, text).toContain(squash(text));
  }
  // The signature block is on the last page, after the last row; the screen controls are not printed.
  const last = squash(pages[pages.length - 1]!);
  expect(last).toContain(squash('Thủ trưởng đơn vị'));
  expect(last.indexOf(squash(expectedOrder[39]!.code))).toBeLessThan(last.indexOf(squash('Người lập biểu')));
  expect(whole).not.toContain(squash('In / Lưu PDF'));
});

test('the period comes from the address, can be changed on the page, and an empty period says so', async ({ context, extensionId }) => {
  const today = vietnamToday();
  const { expectedOrder } = await seedStore(context, extensionId, today);
  const dues = expectedOrder.map((s) => s.due).sort();
  const from = dues[10]!;
  const to = dues[25]!;
  const inRange = expectedOrder.filter((s) => s.due >= from && s.due <= to).map((s) => s.code);
  expect(inRange.length).toBeGreaterThan(0);
  expect(inRange.length).toBeLessThan(40);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/appendix.html?from=${from}&to=${to}`);
  const rows = page.getByTestId('print-row');
  await expect(rows).toHaveCount(inRange.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(inRange);
  await expect(page.getByTestId('print-period')).toHaveText(
    `Kỳ báo cáo: từ ngày ${vn(from)} đến ngày ${vn(to)} (theo ngày hẹn trả kết quả)`,
  );
  await expect(page.getByTestId('print-unit')).toHaveText(''); // no unit set: a blank line to fill by hand

  // Changing the period on the page filters again and keeps it in the address.
  await page.getByTestId('print-period-to').fill(addDays(today, -200));
  await page.getByTestId('print-period-from').fill(addDays(today, -210));
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('print-empty')).toHaveText('Không có hồ sơ nào trong kỳ báo cáo.');
  await expect(page.getByTestId('print-empty-hint')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('to')).toBe(addDays(today, -200));

  await page.getByTestId('print-period-all').click();
  await expect(rows).toHaveCount(40);
  await expect(page.getByTestId('print-period')).toHaveText('Kỳ báo cáo: Toàn bộ');
  expect(new URL(page.url()).search).toBe('');

  // A broken date in the address is ignored with a message, never guessed.
  await page.goto(`chrome-extension://${extensionId}/appendix.html?from=2025-02-31`);
  await expect(rows).toHaveCount(40);
  await expect(page.getByText('2025-02-31')).toBeVisible();
});

// ---------------------------------------------------------------------------------------------------
// Consolidation

function row(code: string, over: Partial<AppendixValues> = {}): AppendixValues {
  return {
    stt: '1',
    code,
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Nguyễn Văn An',
    received: '03/11/2025',
    due: '10/11/2025',
    closed: '',
    state: 'Chưa kết thúc',
    realReturn: '10/11/2025',
    outcome: 'Đúng hạn',
    reason: 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống',
    unit: 'UBND xã Đăk Cấm',
    note: '',
    ...over,
  };
}

const early = { realReturn: '07/11/2025', outcome: 'Trước hạn' };
const SHARED = '000.00.11.H41-251101-0999';

function consolidationFiles(dir: string) {
  const a = [
    row('000.00.11.H41-251103-0001', { ...early, received: '01/11/2025' }),
    row('000.00.11.H41-251103-0002', { received: '02/11/2025' }),
    row('000.00.11.H41-251103-0003', { ...early, received: '04/11/2025', closed: '12/11/2025', state: 'Kết thúc muộn' }),
    row(SHARED, { received: '05/11/2025', reason: 'Lý do của xã Đăk Cấm' }),
  ];
  const unitB = 'UBND phường Quyết Thắng';
  const b = [
    row('000.00.12.H41-251103-0001', { unit: unitB, received: '01/11/2025' }),
    row('000.00.12.H41-251103-0002', { unit: unitB, received: '02/11/2025', reason: '=1+2' }),
    row('000.00.12.H41-251103-0003', { ...early, unit: unitB, received: '06/11/2025', note: 'Sổ tiếp nhận; trang 4' }),
    row(SHARED, { received: '05/11/2025', reason: 'Lý do của phường Quyết Thắng' }),
    a[1]!, // the same dossier sent by both offices, identical: merged silently
  ];
  const unitC = 'UBND xã Ngọk Bay';
  const c = [
    row('000.00.13.H41-251103-0001', { unit: unitC, note: 'dòng một\ndòng hai' }), // lines 2–3
    row('000.00.13.H41-251103-0002', { unit: unitC, realReturn: '31/02/2025' }), // line 4: impossible day
    row('', { unit: unitC }), // line 5: no code
    row('000.00.13.H41-251103-0004', { unit: unitC, outcome: 'Quá hạn' }), // line 6: not an appendix outcome
    row('000.00.13.H41-251103-0005', { ...early, unit: unitC }), // line 7: valid
  ];
  const paths = {
    a: join(dir, 'xa-dak-cam.csv'),
    b: join(dir, 'phuong-quyet-thang.csv'),
    c: join(dir, 'xa-ngok-bay.csv'),
    png: join(dir, 'anh-chup.png'),
  };
  // Comma without a BOM; semicolon with the BOM; the bad file gets a 5-column line 8 appended.
  writeFileSync(paths.a, appendixCsv(a, { delimiter: ',' }).replace(/^\uFEFF/, ''), 'utf8');
  writeFileSync(paths.b, appendixCsv(b, { delimiter: ';' }), 'utf8');
  const cText = appendixCsv(c, { delimiter: ',' }) + '8,000.00.13.H41-251103-0008,Thủ tục,,Người nộp\r\n';
  writeFileSync(paths.c, cText, 'utf8');
  writeFileSync(paths.png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
  return { paths, cText, a, b, c, unitB, unitC };
}

test('consolidation reports every bad row with file and line, settles conflicts and exports one appendix', async ({ context, extensionId }) => {
  const dir = mkdtempSync(join(tmpdir(), 'consolidate-'));
  const { paths, cText, unitB, unitC } = consolidationFiles(dir);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/consolidate.html`);

  // Two files and a picture through the picker, the bad file by drag and drop.
  await page.getByTestId('consolidate-files').setInputFiles([paths.a, paths.b, paths.png]);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'xa-ngok-bay.csv', { type: 'text/csv' }));
    return transfer;
  }, cText);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });

  const file = (name: string) => page.locator(`[data-testid="consolidate-file"][data-file="${name}"]`);
  await expect(page.getByTestId('consolidate-file')).toHaveCount(4);
  await expect(file('xa-dak-cam.csv').getByTestId('file-rows')).toHaveText('4 dòng hợp lệ');
  await expect(file('xa-dak-cam.csv').getByTestId('file-delimiter')).toContainText('dấu phẩy (,)');
  await expect(file('phuong-quyet-thang.csv').getByTestId('file-rows')).toHaveText('5 dòng hợp lệ');
  await expect(file('phuong-quyet-thang.csv').getByTestId('file-delimiter')).toContainText('dấu chấm phẩy (;)');
  await expect(file('xa-ngok-bay.csv').getByTestId('file-rows')).toHaveText('2 dòng hợp lệ');
  await expect(file('xa-ngok-bay.csv').getByTestId('file-errors')).toHaveText('4 lỗi');
  await expect(file('anh-chup.png').getByTestId('file-rows')).toHaveText('0 dòng hợp lệ');

  // Every error, with its file and line.
  const errors = page.getByTestId('import-error');
  await expect(errors).toHaveCount(5);
  const errorAt = (name: string, line: number) => page.locator(`[data-testid="import-error"][data-file="${name}"][data-line="${line}"]`);
  for (const [line, words] of [
    [4, 'Ngày trả kết quả thực tế'],
    [5, 'Mã hồ sơ'],
    [6, 'Kết quả thực tế'],
    [8, '5 cột'],
  ] as const) {
    await expect(errorAt('xa-ngok-bay.csv', line)).toHaveCount(1);
    await expect(errorAt('xa-ngok-bay.csv', line)).toContainText(`xa-ngok-bay.csv, dòng ${line}`);
    await expect(errorAt('xa-ngok-bay.csv', line)).toContainText(words);
  }
  await expect(errorAt('anh-chup.png', 0)).toContainText('không phải tệp CSV');
  await expect(page.getByTestId('export-skipped')).toContainText('4 dòng lỗi');

  // The shared code with two different reasons is a conflict; the export waits for a choice.
  const conflicts = page.getByTestId('conflict');
  await expect(conflicts).toHaveCount(1);
  const conflict = conflicts.first();
  await expect(conflict).toHaveAttribute('data-code', SHARED);
  await expect(conflict).toContainText('xa-dak-cam.csv, dòng 5');
  await expect(conflict).toContainText('phuong-quyet-thang.csv, dòng 5');
  await expect(conflict).toContainText('Lý do của xã Đăk Cấm');
  await expect(conflict).toContainText('Lý do của phường Quyết Thắng');
  await expect(conflict).not.toContainText('Nguyễn Văn An'); // only the differing values are shown
  const exportButton = page.getByTestId('export-consolidated');
  await expect(exportButton).toBeDisabled();
  await expect(page.getByTestId('export-reason')).toContainText('1 hồ sơ trùng mã');

  // Summary by unit before the choice: the shared dossier is not counted yet.
  const summaryRow = (unit: string) => page.locator(`[data-testid="unit-summary-row"][data-unit="${unit}"]`);
  const rowCells = async (unit: string) => (await summaryRow(unit).locator('td').allInnerTexts()).map((x) => x.trim());
  await expect(page.getByTestId('unit-summary-row')).toHaveCount(3);
  expect(await rowCells(UNIT)).toEqual(['3', '2', '1']);

  await shot(page, 'consolidate.png');

  // Choose the ward's copy.
  await conflict.locator('[data-testid="conflict-choice"][data-file="phuong-quyet-thang.csv"]').check();
  await expect(conflict).toHaveAttribute('data-resolved', 'true');
  await expect(exportButton).toBeEnabled();

  // Vietnamese order of units; counts per unit and in total.
  expect(await page.getByTestId('unit-summary-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')))).toEqual([
    unitB,
    UNIT,
    unitC,
  ]);
  expect(await rowCells(UNIT)).toEqual(['4', '2', '2']);
  expect(await rowCells(unitB)).toEqual(['3', '1', '2']);
  expect(await rowCells(unitC)).toEqual(['2', '1', '1']);
  expect((await page.getByTestId('unit-summary-total').locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['9', '4', '5']);

  // The export: BOM, the 14 headings, the merged rows in receipt order, the chosen copy.
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const compact = vietnamToday().replaceAll('-', '');
  expect(download.suggestedFilename()).toBe(`phu-luc-tong-hop-${compact}.csv`);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe(APPENDIX_HEADINGS.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','));
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...data] = parsed.data;
  expect(header).toEqual([...APPENDIX_HEADINGS]);
  expect(data.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  expect(data.map((r) => r[1])).toEqual([
    '000.00.11.H41-251103-0001',
    '000.00.12.H41-251103-0001',
    '000.00.11.H41-251103-0002',
    '000.00.12.H41-251103-0002',
    '000.00.13.H41-251103-0001',
    '000.00.13.H41-251103-0005',
    '000.00.11.H41-251103-0003',
    SHARED,
    '000.00.12.H41-251103-0003',
  ]);
  expect(data.find((r) => r[1] === SHARED)?.[11]).toBe('Lý do của phường Quyết Thắng');
  expect(data.find((r) => r[1] === '000.00.12.H41-251103-0002')?.[11]).toBe("'=1+2");
  expect(data.find((r) => r[1] === '000.00.13.H41-251103-0001')?.[13]).toBe('dòng một\ndòng hai');
  await expect(page.getByTestId('export-message')).toContainText(`phu-luc-tong-hop-${compact}.csv`);

  // Removing files takes their rows, errors and conflicts away.
  await file('xa-ngok-bay.csv').getByTestId('remove-file').click();
  await expect(errors).toHaveCount(1);
  await expect(summaryRow(unitC)).toHaveCount(0);
  await file('phuong-quyet-thang.csv').getByTestId('remove-file').click();
  await expect(conflicts).toHaveCount(0);
  expect((await page.getByTestId('unit-summary-total').locator('td').allInnerTexts()).map((x) => x.trim())).toEqual(['4', '2', '2']);
});

test('a file too large is reported, not loaded; two files with the same name stay apart', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/consolidate.html`);
  const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x41);
  const csv = appendixCsv([row('000.00.11.H41-251103-0001')], { delimiter: ',' });
  const other = appendixCsv([row('000.00.11.H41-251103-0001', { reason: 'Lý do khác' })], { delimiter: ';' });
  await page.getByTestId('consolidate-files').setInputFiles([
    { name: 'rat-lon.csv', mimeType: 'text/csv', buffer: big },
    { name: 'phu-luc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    { name: 'phu-luc.csv', mimeType: 'text/csv', buffer: Buffer.from(other) },
  ]);
  await expect(page.getByTestId('consolidate-file')).toHaveCount(3);
  await expect(page.locator('[data-testid="import-error"][data-file="rat-lon.csv"]')).toContainText('quá lớn');
  await expect(page.locator('[data-testid="consolidate-file"][data-file="phu-luc (2).csv"]')).toContainText('phu-luc.csv');
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toContainText('phu-luc.csv, dòng 2');
  await expect(conflict).toContainText('phu-luc (2).csv, dòng 2');
  await expect(page.getByTestId('export-consolidated')).toBeDisabled();
});

test('consolidation reads files in a worker, reports what an unbalanced quote swallowed, caps long error lists and settles conflicts per file', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/consolidate.html`);
  const codes = ['000.00.11.H41-251103-0101', '000.00.11.H41-251103-0102', '000.00.11.H41-251103-0103'];
  const x = appendixCsv(codes.map((code) => row(code, { reason: 'Lý do của xã' })), { delimiter: ',' });
  const y = appendixCsv(codes.map((code) => row(code, { reason: 'Lý do của phường' })), { delimiter: ',' });
  // Line 3 opens a quote that never closes: lines 3–5 run into one cell.
  const quoteLines = appendixCsv(['000.00.11.H41-251103-0201', '000.00.11.H41-251103-0202', '000.00.11.H41-251103-0203', '000.00.11.H41-251103-0204'].map((code) => row(code)), { delimiter: ',' }).split('\r\n');
  quoteLines[2] = quoteLines[2]!.replace(/,$/, ',"');
  const header = appendixCsv([], { delimiter: ',' });
  await page.getByTestId('consolidate-files').setInputFiles([
    { name: 'xa.csv', mimeType: 'text/csv', buffer: Buffer.from(x) },
    { name: 'phuong.csv', mimeType: 'text/csv', buffer: Buffer.from(y) },
    { name: 'ngoac.csv', mimeType: 'text/csv', buffer: Buffer.from(quoteLines.join('\r\n')) },
    { name: 'nhieu-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(header + 'x,y\r\n'.repeat(120)) },
    { name: 'trieu-dong.csv', mimeType: 'text/csv', buffer: Buffer.from(header + 'x,"\r\n'.repeat(1_000_000)) },
  ]);
  await expect(page.getByTestId('consolidate-file')).toHaveCount(5);
  await expect(page.getByTestId('consolidate-reading')).toHaveCount(0);
  expect(page.workers().length).toBeGreaterThan(0);

  // The unbalanced quote: one error over the lines it swallowed, all of them rejected.
  const quote = page.locator('[data-testid="import-error"][data-file="ngoac.csv"]');
  await expect(quote).toHaveCount(1);
  await expect(quote).toHaveAttribute('data-line', '3');
  await expect(quote).toHaveAttribute('data-line-to', '5');
  await expect(quote).toContainText('ngoac.csv, dòng 3–5');
  await expect(quote).toContainText('dấu ngoặc kép');

  // 120 bad lines: 50 listed, the rest counted; the whole list downloads.
  await expect(page.locator('[data-testid="import-error"][data-file="nhieu-loi.csv"]')).toHaveCount(50);
  await expect(page.locator('[data-testid="import-errors-more"][data-file="nhieu-loi.csv"]')).toContainText('70 lỗi khác');
  await expect(page.locator('[data-testid="import-error"][data-file="trieu-dong.csv"]')).toContainText('quá dài');
  await expect(page.getByTestId('export-skipped')).toContainText('123 dòng lỗi');
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-errors').click()]);
  const reportRows = Papa.parse<string[]>(readFileSync((await report.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  expect(reportRows[0]).toEqual(['Tệp', 'Từ dòng', 'Đến dòng', 'Lỗi']);
  expect(reportRows.filter((r) => r[0] === 'nhieu-loi.csv')).toHaveLength(120);
  expect(reportRows.find((r) => r[0] === 'ngoac.csv')?.slice(1, 3)).toEqual(['3', '5']);

  // Three conflicts between the commune and the ward, settled in one click for the ward.
  const conflicts = page.getByTestId('conflict');
  await expect(conflicts).toHaveCount(3);
  await expect(page.getByTestId('export-consolidated')).toBeDisabled();
  await page.locator('[data-testid="settle-file"][data-file="phuong.csv"]').click();
  await expect(page.locator('[data-testid="conflict"][data-resolved="true"]')).toHaveCount(3);
  await expect(page.getByTestId('export-consolidated')).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-consolidated').click()]);
  const data = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
  expect(data.filter((r) => codes.includes(r[1]!)).map((r) => r[11])).toEqual(['Lý do của phường', 'Lý do của phường', 'Lý do của phường']);
});
