import type { viOffice } from './vi-office';

/** The English words of the office documents' settings and of workbooks on the consolidation page; part of en.ts. */
export const enOffice: Record<keyof typeof viOffice, string> = {
  'consolidate.errorWhereSheet': '{file}, sheet “{sheet}”, row {line}',
  'consolidate.errorReportSheet': 'Sheet',
  'consolidate.exportXlsx': 'Export Excel (.xlsx)',
  'consolidate.exportDocx': 'Export Word (.docx)',
  'consolidate.exportPreparing': 'Making the file…',
  'consolidate.exportFailed': 'Could not make the file: {message}',
  'popup.exportOnPage': 'The appendix has {count} rows: the file is made on the appendix page just opened, so that this small window cannot close halfway.',
  'print.exportXlsx': 'Download Excel (.xlsx)',
  'print.exportDocx': 'Download Word (.docx)',
  'print.exportPreparing': 'Making the file ({count} rows), please wait…',
  'print.exportDone': 'Downloaded {file} ({count} rows).',
  'print.exportFailed': 'Could not make the file: {message}',
  'options.sectionDocument': 'Letter the appendix goes with (Excel, Word)',
  'options.documentHelp': 'Printed in the heading and the signature block of the Excel and Word files. A blank field prints as dots to fill in by hand.',
  'options.parentBody': 'Parent body (cơ quan chủ quản)',
  'options.letterNumber': 'Letter number and symbol (e.g. 125/UBND-VP)',
  'options.letterDate': 'Letter date',
  'options.letterIssuer': 'Body issuing the letter',
  'options.place': 'Place name (date line)',
  'options.preparerName': 'Prepared by (người lập biểu)',
  'options.preparerHelp': 'Blank: the staff name above.',
  'options.headTitle': "Head of unit's title (blank: THỦ TRƯỞNG ĐƠN VỊ)",
  'options.headName': 'Head of unit’s name',
};
