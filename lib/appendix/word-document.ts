import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { COLUMN_WIDTHS_MM, type DocumentContent } from './document-header';

/**
 * The appendix as a Word document, written by the `docx` package: the same content as the workbook
 * (lib/appendix/document-header.ts) on A4 landscape pages, with the table's header row repeated on every
 * page, rows that never break across pages, and page numbers at the top centre from page 2 on, as
 * administrative documents number their pages.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const FONT = 'Times New Roman';
/**
 * Point sizes (see lib/appendix/workbook.ts); the table is 10 pt: 14 columns, whole dossier codes and
 * one-line dates on the width of an A4 landscape page.
 */
const PT = { header: 13, heading: 14, table: 10 } as const;

/** A4 in portrait terms, in twips (210 x 297 mm, as Word writes it); `docx` swaps them for landscape. */
export const PAGE_TWIPS = { width: 11906, height: 16838 } as const;
const PAGE = { width: 210, height: 297 } as const;
/** Decree margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH = convertMillimetersToTwip(PAGE.height - MARGIN.left - MARGIN.right);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export function run(text: string, size: number, extra: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}): TextRun {
  return new TextRun({ text, font: FONT, size: size * 2, ...extra });
}

export function line(text: string, size: number, extra: Omit<IRunOptions, 'text' | 'size' | 'font'> = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, size, extra)] });
}

/** Two side-by-side blocks without borders (issuing body | motto; maker | head), `total` twips wide. */
export function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number, total = TEXT_WIDTH): Table {
  const leftWidth = Math.round(total * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [leftWidth, total - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, total - leftWidth)] })],
  });
}

function topBlock(content: DocumentContent): (Paragraph | Table)[] {
  const issuer = content.parentBody
    ? [line(content.parentBody, PT.header), line(content.unit, PT.header, { bold: true })]
    : [line(content.unit, PT.header, { bold: true })];
  const motto = [line(content.motto[0], PT.header, { bold: true }), line(content.motto[1], PT.heading, { bold: true, underline: {} })];
  return [
    sideBySide(issuer, motto, 0.4),
    line('', PT.header),
    line(content.heading, PT.heading, { bold: true }),
    line(content.title, PT.heading, { bold: true }),
    line(content.period, PT.header),
    line(content.attachedTo, PT.heading, { italics: true }, 240),
  ];
}

/**
 * Table text goes through two paragraph styles (font and size set once in the document's styles) and
 * plain runs: with 140,000 cells at 10,000 rows, per-run fonts and per-cell margins multiply the work
 * and the memory of the writer several times over.
 */
const STYLE = { cell: 'AppendixCell', heading: 'AppendixHeading' } as const;

function tableCell(text: string, style: string, centred: boolean): TableCell {
  // Line breaks inside a cell (a note typed on several lines) stay line breaks.
  const parts = text.split(/\r\n|\r|\n/);
  return new TableCell({
    children: [
      new Paragraph({
        style,
        alignment: centred ? AlignmentType.CENTER : undefined,
        children: parts.length === 1 ? [new TextRun(text)] : parts.map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined })),
      }),
    ],
  });
}

function appendixTable(content: DocumentContent): Table {
  const total = COLUMN_WIDTHS_MM.reduce((s, w) => s + w, 0);
  const widths = COLUMN_WIDTHS_MM.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const dates = new Set(content.dateColumns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: content.headings.map((h) =>
      new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: [new Paragraph({ style: STYLE.heading, children: [new TextRun(h)] })] }),
    ),
  });
  const rows = content.rows.map(
    (values) => new TableRow({ cantSplit: true, children: values.map((v, i) => tableCell(v, STYLE.cell, i === 0 || dates.has(i))) }),
  );
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 45, right: 45 },
    rows: [header, ...rows],
  });
}

function signatureBlock(content: DocumentContent): (Paragraph | Table)[] {
  const [maker, head] = content.signers;
  const signer = (s: (typeof content.signers)[number], dateLine: string) => [
    line(dateLine, PT.heading, { italics: true }),
    line(s.title, PT.header, { bold: true }),
    line(s.hint, PT.header, { italics: true }, 1400),
    line(s.name, PT.heading, { bold: true }),
  ];
  return [line('', PT.header), sideBySide(signer(maker, ''), signer(head, content.placeDate), 0.45)];
}

/** The document's bytes for the content. */
export async function appendixDocument(content: DocumentContent): Promise<Uint8Array> {
  const document = new Document({
    creator: content.unit || 'motcua-phu-luc',
    title: `${content.heading} - ${content.title}`,
    styles: {
      default: { document: { run: { font: FONT, size: PT.header * 2 } } },
      paragraphStyles: [
        { id: STYLE.cell, name: 'Appendix cell', run: { font: FONT, size: PT.table * 2 } },
        {
          id: STYLE.heading,
          name: 'Appendix heading',
          run: { font: FONT, size: PT.table * 2, bold: true },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: PAGE_TWIPS.width,
              height: PAGE_TWIPS.height,
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
              header: convertMillimetersToTwip(8),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.header * 2 })] })],
          }),
        },
        children: [...topBlock(content), appendixTable(content), ...signatureBlock(content)],
      },
    ],
  });
  const blob = await Packer.toArrayBuffer(document);
  return new Uint8Array(blob);
}
