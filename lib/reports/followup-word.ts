import {
  AlignmentType,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { DOCX_MIME, FONT, line, MARGIN, PAGE_TWIPS, sideBySide } from '../appendix/word-document';
import type { FollowupDocument, FollowupSheet } from './followup-document';

/**
 * The follow-up lists as a Word document: one section per processing unit, each starting on a new A4
 * portrait page with the office's heading, and the printed per-unit page's content
 * (lib/reports/followup-document.ts), with the appendix document's line and block builders. The table's
 * header row repeats on every page and no row breaks across pages.
 */

export { DOCX_MIME };

/** Point sizes as the appendix's document: a whole portal code fits its column on one line at 10 pt. */
const PT = { header: 13, heading: 14, table: 10 } as const;
/** 210 mm less the decree's left and right margins. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - MARGIN.left - MARGIN.right);
/** Column shares of the text width (STT, code, procedure, applicant, appointment, time left). */
const SHARES = [10, 47, 38, 27, 21, 22] as const;
const STYLE = { cell: 'FollowupCell', heading: 'FollowupHeading' } as const;

function cell(text: string, style: string, options: { centred?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    columnSpan: options.span,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ style, alignment: options.centred ? AlignmentType.CENTER : undefined, children: [new TextRun(text)] })],
  });
}

function unitTable(content: FollowupDocument, unit: FollowupSheet): Table {
  const total = SHARES.reduce((sum, share) => sum + share, 0);
  const widths = SHARES.map((share) => Math.floor((TEXT_WIDTH * share) / total));
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: content.headings.map((text) => cell(text, STYLE.heading, { centred: true })) }),
  ];
  for (const group of unit.groups) {
    rows.push(new TableRow({ cantSplit: true, children: [cell(group.heading, STYLE.heading, { span: widths.length })] }));
    for (const values of group.rows) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: values.map((text, i) => cell(text, STYLE.cell, { centred: i === 0 || i === content.dateColumn })),
        }),
      );
    }
  }
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60 },
    rows,
  });
}

function unitSection(content: FollowupDocument, unit: FollowupSheet): ISectionOptions {
  const { heading } = content;
  const issuer = heading.parentBody
    ? [line(heading.parentBody, PT.header), line(heading.unit, PT.header, { bold: true })]
    : [line(heading.unit, PT.header, { bold: true })];
  const motto = [
    line(heading.motto[0], PT.header, { bold: true }),
    line(heading.motto[1], PT.header, { bold: true, underline: {} }),
    line(heading.placeDate, PT.header, { italics: true }),
  ];
  return {
    properties: {
      page: {
        size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
        margin: {
          top: convertMillimetersToTwip(MARGIN.top),
          bottom: convertMillimetersToTwip(MARGIN.bottom),
          left: convertMillimetersToTwip(MARGIN.left),
          right: convertMillimetersToTwip(MARGIN.right),
        },
      },
    },
    children: [
      sideBySide(issuer, motto, 0.38, TEXT_WIDTH),
      line('', PT.header),
      line(content.title, PT.heading, { bold: true }),
      line(unit.unitLine, PT.heading, { bold: true }, 200),
      unitTable(content, unit),
      new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: unit.total, font: FONT, size: PT.table * 2, bold: true })] }),
    ],
  };
}

/** The document's bytes: one section (one or more pages) per unit, in the document's order. */
export async function followupWordDocument(content: FollowupDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: content.heading.unit || 'motcua-phu-luc',
    title: content.title,
    styles: {
      default: { document: { run: { font: FONT, size: PT.header * 2 } } },
      paragraphStyles: [
        { id: STYLE.cell, name: 'Follow-up cell', run: { font: FONT, size: PT.table * 2 } },
        { id: STYLE.heading, name: 'Follow-up heading', run: { font: FONT, size: PT.table * 2, bold: true } },
      ],
    },
    sections: content.sheets.map((unit) => unitSection(content, unit)),
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
