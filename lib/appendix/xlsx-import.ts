import JSZip from 'jszip';
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import Papa from 'papaparse';
import { parseAppendixFile, type ImportError, type ParsedAppendix } from './consolidate';
import { APPENDIX_HEADINGS, APPENDIX_KEYS } from './rows';
import { cellDateText } from './document-header';

/**
 * Consolidation of appendix workbooks (`.xlsx`): an office opens the CSV in Excel, adds notes, maybe a
 * title block, and sends the workbook back. The sheet holding the 14 headings (the first sheet when none
 * does) is read from its header row down, and every row goes through the same validation as a CSV row;
 * every error names the file, the sheet and the sheet's own row number.
 *
 * A workbook is untrusted input, read in two steps: first the zip itself (JSZip), refused when it holds
 * macros or links to other workbooks, or when it inflates past a cap (a zip bomb); only then ExcelJS reads
 * the cells. A formula's cached value is taken as text; nothing is ever evaluated.
 */

/** Total uncompressed size accepted, all parts together. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/** Parts in the zip: a one-sheet workbook has about a dozen. */
export const MAX_ZIP_ENTRIES = 1000;
/** Rows of the sheet read (far more than any office's appendix for a year). */
export const MAX_SHEET_ROWS = 50_000;
/** Rows searched for the header row under a title block. */
const HEADER_SEARCH_ROWS = 30;

type Refusal = readonly [vi: string, en: string];

function refusal(file: string, [vi, en]: Refusal): ParsedAppendix {
  const error: ImportError = { file, line: 0, message: `Tệp "${file}": ${vi}`, messageEn: `"${file}": ${en}` };
  return { rows: [], errors: [error], delimiter: null };
}

const REFUSALS = {
  macro: ['là sổ tính có macro (.xlsm), không được nạp. Hãy lưu lại dạng .xlsx.', 'is a macro-enabled workbook (.xlsm) and is refused. Save it as .xlsx.'],
  notZip: ['không phải sổ tính Excel (.xlsx) đọc được.', 'is not a readable Excel workbook (.xlsx).'],
  bomb: [
    `khi giải nén vượt quá ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB (hoặc quá ${MAX_ZIP_ENTRIES} phần): không được nạp.`,
    `inflates past ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB (or holds over ${MAX_ZIP_ENTRIES} parts) and is refused.`,
  ],
  externalLinks: [
    'có liên kết tới sổ tính khác (external links), không được nạp. Hãy dán giá trị (Paste Values) rồi lưu lại.',
    'links to other workbooks (external links) and is refused. Paste the values and save it again.',
  ],
  noSheet: ['không có trang tính nào.', 'has no worksheet.'],
  empty: ['trống.', 'is empty.'],
  tooManyRows: [
    `có trang tính quá ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng, không được nạp.`,
    `has a sheet of more than ${MAX_SHEET_ROWS} rows and is refused.`,
  ],
} as const satisfies Record<string, Refusal>;

class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason[1]);
  }
}

/** JSZip's documented chunked reader (`file.internalStream`), missing from its type definitions. */
interface ChunkStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', fn: (error: Error) => void): ChunkStream;
  on(event: 'end', fn: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** Inflates one part, counting the bytes; stops as soon as the running total passes the cap. */
function inflateCounted(entry: JSZip.JSZipObject, budget: { left: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause();
          reject(new Refused(REFUSALS.bomb));
        }
      })
      .on('error', (error) => reject(error))
      .on('end', () => resolve())
      .resume();
  });
}

/** The zip's own checks: size when inflated, macros, external links. */
async function checkZip(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new Refused(REFUSALS.notZip);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_ZIP_ENTRIES) throw new Refused(REFUSALS.bomb);
  const names = entries.map((entry) => entry.name.toLowerCase());
  if (names.some((name) => name.endsWith('vbaproject.bin'))) throw new Refused(REFUSALS.macro);
  if (names.some((name) => name.startsWith('xl/externallinks/'))) throw new Refused(REFUSALS.externalLinks);
  const types = zip.file('[Content_Types].xml');
  if (types && /macroEnabled/i.test(await types.async('string'))) throw new Refused(REFUSALS.macro);
  const budget = { left: MAX_UNCOMPRESSED_BYTES };
  for (const entry of entries) await inflateCounted(entry, budget);
}

/** A date cell (ExcelJS gives the serial's wall-clock time as UTC) as the appendix writes dates. */
function dateText(date: Date): string {
  const withTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0;
  return cellDateText(date, withTime);
}

/** Excel's day 0 (1899-12-30, the 1900 leap-year bug included) in ms. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The text of a cell as a person sees it; a formula gives its cached value, never a computed one. */
export function cellText(value: CellValue, isDateColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // A date column typed as a bare serial number (a date cell that lost its format).
    if (isDateColumn && Number.isFinite(value) && value > 1 && value < 2958466) {
      return dateText(new Date(EXCEL_EPOCH + Math.round(value * 86_400_000)));
    }
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) return String(result.error);
    return cellText((result ?? null) as CellValue, isDateColumn);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, isDateColumn);
  return '';
}

function normHeading(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const HEADINGS = new Set(APPENDIX_HEADINGS.map(normHeading));

/** Row number of the header row (all 14 headings in it) near the top, or 0. */
function headerRowOf(sheet: Worksheet): number {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const found = new Set<string>();
    sheet.getRow(r).eachCell((cell) => {
      const text = normHeading(cellText(cell.value, false));
      if (HEADINGS.has(text)) found.add(text);
    });
    if (found.size === HEADINGS.size) return r;
  }
  return 0;
}

/**
 * The sheet's rows from the header row `from` on, as text, with their row numbers; blank rows left out.
 * The table ends at its first blank row: below it, only rows with a number in STT or a dossier code
 * are still rows of the table (and validated), the rest is the document's text (date line, signatures).
 */
function sheetRows(sheet: Worksheet, from: number): { row: number; cells: string[] }[] {
  const header = sheet.getRow(from);
  const dateColumns = new Set<number>();
  const width = Math.max(header.cellCount, sheet.columnCount);
  for (let c = 1; c <= width; c++) {
    const key = APPENDIX_KEYS[APPENDIX_HEADINGS.findIndex((h) => normHeading(h) === normHeading(cellText(header.getCell(c).value, false)))];
    if (key === 'received' || key === 'due' || key === 'closed' || key === 'realReturn') dateColumns.add(c);
  }
  const rows: { row: number; cells: string[] }[] = [];
  let ended = false;
  for (let r = from; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // ExcelJS gives every cell of a merged range the range's value: only its first cell holds it.
      cells.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value, dateColumns.has(c)));
    }
    // Trailing empty cells (a column Excel kept for its formatting) are not columns of the table.
    while (cells.length > 0 && cells[cells.length - 1] === '' && cells.length > APPENDIX_HEADINGS.length) cells.pop();
    if (cells.every((cell) => cell.trim() === '')) {
      ended = rows.length > 1;
      continue;
    }
    if (ended && !/^\s*\d+\s*$/.test(cells[0] ?? '') && (cells[1] ?? '').trim() === '') continue;
    rows.push({ row: r, cells });
  }
  return rows;
}

/**
 * The rows in the CSV form the CSV import validates, and each record's first line → sheet row. A cell
 * that already starts with `'` before a formula sign gets one more, since the import drops one.
 */
function asCsv(rows: { row: number; cells: string[] }[]): { csv: string; sheetRowOfLine: Map<number, number> } {
  const sheetRowOfLine = new Map<number, number>();
  let line = 1;
  const records = rows.map(({ row, cells }) => {
    const guarded = cells.map((cell) => (/^'[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell));
    const record = Papa.unparse([guarded], { quotes: true, newline: '\n' });
    sheetRowOfLine.set(line, row);
    line += record.split('\n').length;
    return record;
  });
  return { csv: records.join('\n'), sheetRowOfLine };
}

/** The CSV import's error, placed in the workbook: "file, sheet, row" leads every message. */
function placeError(error: ImportError, sheetName: string, sheetRow: number): ImportError {
  const where = `Tệp "${error.file}", trang tính "${sheetName}", dòng ${sheetRow}`;
  const whereEn = `"${error.file}", sheet "${sheetName}", row ${sheetRow}`;
  const strip = (message: string) =>
    message.replace(/^(Dòng \d+|Line \d+|Tệp "[^"]*", dòng tiêu đề|"[^"]*", header row): /, '');
  return { ...error, line: sheetRow, message: `${where}: ${strip(error.message)}`, messageEn: `${whereEn}: ${strip(error.messageEn)}` };
}

/** Reads an appendix workbook into the rows and errors the consolidation shows (the CSV import's shape). */
export async function parseAppendixWorkbook(fileName: string, bytes: Uint8Array): Promise<ParsedAppendix> {
  if (/\.(xlsm|xltm|xlam)$/i.test(fileName)) return refusal(fileName, REFUSALS.macro);
  const workbook = new Workbook();
  try {
    await checkZip(bytes);
    // Typed for Node's Buffer; ExcelJS hands the bytes to JSZip, which takes a Uint8Array anywhere.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return refusal(fileName, error instanceof Refused ? error.reason : REFUSALS.notZip);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return refusal(fileName, REFUSALS.noSheet);
  if (sheets.some((sheet) => sheet.rowCount > MAX_SHEET_ROWS)) return refusal(fileName, REFUSALS.tooManyRows);
  const found = sheets.map((sheet) => ({ sheet, header: headerRowOf(sheet) })).find((s) => s.header > 0);
  const { sheet, header } = found ?? { sheet: sheets[0]!, header: 1 };
  const rows = sheetRows(sheet, header);
  if (rows.length === 0) return refusal(fileName, REFUSALS.empty);
  const { csv, sheetRowOfLine } = asCsv(rows);
  const parsed = parseAppendixFile(fileName, csv);
  return {
    delimiter: null,
    rows: parsed.rows.map((row) => ({ ...row, line: sheetRowOfLine.get(row.line) ?? row.line })),
    errors: parsed.errors.map((error) =>
      error.line === 0 ? error : placeError(error, sheet.name, sheetRowOfLine.get(error.line) ?? error.line),
    ),
  };
}
