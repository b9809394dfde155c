/**
 * Consolidation (docs/domain.md): the district office loads appendix CSV files from many offices, reads
 * and checks them row by row (import), merges them by dossier code (merge), settles conflicts (session),
 * counts per unit (summary) and exports one appendix.
 */
export { MAX_FILE_BYTES, MAX_FILE_LINES, parseAppendixFile } from './import';
export { compareImported, consolidatedCsv, mergeAppendices, resolveConflict, resolveConflicts, sortImported } from './merge';
export type { MergeConflict, MergeResult, RowCopy } from './merge';
export { fileProblem, rejectedLineCount } from './problems';
export type { ConsolidationProblem, ImportedRow, ImportError, ParsedAppendix } from './problems';
export { errorReportCsv, type ErrorReportHeadings } from './report';
export { unneutralize } from './row-schema';
export { summaryByUnit, type UnitCount } from './summary';
export { parseDayVn } from '../../calendar/dmy';
