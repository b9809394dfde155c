import { Workbook, type Alignment, type Borders, type Cell, type Font, type Worksheet } from 'exceljs';
import { cellDate, COLUMN_WIDTHS_MM, type DocumentContent } from './document-header';
import { createTranslator } from '../i18n/translate';

/**
 * The appendix as an Excel workbook, written by ExcelJS (docs/architecture.md, "Decisions"): the document
 * header block, the 14-column table with a frozen bold header row repeated on every printed page, and
 * the signature block, in Times New Roman on A4 landscape fitted to the page width.
 *
 * Every value is a plain text cell or a real date cell: nothing is ever a formula, so a cell that starts
 * with `=`, `+`, `-` or `@` is literal text and keeps no apostrophe (unlike the CSV, which a spreadsheet
 * would otherwise evaluate).
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FONT = 'Times New Roman';
/**
 * Point sizes of the decree's forms: body name, motto and signer titles 13; "PHỤ LỤC", title, the
 * attachment line and the signers' names 14. The forms leave tables to the drafter: 11 pt fits the 14
 * columns on the width of an A4 landscape page with little or no shrinking.
 */
const SIZE = { header: 13, heading: 14, table: 11 } as const;

/**
 * Column widths in Excel's unit (the width of a digit of the default font, about 1.8 mm on paper): the
 * printed widths, so that fitting to the page barely shrinks the text.
 */
export const COLUMN_WIDTHS = COLUMN_WIDTHS_MM.map((mm) => Math.ceil(mm / 1.8));

/**
 * Width of a date column that holds a time: a date cell is a number, which spreadsheets never wrap and
 * print as `###` where `dd/mm/yyyy hh:mm` does not fit (LibreOffice did, at the printed width).
 */
const TIMED_DATE_WIDTH = 17;

/** The widths for this content: the printed widths, a date column with a time widened to fit it. */
function columnWidths(content: DocumentContent): number[] {
  const timed = (i: number) => content.rows.some((row) => / \d{2}:\d{2}$/.test(row[i] ?? ''));
  return COLUMN_WIDTHS.map((width, i) => (content.dateColumns.includes(i) && timed(i) ? Math.max(width, TIMED_DATE_WIDTH) : width));
}


const COLUMNS = COLUMN_WIDTHS.length;
/** The table's header row: under the seven rows of the top block and one empty row. */
export const HEADER_ROW = 9;
/** Left half and right half of the top and signature blocks (1-based columns, inclusive). */
const LEFT: [number, number] = [1, 4];
const RIGHT: [number, number] = [9, COLUMNS];

export const THIN: Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

const doc = createTranslator('vi');

export function font(size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT, size, ...extra };
}

export function put(sheet: Worksheet, row: number, span: [number, number], value: string, style: Partial<Font>, align?: Partial<Alignment>) {
  if (span[1] > span[0]) sheet.mergeCells(row, span[0], row, span[1]);
  const cell = sheet.getCell(row, span[0]);
  cell.value = value;
  cell.font = style;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...align };
}

/** Rows 1–7: issuing body beside the motto, then "PHỤ LỤC", title, period and the attachment line. */
function writeTopBlock(sheet: Worksheet, content: DocumentContent): number {
  const whole: [number, number] = [1, COLUMNS];
  // With no parent body the unit takes the first line, level with the country's name.
  const [first, second] = content.parentBody ? [content.parentBody, content.unit] : [content.unit, ''];
  put(sheet, 1, LEFT, first, font(SIZE.header, { bold: !content.parentBody }));
  put(sheet, 2, LEFT, second, font(SIZE.header, { bold: true }));
  put(sheet, 1, RIGHT, content.motto[0], font(SIZE.header, { bold: true }));
  put(sheet, 2, RIGHT, content.motto[1], font(SIZE.heading, { bold: true, underline: true }));
  put(sheet, 4, whole, content.heading, font(SIZE.heading, { bold: true }));
  put(sheet, 5, whole, content.title, font(SIZE.heading, { bold: true }));
  put(sheet, 6, whole, content.period, font(SIZE.header));
  put(sheet, 7, whole, content.attachedTo, font(SIZE.heading, { italic: true }));
  return HEADER_ROW;
}

/** Height in points of one line of the table's font. */
const LINE_PT = 13.5;

/**
 * Lines a text takes when wrapped greedily at spaces in a column `width` digits wide. Spreadsheets do not
 * all size wrapped rows by themselves (LibreOffice keeps a row one line high), so every table row gets a
 * height from this estimate: an 11 pt Times New Roman letter averages about two thirds of a digit of the default
 * font, and a line break in the text starts a new line.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * 1.5) - 2);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let length = word.length;
      if (used > 0 && used + 1 + length <= capacity) {
        used += 1 + length;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the line breaks across lines.
      for (; length > capacity; length -= capacity) lines++;
      used = length;
    }
  }
  return lines;
}

function rowHeight(values: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...values.map((text, i) => wrappedLines(text, widths[i] ?? 10)));
  return lines * LINE_PT + 3;
}

export function writeCell(cell: Cell, text: string, isDateColumn: boolean) {
  const date = isDateColumn ? cellDate(text) : null;
  if (date) {
    cell.value = date.date;
    // `;@` keeps these custom formats: ExcelJS maps a bare `dd/mm/yyyy` to a built-in id that
    // spreadsheets show in the reader's locale (month first in an English one).
    cell.numFmt = date.withTime ? 'dd/mm/yyyy hh:mm;@' : 'dd/mm/yyyy;@';
  } else {
    // A string is always written as a string cell, whatever its first character: never a formula.
    cell.value = text;
  }
}

/** The header row at `top`, then one row per appendix row; returns the row after the table. */
function writeTable(sheet: Worksheet, content: DocumentContent, top: number, widths: readonly number[]): number {
  const header = sheet.getRow(top);
  // Bold headings are wider than the body's letters.
  header.height = rowHeight(content.headings, widths.map((w) => w * 0.9));
  content.headings.forEach((heading, i) => {
    const cell = header.getCell(i + 1);
    cell.value = heading;
    cell.font = font(SIZE.table, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  });
  const dates = new Set(content.dateColumns);
  const body = font(SIZE.table);
  const wrap: Partial<Alignment> = { vertical: 'top', wrapText: true };
  const centred: Partial<Alignment> = { vertical: 'top', horizontal: 'center', wrapText: true };
  content.rows.forEach((values, r) => {
    const row = sheet.getRow(top + 1 + r);
    row.height = rowHeight(values, widths);
    values.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      writeCell(cell, text, dates.has(i));
      cell.font = body;
      cell.alignment = i === 0 || dates.has(i) ? centred : wrap;
      cell.border = THIN;
    });
  });
  return top + 1 + content.rows.length;
}

/** Date line, then the two signers (title, hint, room to sign, name) under the left and right halves. */
function writeSignatures(sheet: Worksheet, content: DocumentContent, after: number) {
  const top = after + 1;
  put(sheet, top, RIGHT, content.placeDate, font(SIZE.heading, { italic: true }));
  const [maker, head] = content.signers;
  for (const [span, signer] of [
    [LEFT, maker],
    [RIGHT, head],
  ] as const) {
    put(sheet, top + 1, span, signer.title, font(SIZE.header, { bold: true }));
    put(sheet, top + 2, span, signer.hint, font(SIZE.header, { italic: true }));
    put(sheet, top + 6, span, signer.name, font(SIZE.heading, { bold: true }));
  }
}

/** Page setup: A4 landscape, one page wide, the header row on every page, page numbers from page 2. */
function setUpPrint(sheet: Worksheet, headerRow: number) {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4 (ExcelJS's PaperSize.A4 is a const enum)
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    // Decree margins in inches: top and bottom 20 mm, left 30 mm, right 15 mm.
    margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
  };
  // Page numbers at the top centre, none on the first page, as administrative documents number them.
  sheet.headerFooter = {
    differentFirst: true,
    differentOddEven: false,
    firstHeader: '',
    firstFooter: '',
    oddHeader: `&C&"${FONT},Regular"&13&P`,
    oddFooter: '',
    evenHeader: '',
    evenFooter: '',
  };
}

/** The workbook's bytes (one sheet) for the document content. */
export async function appendixWorkbook(content: DocumentContent): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = content.unit || doc('print.title');
  const headerRow = HEADER_ROW;
  const sheet = workbook.addWorksheet(doc('office.sheetName'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  });
  const widths = columnWidths(content);
  sheet.columns = widths.map((width) => ({ width }));
  const top = writeTopBlock(sheet, content);
  const after = writeTable(sheet, content, top, widths);
  writeSignatures(sheet, content, after);
  setUpPrint(sheet, headerRow);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
