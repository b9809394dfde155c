import { APPENDIX_KEYS, type AppendixKey } from '../rows';
import { compactDay, isIsoDay } from '../../calendar/day';
import { MAX_FILE_BYTES } from './import';
import { resolveConflicts, type MergeConflict, type MergeResult } from './merge';

/**
 * The consolidation page's rules around the files it loads: how much of a file to read, names that stay
 * unique when two offices send files with the same name, the user's choices between conflicting copies
 * (kept while files come and go), and the export's name. Codes and file names are `Map` keys, never
 * object keys: a dossier coded `__proto__` is a code like any other.
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

/** Dossier code → the chosen copy. */
export type ConflictChoices = ReadonlyMap<string, ConflictChoice>;

export interface ChoicesApplied {
  /** The merge with every choice that still points at a copy applied. */
  result: MergeResult;
  /** For each conflict of the input, the index of the chosen copy (absent while none is chosen). */
  chosenIndex: ReadonlyMap<string, number>;
}

/**
 * Applies the user's choices to a fresh merge, in one pass (20,000 conflicts stay fast). A choice whose
 * copy is gone (its file was removed) is ignored, so that conflict is open again; choices for codes no
 * longer in conflict do nothing.
 */
export function applyChoices(merge: MergeResult, choices: ConflictChoices): ChoicesApplied {
  const chosenIndex = new Map<string, number>();
  for (const conflict of merge.conflicts) {
    const choice = choices.get(conflict.code);
    if (!choice) continue;
    const index = conflict.copies.findIndex((c) => c.fileName === choice.file && c.line === choice.line);
    if (index >= 0) chosenIndex.set(conflict.code, index);
  }
  return { result: resolveConflicts(merge, chosenIndex), chosenIndex };
}

/**
 * The choices after "keep this file's copies": every conflict with a copy from `file` takes that copy
 * (its first, should the file hold the code twice); other choices stay.
 */
export function chooseFile(conflicts: readonly MergeConflict[], choices: ConflictChoices, file: string): Map<string, ConflictChoice> {
  const next = new Map(choices);
  for (const conflict of conflicts) {
    const copy = conflict.copies.find((c) => c.fileName === file);
    if (copy) next.set(conflict.code, { file, line: copy.line });
  }
  return next;
}

/** The choices without those pointing into `file` (removed from the page). */
export function forgetFile(choices: ConflictChoices, file: string): Map<string, ConflictChoice> {
  return new Map([...choices].filter(([, choice]) => choice.file !== file));
}

/** The files holding a copy of some conflict, in first-seen order (each can settle its conflicts at once). */
export function conflictFiles(conflicts: readonly MergeConflict[]): string[] {
  const files = new Set<string>();
  for (const conflict of conflicts) for (const copy of conflict.copies) files.add(copy.fileName);
  return [...files];
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
