#!/usr/bin/env node
/**
 * The office exports, measured (rerun with `node tests/bench/office.mjs`, about 2–4 minutes on 2 cores;
 * `--choice` runs only the library comparison, `--product` only the product's exports, `--rows=N` exports N
 * rows instead of 10,000).
 *
 * 1. The library choice for the workbook: ExcelJS against write-excel-file + read-excel-file. For each, the
 *    code an export page would load (esbuild, minified, browser build of the package: raw and gzip bytes)
 *    for writing and for reading, and the time to write the same 10,000-row, 14-column styled table
 *    (bold header, widths, wrapped cells, thin borders, frozen row) in a blank Chromium page.
 * 2. The product: `officeFile('xlsx' | 'docx')` (lib/appendix/office-file.ts, the popup's path) on the
 *    appendix of 10,000 tagged dossiers: time and peak JS heap on the page, median of the runs.
 *
 * Peak memory is the JS heap high-water mark (`performance.memory.usedJSHeapSize`, precise with
 * --enable-precise-memory-info), sampled every 10 ms while the export runs and after it, after a forced
 * garbage collection; it misses nothing the writers keep across their own awaits, but can miss a
 * short-lived peak inside one synchronous stretch, so read it as a lower bound.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../support/browser.mjs';
import { bundleForPage, fmt, median, ROOT, taggedLateDossiers, withTimeout } from './common.mjs';
import { vietnamToday } from '../fixtures/portal/dossiers.mjs';

const argv = process.argv.slice(2);
/** Rows exported (`--rows=N`; 10,000 by default). */
const COUNT = Number(argv.find((a) => a.startsWith('--rows='))?.slice('--rows='.length) ?? 10_000);
const runChoice = !argv.includes('--product');
const runProduct = !argv.includes('--choice');

/** Minified ES module bundle of `source` for the browser, as Vite would ship it: raw and gzip bytes. */
async function chunkSize(source) {
  const out = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  const bytes = out.outputFiles[0].contents;
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kib = (n) => `${fmt(n / 1024)} KiB`;

async function launch() {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...QUIET_CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  return { browser, page };
}

/** Runs `globalThis.__bench.run(kind)` `samples` times in the page: ms and peak heap of each run. */
async function measure(page, kind, samples) {
  return withTimeout(
    page.evaluate(
      async ({ kind, samples }) => {
        const runs = [];
        for (let i = 0; i < samples; i++) {
          globalThis.gc?.();
          const base = performance.memory.usedJSHeapSize;
          let peak = base;
          const sample = () => (peak = Math.max(peak, performance.memory.usedJSHeapSize));
          const timer = setInterval(sample, 10);
          // The longest stretch the page's main thread could not answer (a popup would not repaint or
          // react to a click for that long).
          let longestTask = 0;
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
          });
          observer.observe({ type: 'longtask' });
          const t0 = performance.now();
          const size = await globalThis.__bench.run(kind, sample);
          const ms = performance.now() - t0;
          sample();
          clearInterval(timer);
          await new Promise((resolve) => setTimeout(resolve, 50));
          for (const entry of observer.takeRecords()) longestTask = Math.max(longestTask, entry.duration);
          observer.disconnect();
          runs.push({ ms, peakMiB: (peak - base) / 1048576, heapMiB: peak / 1048576, size, longestTask });
        }
        return runs;
      },
      { kind, samples },
    ),
    600_000,
    `office bench ${kind}`,
  );
}

function summarize(label, runs) {
  const ms = median(runs.map((r) => r.ms));
  const peak = Math.max(...runs.map((r) => r.heapMiB));
  const over = Math.max(...runs.map((r) => r.peakMiB));
  const longest = Math.max(...runs.map((r) => r.longestTask));
  console.log(
    `  ${label}: ${fmt(ms)} ms (median of ${runs.length}), longest main-thread task ${fmt(longest)} ms, peak JS heap ${fmt(peak)} MiB (+${fmt(over)} MiB over the page before), file ${kib(runs[0].size)}`,
  );
  return { label, ms, longestTaskMs: longest, peakMiB: peak, overMiB: over, bytes: runs[0].size };
}

/** The same table written by each candidate library (no product code involved). */
const CHOICE_SOURCE = `
import { Workbook } from 'exceljs';
import writeXlsxFile from 'write-excel-file/browser';
const HEAD = Array.from({ length: 14 }, (_, i) => 'Tiêu đề cột ' + (i + 1));
const ROWS = Array.from({ length: ${COUNT} }, (_, r) => HEAD.map((_, c) => c === 0 ? String(r + 1) : 'Nguyễn Thị Ánh ' + r + ' – ' + c));
const thin = { style: 'thin' };
async function exceljs() {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Phụ lục', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HEAD.map(() => ({ width: 16 }));
  for (const values of [HEAD, ...ROWS]) {
    const row = ws.addRow(values);
    row.eachCell((cell) => { cell.font = { name: 'Times New Roman', size: 11, bold: row.number === 1 }; cell.alignment = { wrapText: true, vertical: 'top' }; cell.border = { top: thin, left: thin, bottom: thin, right: thin }; });
  }
  return (await wb.xlsx.writeBuffer()).byteLength;
}
async function writeExcelFile() {
  const style = (bold) => ({ fontFamily: 'Times New Roman', fontSize: 11, fontWeight: bold ? 'bold' : undefined, wrap: true, alignVertical: 'top', borderStyle: 'thin' });
  const data = [HEAD, ...ROWS].map((values, r) => values.map((value) => ({ value, ...style(r === 0) })));
  const blob = await writeXlsxFile(data, { columns: HEAD.map(() => ({ width: 16 })), stickyRowsCount: 1, orientation: 'landscape' }).toBlob();
  return blob.size;
}
export async function run(kind) { return kind === 'exceljs' ? exceljs() : writeExcelFile(); }
`;

async function benchChoice() {
  console.log('Library choice for the workbook');
  const sizes = {
    'exceljs (write and read)': await chunkSize("export { Workbook } from 'exceljs';"),
    'write-excel-file (write)': await chunkSize("export { default } from 'write-excel-file/browser';"),
    'read-excel-file (read)': await chunkSize("export { default } from 'read-excel-file/browser';"),
    'docx (Word document)': await chunkSize("export { Document, Packer, Table } from 'docx';"),
  };
  for (const [name, size] of Object.entries(sizes)) console.log(`  chunk ${name}: ${kib(size.raw)} (gzip ${kib(size.gzip)})`);
  const script = await bundleForPage(CHOICE_SOURCE, '__bench');
  const { browser, page } = await launch();
  try {
    await page.addScriptTag({ content: script });
    await measure(page, 'exceljs', 1); // warm-up
    await measure(page, 'write-excel-file', 1);
    const times = {
      exceljs: summarize(`exceljs, ${COUNT} rows`, await measure(page, 'exceljs', 3)),
      'write-excel-file': summarize(`write-excel-file, ${COUNT} rows`, await measure(page, 'write-excel-file', 3)),
    };
    return { sizes, times };
  } finally {
    await browser.close();
  }
}

const PRODUCT_SOURCE = `
import { buildAppendixRows } from '@/lib/appendix/rows';
import { officeFile } from '@/lib/appendix/office-file';
let rows = null;
export function setUp(dossiers, today) { rows = buildAppendixRows(dossiers, { today }); return rows.length; }
export async function run(kind) {
  const file = await officeFile(kind, rows, { today: rows.length ? '2026-11-27' : '2026-11-27', unitName: 'UBND xã Đăk Cấm' });
  return file.bytes.byteLength;
}
`;

async function benchProduct() {
  console.log(`Product exports of ${COUNT} appendix rows (officeFile, as the popup calls it)`);
  const script = await bundleForPage(PRODUCT_SOURCE, '__bench');
  const today = vietnamToday();
  const dossiers = taggedLateDossiers(COUNT, today);
  const { browser, page } = await launch();
  try {
    await page.addScriptTag({ content: script });
    const n = await page.evaluate(({ dossiers, today }) => globalThis.__bench.setUp(dossiers, today), { dossiers, today });
    if (n !== COUNT) throw new Error(`expected ${COUNT} appendix rows, got ${n}`);
    await measure(page, 'xlsx', 1); // warm-up
    const xlsx = summarize('.xlsx', await measure(page, 'xlsx', 3));
    const docx = summarize('.docx', await measure(page, 'docx', 2));
    return { xlsx, docx };
  } finally {
    await browser.close();
  }
}

const results = {};
if (runChoice) results.choice = await benchChoice();
if (runProduct) results.product = await benchProduct();
console.log(JSON.stringify(results, null, 2));
