import type { Problem } from '../../i18n/problem';
import type { AppendixDelimiter, AppendixValues } from '../rows';

/** What can be wrong with a loaded appendix file, as data (worded by the catalogs, `problem.<code>`). */
export type ConsolidationProblem = Extract<Problem, { code: `consolidate-${string}` }>;

/** One valid row of an imported appendix, with where it came from. */
export interface ImportedRow extends AppendixValues {
  file: string;
  /** 1-based line in the file where the row starts. */
  line: number;
}

/**
 * A problem in a file: at a line, over a range of lines (a row that swallowed several), or, at line 0,
 * with the whole file (not text, too large, empty). A bad row has one entry listing all its problems.
 */
export interface ImportError {
  file: string;
  /** The worksheet, for a workbook: `line` and `lineTo` are then that sheet's row numbers. */
  sheet?: string;
  /** 1-based first line; 0 means the whole file. */
  line: number;
  /** 1-based last line (the same as `line` for one line). */
  lineTo: number;
  problems: ConsolidationProblem[];
}

export interface ParsedAppendix {
  rows: ImportedRow[];
  errors: ImportError[];
  /** The delimiter the file was read with; null when the file could not be read as a CSV at all. */
  delimiter: AppendixDelimiter | null;
}

export function fileProblem(file: string, problem: ConsolidationProblem): ImportError {
  return { file, line: 0, lineTo: 0, problems: [problem] };
}

/**
 * How many lines of the files the errors reject: every line of every row reported (a range counts each
 * of its lines), each line once. Whole-file errors reject no line: their file gave no rows.
 */
export function rejectedLineCount(errors: readonly ImportError[]): number {
  const lines = new Map<string, Set<number>>();
  for (const e of errors) {
    if (e.line <= 0) continue;
    let set = lines.get(e.file);
    if (!set) lines.set(e.file, (set = new Set()));
    for (let l = e.line; l <= e.lineTo; l++) set.add(l);
  }
  let count = 0;
  for (const set of lines.values()) count += set.size;
  return count;
}
