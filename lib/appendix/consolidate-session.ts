import { APPENDIX_KEYS, type AppendixKey } from './rows';
import { MAX_FILE_BYTES, resolveConflict, type MergeConflict, type MergeResult } from './consolidate';
import { compactDay, isIsoDay } from '../calendar/day';

/**
 * The consolidation page's rules around lib/appendix/consolidate.ts: how much of a file to read, names that stay
 * unique when two offices send files with the same name, the user's choices between conflicting copies (kept while files come and go), and the export's name.
 */

/** Bytes to read from a file: one more than the limit, so a larger file is reported as too large. */
export const READ_LIMIT_BYTES = MAX_FILE_BYTES + 1;

/**
 * A name not among `taken`: the name itself, else `name (2).csv`, `name (3).csv`… (the number before
 * the extension), so every error and conflict points at one file.
 */
export function uniqueFileName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = name.trim() || 'tep.csv';
  if (!used.has(clean)) return clean;
  const dot = clean.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The user's choice for a conflicting code: the copy at this file and line. */
export interface ConflictChoice {
  file: string;
  line: number;
}

export interface ChoicesApplied {
  /** The merge with every choice that still points at a copy applied. */
  result: MergeResult;
  /** For each conflict of the input, the index of the chosen copy, or -1 while none is chosen. */
  chosenIndex: Record<string, number>;
}

/**
 * Applies the user's choices to a fresh merge. A choice whose copy is gone (its file was removed) is
 * ignored, so that conflict is open again; choices for codes no longer in conflict do nothing.
 */
export function applyChoices(merge: MergeResult, choices: Readonly<Record<string, ConflictChoice>>): ChoicesApplied {
  let result = merge;
  const chosenIndex: Record<string, number> = {};
  for (const conflict of merge.conflicts) {
    const choice = choices[conflict.code];
    const index = choice ? conflict.copies.findIndex((c) => c.fileName === choice.file && c.line === choice.line) : -1;
    chosenIndex[conflict.code] = index;
    if (index >= 0) result = resolveConflict(result, conflict.code, index);
  }
  return { result, chosenIndex };
}

/** The columns (never STT) whose values differ between the copies of a conflict, in column order. */
export function differingKeys(conflict: MergeConflict): AppendixKey[] {
  return APPENDIX_KEYS.filter((key) => {
    if (key === 'stt') return false;
    const first = conflict.copies[0]?.row[key];
    return conflict.copies.some((c) => c.row[key] !== first);
  });
}

/** `phu-luc-tong-hop-<yyyyMMdd>.csv` for the export day. */
export function consolidatedFileName(today: string): string {
  if (!isIsoDay(today)) throw new RangeError(`today is not a yyyy-MM-dd day: ${today}`);
  return `phu-luc-tong-hop-${compactDay(today)}.csv`;
}
