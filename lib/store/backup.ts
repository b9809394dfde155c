import * as z from 'zod/mini';
import type { Problem, ProblemOf } from '../i18n/problem';
import en from 'zod/v4/locales/en.js';
import type { TagHistoryRow } from './db';
import type { StoredDossier } from '../dossier/model';
import { shapes } from '../messaging/schemas';
import { vietnamNow } from '../calendar/day';
import { checkRealReturn } from './tag-rules';
import { MAPPING_LIMITS, validMappings, type SavedColumnMapping } from '../portal/column-mappings';

/**
 * Backup and restore of the whole database as one versioned JSON file. A restore is planned first and
 * the plan is shown to the user; applying it never drops a record and never replaces a newer decision
 * (a tag or a removal) with an older one. Every record is checked with the tagging rules first: a row
 * that breaks them, or carries a time in the future, is refused and listed in the plan.
 */

export const BACKUP_FORMAT = 'motcua-phu-luc-backup';
export const BACKUP_VERSION = 1;

// zod/mini, like the protocol whose schemas it extends, with zod's English messages: a damaged backup
// is reported with what is wrong where (the background and the options page load this module, the
// content scripts do not).
z.config(en());
const { storedDossierSchema, tagHistoryEntrySchema } = shapes();

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  dossiers: z.array(storedDossierSchema).check(z.maxLength(500_000)),
  tagHistory: z.array(tagHistoryEntrySchema).check(z.maxLength(2_000_000)),
  /**
   * The column mappings staff saved (kept in the settings, not the database). Absent in older files.
   * Each is checked on its own when restored (screenBackupMappings): one damaged mapping does not
   * refuse the file.
   */
  columnMappings: z.optional(z.array(z.unknown()).check(z.maxLength(MAPPING_LIMITS.mappings))),
});
export type Backup = z.infer<typeof backupSchema>;
type BackupHistoryRow = Backup['tagHistory'][number];

export function makeBackup(dossiers: StoredDossier[], history: TagHistoryRow[], now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    dossiers,
    tagHistory: history.map(({ id: _id, ...row }) => row),
  };
}

export type BackupParse =
  | { ok: true; backup: Backup }
  | { ok: false; problem: ProblemOf<'backup-not-json' | 'backup-not-ours' | 'backup-version' | 'backup-damaged'> };

/** Parses a backup file's text, with a clear message for each way it can be wrong. */
export function parseBackup(text: string): BackupParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'backup-not-json' } };
  }
  return parseBackupValue(json);
}

/** Checks an already parsed backup (as the options page sends it), with the same messages. */
export function parseBackupValue(json: unknown): BackupParse {
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) {
    return { ok: false, problem: { code: 'backup-not-ours' } };
  }
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    return { ok: false, problem: { code: 'backup-version', version: String(version), expected: BACKUP_VERSION } };
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    // The path and the validator's text are technical and the same in both languages.
    return { ok: false, problem: { code: 'backup-damaged', where: where || '/', detail: issue?.message ?? '' } };
  }
  return { ok: true, backup: parsed.data };
}

/** A backup row that is not restored, and why. */
export interface RefusedRow {
  code: string;
  problem: Problem;
}

/** How far ahead of this machine's clock another machine's may be before its times count as the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The backup's rows that obey the rules, their times clamped to the file's export time, and the rest. */
export interface ScreenedBackup {
  dossiers: StoredDossier[];
  tagHistory: BackupHistoryRow[];
  refused: RefusedRow[];
}

/**
 * Checks every row of a backup as tagging would: a tag's real return day against the dossier's receipt
 * day and today, and every time against the clock. A time later than this machine's clock (a `lastSeen`
 * or a tag time in 2100 would win every later merge and never be pruned) refuses the row; a time a
 * little after the file's export time (another machine's clock) is clamped to the export time.
 */
export function screenBackup(backup: Backup, now: number): ScreenedBackup {
  const limit = Math.min(backup.exportedAt, now);
  const today = vietnamNow(now);
  const refused: RefusedRow[] = [];
  const clamp = (time: number) => Math.min(time, limit);
  const badTime = (time: number) => !Number.isFinite(time) || time < 0 || time > now + CLOCK_SKEW_MS;
  const dossiers: StoredDossier[] = [];
  for (const record of backup.dossiers) {
    const times = [record.firstSeen, record.lastSeen, record.tag?.at, record.decision?.at, record.pendingRead?.at];
    if (times.some((time) => time !== undefined && badTime(time))) {
      refused.push(futureTime(record.code));
      continue;
    }
    if (record.tag) {
      const checked = checkRealReturn(record.tag.realReturn, record, today, record.tag.time);
      if (!checked.ok) {
        refused.push({ code: record.code, problem: checked.problem });
        continue;
      }
    }
    const lastSeen = clamp(record.lastSeen);
    const clamped: StoredDossier = { ...record, firstSeen: Math.min(clamp(record.firstSeen), lastSeen), lastSeen };
    if (record.tag) clamped.tag = { ...record.tag, at: clamp(record.tag.at) };
    if (record.decision) clamped.decision = { ...record.decision, at: clamp(record.decision.at) };
    if (record.pendingRead) clamped.pendingRead = { ...record.pendingRead, at: clamp(record.pendingRead.at) };
    dossiers.push(clamped);
  }
  const tagHistory: BackupHistoryRow[] = [];
  for (const row of backup.tagHistory) {
    const times = [row.at, row.before?.at, row.after?.at];
    if (times.some((time) => time !== undefined && badTime(time))) refused.push(futureTime(row.code));
    else tagHistory.push(row.at > limit ? { ...row, at: limit } : row);
  }
  return { dossiers, tagHistory, refused };
}

/** A backup with the saved column mappings (none: the file has no such field, as older files). */
export function withColumnMappings(backup: Backup, mappings: readonly SavedColumnMapping[]): Backup {
  return mappings.length ? { ...backup, columnMappings: [...mappings] } : backup;
}

/**
 * The backup's column mappings that may be restored: each must parse on its own and be for a portal the
 * extension runs on (`isPortalOrigin`); a time beyond this machine's clock drops it, a time a little
 * after the file's export time is clamped to it, as for the rows.
 */
export function screenBackupMappings(
  backup: Backup,
  now: number,
  isPortalOrigin: (origin: string) => boolean,
): { mappings: SavedColumnMapping[]; refused: number } {
  const raw = backup.columnMappings ?? [];
  const limit = Math.min(backup.exportedAt, now);
  const mappings: SavedColumnMapping[] = [];
  for (const mapping of validMappings(raw)) {
    if (mapping.savedAt > now + CLOCK_SKEW_MS || !isPortalOrigin(mapping.origin)) continue;
    mappings.push({ ...mapping, savedAt: Math.min(mapping.savedAt, limit) });
  }
  return { mappings, refused: raw.length - mappings.length };
}

function futureTime(code: string): RefusedRow {
  return { code, problem: { code: 'backup-time-out-of-range' } };
}

export interface RestorePlan {
  /** Codes not in the store: added. */
  add: number;
  /** In the store with the same content: nothing to do. */
  same: number;
  /** The backup's decision (a tag or a removal) is newer: it is taken from the backup. */
  tagFromBackup: number;
  /** The store's decision is newer or the backup has none: the store's tag is kept. */
  keepStoreTag: number;
  /** Fields read later in the backup than in the store: fields updated. */
  fieldsFromBackup: number;
  historyRows: number;
  /** Rows refused by the tagging rules or for an impossible time: not restored. */
  refused: RefusedRow[];
}

/**
 * When a record's latest decision was made. Records written before decisions existed have only their
 * tag's time; a record with neither never decided anything, and loses to any decision.
 */
export function decisionTime(record: StoredDossier): number {
  return record.decision?.at ?? record.tag?.at ?? -Infinity;
}

function backupDecides(stored: StoredDossier, incoming: StoredDossier): boolean {
  return decisionTime(incoming) > decisionTime(stored);
}

/**
 * Merges one backup record into the stored one (or none): the newest decision wins (a removal in the
 * store beats an older tag in the backup), the newest read wins.
 */
export function mergeRecord(stored: StoredDossier | undefined, incoming: StoredDossier): StoredDossier {
  if (!stored) return incoming;
  const fields = incoming.lastSeen > stored.lastSeen ? incoming : stored;
  const decided = backupDecides(stored, incoming) ? incoming : stored;
  const merged: StoredDossier = { ...fields, firstSeen: Math.min(stored.firstSeen, incoming.firstSeen), lastSeen: Math.max(stored.lastSeen, incoming.lastSeen) };
  for (const key of ['tag', 'decision', 'pendingRead'] as const) delete merged[key];
  if (decided.tag) merged.tag = decided.tag;
  if (decided.decision) merged.decision = decided.decision;
  if (decided.tag && decided.pendingRead) merged.pendingRead = decided.pendingRead;
  return merged;
}

/** Whether merging the backup's record changes the stored one at all. */
export function restoreChanges(stored: StoredDossier, incoming: StoredDossier): boolean {
  return incoming.lastSeen > stored.lastSeen || incoming.firstSeen < stored.firstSeen || backupDecides(stored, incoming);
}

export function planRestore(
  existing: ReadonlyMap<string, StoredDossier>,
  screened: Pick<ScreenedBackup, 'dossiers' | 'tagHistory'> & { refused?: RefusedRow[] },
): RestorePlan {
  const plan: RestorePlan = {
    add: 0,
    same: 0,
    tagFromBackup: 0,
    keepStoreTag: 0,
    fieldsFromBackup: 0,
    historyRows: screened.tagHistory.length,
    refused: screened.refused ?? [],
  };
  for (const incoming of screened.dossiers) {
    const stored = existing.get(incoming.code);
    if (!stored) {
      plan.add++;
      continue;
    }
    if (!restoreChanges(stored, incoming)) {
      plan.same++;
      continue;
    }
    if (backupDecides(stored, incoming)) plan.tagFromBackup++;
    else if (stored.tag && incoming.tag) plan.keepStoreTag++;
    if (incoming.lastSeen > stored.lastSeen) plan.fieldsFromBackup++;
  }
  return plan;
}
