import { Workbook, type CellValue, type Row, type Worksheet } from 'exceljs';
import { cellDateText } from '../document-header';
import { knownHeadingCount, mapHeader, type HeaderMap } from './header';
import { MAX_FILE_BYTES } from './import';
import { fileProblem, type ConsolidationProblem, type ImportError, type ImportedRow, type ParsedAppendix } from './problems';
import { readRecord } from './record';
import { MAX_SHEET_ROWS, screenWorkbookZip } from './xlsx-zip';

/**
 * Reading an appendix workbook (`.xlsx`) on the consolidation page: an office opens the CSV (or the
 * workbook the extension exports) in Excel, adds notes, maybe a title block, and sends the workbook
 * back. The zip is screened first (xlsx-zip.ts); then ExcelJS reads the cells. The sheet that holds the
 * 14 headings in one row near its top (the first such sheet) is read from that row down; where no sheet
 * does, the first sheet's first row that is not empty is its header and is checked as a CSV's would
 * be. Every row then goes through the CSV's own checks (record.ts), and every error names the file, the
 * sheet and the sheet's row. A date cell reads as `dd/MM/yyyy` (with ` HH:mm` when it has a time), and a
 * formula as its cached value: nothing is ever computed.
 */

/** Rows searched for the header row under a title block. */
const HEADER_SEARCH_ROWS = 30;

const DATE_KEYS = new Set<string>(['received', 'due', 'closed', 'realReturn']);

/** Excel's day 0 (1899-12-30, its 1900 leap-year bug included) in ms. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serial day numbers Excel can show as dates (1900-01-01 to 9999-12-31). */
const SERIAL_RANGE = [1, 2958466] as const;

/** A date cell (ExcelJS gives the serial's wall-clock time as UTC) as the appendix writes dates. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const withTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0;
  return cellDateText(date, withTime);
}

/** The text of a cell as a person sees it; a formula gives its cached value, never a computed one. */
export function cellText(value: CellValue, isDateColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // A date typed in a cell that lost its date format shows as its serial number.
    if (isDateColumn && value >= SERIAL_RANGE[0] && value < SERIAL_RANGE[1]) {
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

/** The row's cells as text, columns 1 to `width` and any filled cell beyond; merged cells count once. */
function rowTexts(row: Row, width: number, dateColumns: ReadonlySet<number>): string[] {
  const cells: string[] = [];
  const last = Math.max(width, row.cellCount);
  for (let c = 1; c <= last; c++) {
    const cell = row.getCell(c);
    // ExcelJS gives every cell of a merged range the range's value: only its first cell holds it.
    cells.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value, dateColumns.has(c)));
  }
  // Empty cells past the table (a column Excel kept for its formatting) are not columns.
  while (cells.length > width && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');
const NO_DATES: ReadonlySet<number> = new Set();

/** A row's filled cells up to its last one (empty cells after it dropped). */
function headerCells(sheet: Worksheet, r: number): string[] {
  return rowTexts(sheet.getRow(r), 0, NO_DATES);
}

/**
 * The header row of a sheet: the first row near the top whose cells are exactly the appendix's headings
 * (`full`), else the row there with the most of them, else the first row that is not empty; 0 when the
 * sheet is empty.
 */
function headerRowOf(sheet: Worksheet): { row: number; full: boolean } {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  let best = { row: 0, count: 0 };
  for (let r = 1; r <= last; r++) {
    const cells = headerCells(sheet, r);
    if (mapHeader(cells).ok) return { row: r, full: true };
    const count = knownHeadingCount(cells);
    if (count > best.count) best = { row: r, count };
  }
  if (best.row > 0) return { row: best.row, full: false };
  for (let r = 1; r <= sheet.rowCount; r++) if (!isBlank(headerCells(sheet, r))) return { row: r, full: false };
  return { row: 0, full: false };
}

/**
 * Every row under the header, read as a record. The table ends at its first empty row: under it, only
 * rows with a number in STT or a dossier code are still rows of the table (and checked); the rest is the
 * document's own text (the date line, the signatures) and is left out.
 */
function readRows(fileName: string, sheet: Worksheet, headerRow: number, columnOf: HeaderMap & { ok: true }): ParsedAppendix {
  const rows: ImportedRow[] = [];
  const errors: ImportError[] = [];
  const width = columnOf.columnOf.length;
  const dateColumns = new Set(columnOf.columnOf.flatMap((key, i) => (key && DATE_KEYS.has(key) ? [i + 1] : [])));
  const sttColumn = columnOf.columnOf.indexOf('stt');
  const codeColumn = columnOf.columnOf.indexOf('code');
  let ended = false;
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cells = rowTexts(sheet.getRow(r), width, dateColumns);
    if (isBlank(cells)) {
      ended ||= rows.length + errors.length > 0;
      continue;
    }
    if (ended && !/^\s*\d+\s*$/.test(cells[sttColumn] ?? '') && (cells[codeColumn] ?? '').trim() === '') continue;
    const read = readRecord({ file: fileName, sheet: sheet.name, line: r }, columnOf.columnOf, cells);
    if ('error' in read) errors.push(read.error);
    else rows.push(read.row);
  }
  return { rows, errors, delimiter: null };
}

const refused = (fileName: string, problem: ConsolidationProblem): ParsedAppendix => ({
  rows: [],
  errors: [fileProblem(fileName, problem)],
  delimiter: null,
});

/** Reads an appendix workbook into the rows and errors the consolidation shows (the CSV import's shape). */
export async function parseAppendixWorkbook(fileName: string, bytes: Uint8Array): Promise<ParsedAppendix> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return refused(fileName, { code: 'consolidate-too-large', file: fileName, megabytes: MAX_FILE_BYTES / 1024 / 1024 });
  }
  const screen = await screenWorkbookZip(fileName, bytes);
  if (!screen.ok) return refused(fileName, screen.problem);
  const workbook = new Workbook();
  try {
    // Typed for Node's Buffer; ExcelJS hands the bytes to JSZip, which takes a Uint8Array anywhere.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return refused(fileName, { code: 'consolidate-xlsx-unreadable', file: fileName });
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return refused(fileName, { code: 'consolidate-xlsx-no-sheet', file: fileName });
  // The screening counted `<row>` tags; a sheet written otherwise is still capped here.
  const tooLong = sheets.find((sheet) => sheet.rowCount > MAX_SHEET_ROWS);
  if (tooLong) return refused(fileName, { code: 'consolidate-xlsx-too-many-rows', file: fileName, sheet: tooLong.name, max: MAX_SHEET_ROWS });

  const headers = sheets.map((sheet) => ({ sheet, ...headerRowOf(sheet) }));
  const { sheet, row: headerRow } = headers.find((h) => h.full) ?? headers[0]!;
  if (headerRow === 0) return refused(fileName, { code: 'consolidate-empty', file: fileName });
  const header = mapHeader(headerCells(sheet, headerRow));
  if (!header.ok) {
    return { rows: [], errors: [{ file: fileName, sheet: sheet.name, line: headerRow, lineTo: headerRow, problems: header.problems }], delimiter: null };
  }
  return readRows(fileName, sheet, headerRow, header);
}
