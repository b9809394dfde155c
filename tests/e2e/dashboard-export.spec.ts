import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { viDashboard } from '../../lib/i18n/vi-dashboard';
import { expect, openPopup, sendFromExtensionPage, test } from './fixtures';

/**
 * The dashboard's follow-up lists exported as CSV, a workbook and a Word document, read back (Papa Parse
 * reads the CSV, ExcelJS opens the .xlsx, JSZip the .docx's document.xml): each unit, code and kind in the
 * files is the one the page lists (`followup-unit`, `followup-item`). The writers stay in chunks the
 * dashboard only loads on an export.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
const today = vietnamToday();
const HEADER_ROW = 8;

/** The kind a group heading row names ("Quá hạn, chưa kết thúc (3)"), from the catalog's words. */
const KIND_BY_LABEL = new Map<string, string>(
  (['returned-not-closed', 'overdue', 'due-soon'] as const).map((kind) => [viDashboard[`dashboard.kind.${kind}`], kind]),
);
function kindOfHeading(text: string): string | undefined {
  const match = /^(.*) \(\d+\)$/.exec(text.trim());
  return match ? KIND_BY_LABEL.get(match[1]!) : undefined;
}

type Listed = Map<string, Map<string, string>>;

/** unit → (code → kind), as the page lists them. */
async function listedOnPage(page: Page): Promise<Listed> {
  const entries = await page.getByTestId('followup-unit').evaluateAll((blocks) =>
    blocks.map((block) => [
      block.getAttribute('data-unit') ?? '',
      Array.from(block.querySelectorAll('[data-testid="followup-item"]')).map((item) => [item.getAttribute('data-code') ?? '', item.getAttribute('data-kind') ?? '']),
    ]),
  );
  return new Map(entries.map(([unit, items]) => [unit as string, new Map(items as [string, string][])]));
}

/** unit → (code → kind), as a workbook's sheets hold them: the unit line, then kind headings and rows. */
async function listedInWorkbook(bytes: Buffer): Promise<Listed> {
  // Playwright loads ExcelJS as CommonJS: its exports come as the default.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const listed: Listed = new Map();
  for (const sheet of workbook.worksheets) {
    expect(String(sheet.getCell(5, 1).value)).toBe('DANH SÁCH HỒ SƠ CẦN ĐÔN ĐỐC');
    expect(String(sheet.getCell(3, 3).value)).toContain(`ngày ${today.slice(8, 10)}`);
    const unit = String(sheet.getCell(6, 1).value).replace(/^Đơn vị xử lý: /, '');
    const codes = new Map<string, string>();
    let kind: string | undefined;
    for (let row = HEADER_ROW + 1; row <= sheet.rowCount; row++) {
      const first = String(sheet.getCell(row, 1).value ?? '');
      if (/^\d+$/.test(first)) codes.set(String(sheet.getCell(row, 2).value), kind!);
      else kind = kindOfHeading(first) ?? kind;
    }
    listed.set(unit, codes);
  }
  return listed;
}

/** The same from a Word document's table rows, unit by unit. */
async function listedInDocument(bytes: Buffer): Promise<Listed> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  expect(xml).toContain('<w:tblHeader/>');
  const listed: Listed = new Map();
  const texts = (xmlPart: string) => [...xmlPart.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
  // Each unit's section from its unit line on: its table's rows, then the next section's heading block.
  for (const part of xml.split(/(?=<w:t(?: [^>]*)?>Đơn vị xử lý: )/).slice(1)) {
    const unit = /^<w:t(?: [^>]*)?>Đơn vị xử lý: ([^<]*)</.exec(part)![1]!;
    const codes = new Map<string, string>();
    let kind: string | undefined;
    for (const row of part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const cells = [...row[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((cell) => texts(cell[0]));
      if (cells.length === 1) kind = kindOfHeading(cells[0]!) ?? kind;
      else if (/^\d+$/.test(cells[0] ?? '')) codes.set(cells[1]!, kind!);
    }
    listed.set(unit, codes);
  }
  return listed;
}

/** The same from the CSV: one row per item, with its unit and its kind's words in columns of their own. */
function listedInCsv(bytes: Buffer): Listed {
  const [header, ...rows] = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const column = (name: string) => header!.indexOf(viDashboard[name as keyof typeof viDashboard]);
  const [unitAt, kindAt, codeAt] = [column('dashboard.colUnit'), column('dashboard.colKind'), column('dashboard.colCode')];
  const listed: Listed = new Map();
  for (const row of rows) {
    const codes = listed.get(row[unitAt]!) ?? new Map<string, string>();
    codes.set(row[codeAt]!, KIND_BY_LABEL.get(row[kindAt]!)!);
    listed.set(row[unitAt]!, codes);
  }
  return listed;
}

async function download(page: Page, testId: string, nth = 0) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).nth(nth).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the follow-up lists export as CSV, a workbook and a Word document holding the units, codes and kinds the page lists', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(180_000);
  // The demo search page, read whole; two open late dossiers tagged as returned (list a).
  const dossiers = buildSearchDossiers(today);
  const portal = await context.newPage();
  await portal.goto(SEARCH);
  await portal.getByLabel('Số dòng').selectOption('50');
  const readable = dossiers.filter((d) => d.expected !== 'unreadable').length;
  await expect
    .poll(async () => ((await sendFromExtensionPage(context, extensionId, [{ type: 'status/get' }])) as { stored: number }[])[0]!.stored)
    .toBeGreaterThanOrEqual(readable);
  const returned = dossiers.filter((d) => d.expected === 'late-unclosed').slice(0, 2);
  for (const answer of await sendFromExtensionPage(context, extensionId, returned.map((d) => ({ type: 'tag/set', code: d.code, input: { realReturn: d.due.day } }))))
    expect(answer).toMatchObject({ ok: true });
  await portal.close();

  const popup = await openPopup(context, extensionId);
  const [page] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-dashboard').click()]);
  await expect(page.getByTestId('followup-unit').first()).toBeVisible();
  const onPage = await listedOnPage(page);
  expect(onPage.size).toBeGreaterThan(1);
  const kinds = new Set([...onPage.values()].flatMap((codes) => [...codes.values()]));
  expect(kinds).toEqual(new Set(['returned-not-closed', 'overdue', 'due-soon']));
  const stamp = today.replaceAll('-', '');

  // Every unit in one file: the CSV's rows; one sheet, one section, per unit, in the page's order.
  const csv = await download(page, 'followup-csv-all');
  expect(csv.name).toBe(`don-doc-ho-so-${stamp}.csv`);
  expect(listedInCsv(csv.bytes)).toEqual(onPage);
  const xlsx = await download(page, 'followup-xlsx-all');
  expect(xlsx.name).toBe(`don-doc-ho-so-${stamp}.xlsx`);
  expect(await listedInWorkbook(xlsx.bytes)).toEqual(onPage);
  await expect(page.getByTestId('followup-export-message')).toContainText(xlsx.name);
  // For looking at: the export buttons and the status line, at the head of office's screen size.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('followup-xlsx-all').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dashboard-exports.png') });
  await page.getByTestId('followup-unit').nth(1).screenshot({ path: testInfo.outputPath('dashboard-unit.png') });
  const docx = await download(page, 'followup-docx-all');
  expect(docx.name).toBe(`don-doc-ho-so-${stamp}.docx`);
  expect(await listedInDocument(docx.bytes)).toEqual(onPage);

  // One unit's own file, for sending to that unit: its list only.
  const second = [...onPage.keys()][1]!;
  const unitXlsx = await download(page, 'followup-xlsx', 1);
  expect(unitXlsx.name).toMatch(new RegExp(`^don-doc-ho-so-[a-z0-9-]+-${stamp}\\.xlsx$`));
  expect(await listedInWorkbook(unitXlsx.bytes)).toEqual(new Map([[second, onPage.get(second)]]));
  const unitDocx = await download(page, 'followup-docx', 1);
  expect(await listedInDocument(unitDocx.bytes)).toEqual(new Map([[second, onPage.get(second)]]));
});

test('the follow-up writers are chunks that the dashboard loads only on an export', async () => {
  const dir = resolve('.output/chrome-mv3');
  const code = (file: string) => readFileSync(join(dir, file), 'utf8');
  const chunks = readdirSync(join(dir, 'chunks'));
  expect(chunks.some((file) => file.startsWith('followup-workbook-'))).toBe(true);
  expect(chunks.some((file) => file.startsWith('followup-word-'))).toBe(true);
  // What the dashboard loads up front: its page's scripts and every chunk they import statically.
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const m of code(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`chunks/${m[1]}`);
  };
  for (const m of code('dashboard.html').matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)) visit(m[1]!);
  expect([...loaded].some((file) => file.startsWith('chunks/dashboard-'))).toBe(true);
  for (const file of loaded) {
    expect(/^chunks\/(exceljs|followup-workbook|followup-word|workbook|word-document)/.test(file), file).toBe(false);
    expect(/officedocument\.spreadsheetml\.styles|w:tblHeader/.test(code(file)), file).toBe(false);
  }
  // …and it does reach them, by a dynamic import.
  const dashboard = [...loaded].map(code).join('\n');
  expect(dashboard).toMatch(/import\(["`]\.\/followup-workbook-[^"`]+\.js["`]\)/);
  expect(dashboard).toMatch(/import\(["`]\.\/followup-word-[^"`]+\.js["`]\)/);
});
