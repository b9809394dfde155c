import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DEMO_PAGES } from '../fixtures/portal/routes.mjs';
import { buildSearchDossiers, vietnamToday } from '../fixtures/portal/dossiers.mjs';
import { expect, openPopup, popupCount, sendFromExtensionPage, test } from './fixtures';

/**
 * The popup's workbook and Word exports on the demo portal's data, read back: by ExcelJS (cells, frozen
 * header, print setup, fonts), by LibreOffice (the .xlsx as CSV equals the CSV export cell for cell; the
 * .docx as PDF shows every row and the signatures on A4 landscape pages), and the built extension keeps
 * the writers out of everything but their own lazily loaded chunks.
 */

const SEARCH = DEMO_PAGES.find((page) => page.key === 'search')!.url;
const HEADER_ROW = 9;
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((path) => existsSync(path));

/** Reads the demo portal's search page and tags every late dossier with its appointment day. */
async function seedAppendix(context: Parameters<typeof sendFromExtensionPage>[0], extensionId: string): Promise<string[]> {
  const late = buildSearchDossiers(vietnamToday()).filter((d) => d.expected.startsWith('late-'));
  const page = await context.newPage();
  await page.goto(SEARCH);
  await page.getByLabel('Số dòng').selectOption('50');
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-late'), { timeout: 30_000 }).toBe(late.length);
  const responses = await sendFromExtensionPage(
    context,
    extensionId,
    late.map((d) => ({ type: 'tag/set', code: d.code, input: { realReturn: d.due.day, reason: '', note: '' } })),
  );
  expect(responses.every((r) => (r as { ok?: boolean }).ok === true)).toBe(true);
  await popup.reload();
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(late.length);
  await page.close();
  return late.map((d) => d.code);
}

async function download(popup: Awaited<ReturnType<typeof openPopup>>, testId: string) {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the popup exports the appendix as a workbook and a Word document that read back as the CSV', async ({ context, extensionId }) => {
  test.setTimeout(240_000);
  const codes = await seedAppendix(context, extensionId);
  const popup = await openPopup(context, extensionId);
  await expect.poll(() => popupCount(popup, 'count-appendix')).toBe(codes.length);
  const today = vietnamToday().replaceAll('-', '');

  const csv = await download(popup, 'export-csv');
  const xlsx = await download(popup, 'export-xlsx');
  const docx = await download(popup, 'export-docx');
  expect(xlsx.name).toBe(`phu-luc-ho-so-tre-han-${today}.xlsx`);
  expect(docx.name).toBe(`phu-luc-ho-so-tre-han-${today}.docx`);
  await expect(popup.getByTestId('export-message')).toContainText(docx.name);

  // The CSV's cells, formula guard undone: what the workbook must hold as plain text.
  const csvRows = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  const expected = csvRows.map((row) => row.map((cell) => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell)));
  expect(expected.some((row) => row[2]!.startsWith('=HYPERLINK'))).toBe(true);

  // Read back by the library.
  // Playwright loads ExcelJS as CommonJS: its exports come as the default.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
  expect(sheet.getCell(HEADER_ROW, 1).font).toMatchObject({ name: 'Times New Roman', bold: true });
  const hyperlinkRow = HEADER_ROW + expected.findIndex((row) => row[2]!.startsWith('=HYPERLINK'));
  expect(sheet.getCell(hyperlinkRow, 3).formula).toBeUndefined();
  expect(String(sheet.getCell(hyperlinkRow, 3).value)).toMatch(/^=HYPERLINK/);

  const documentXml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
  for (const code of codes) expect(documentXml).toContain(code);
  expect(documentXml).toContain('<w:tblHeader/>');

  test.skip(!SOFFICE, 'LibreOffice is not installed (.ci/run installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'office-e2e-'));
  try {
    writeFileSync(join(dir, 'book.xlsx'), xlsx.bytes);
    writeFileSync(join(dir, 'doc.docx'), docx.bytes);
    const convert = (input: string, filter: string) =>
      execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', filter, '--outdir', dir, join(dir, input)], {
        stdio: 'pipe',
        timeout: 180_000,
      });
    convert('book.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false');
    const sheetCsv = Papa.parse<string[]>(readFileSync(join(dir, 'book.csv'), 'utf8').replace(/^\uFEFF/, '')).data;
    const table = sheetCsv.slice(HEADER_ROW - 1, HEADER_ROW - 1 + expected.length).map((row) => row.slice(0, 14));
    expect(table).toEqual(expected.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n'))));

    convert('doc.docx', 'pdf');
    const info = execFileSync('pdfinfo', [join(dir, 'doc.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 595(\.\d+)? pts/);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'PHỤ LỤC', 'NGƯỜI LẬP BIỂU']) expect(text).toContain(line);
    // Every code whole, on one line of its cell.
    for (const code of codes) expect(text).toContain(code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the writers are only in chunks of their own, loaded by the pages that export', async () => {
  // The production build the other tests load.
  const dir = resolve('.output/chrome-mv3');
  const code = (file: string) => readFileSync(join(dir, file), 'utf8');
  // What each page, the background and the content scripts load up front: their files and, through
  // static `import … from "./x.js"`, every chunk those import (a dynamic `import()` is not followed).
  const starts = [
    'background.js',
    ...readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`),
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .flatMap((html) => [...code(html).matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1]!)),
  ];
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`${folder}${m[1]}`);
  };
  starts.forEach(visit);
  expect(loaded.has('background.js')).toBe(true);
  expect([...loaded].some((f) => f.startsWith('chunks/popup-'))).toBe(true);
  // ExcelJS's and docx's own code: their part names and the writers' chunks.
  const signatures = [/officedocument\.spreadsheetml\.styles/, /w:tblHeader/];
  for (const file of loaded) {
    expect(/^chunks\/(exceljs|workbook|word-document|xlsx-import)/.test(file), file).toBe(false);
    for (const signature of signatures) expect(signature.test(code(file)), `${file} holds ${signature}`).toBe(false);
  }
  // They exist, as chunks that only a dynamic import reaches.
  const chunks = readdirSync(join(dir, 'chunks'));
  const all = chunks.map((f) => code(`chunks/${f}`)).join('\n');
  for (const signature of signatures) expect(signature.test(all)).toBe(true);
  expect(chunks.some((f) => f.startsWith('workbook-'))).toBe(true);
  expect(chunks.some((f) => f.startsWith('word-document-'))).toBe(true);
});
