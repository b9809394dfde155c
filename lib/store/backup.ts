import * as z from 'zod/mini';
import type { ProblemOf } from '../i18n/problem';
import en from 'zod/v4/locales/en.js';
import type { TagHistoryRow } from './db';
import type { StoredDossier } from '../dossier/model';
import { protocolSchemas } from '../messaging/protocol';

/**
 * Backup and restore of the whole database as one versioned JSON file. A restore is planned first and
 * the plan is shown to the user; applying it never drops a record and never replaces a newer tag with
 * an older one.
 */

export const BACKUP_FORMAT = 'motcua-phu-luc-backup';
export const BACKUP_VERSION = 1;

// zod/mini, like the protocol whose schemas it extends, with zod's English messages: a damaged backup
// is reported with what is wrong where (the background and the options page load this module, the
// content scripts do not).
z.config(en());
const { storedDossierSchema, tagSchema } = protocolSchemas();

const historyRowSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  at: z.number(),
  by: z.string().check(z.maxLength(200)),
  before: z.nullable(tagSchema),
  after: z.nullable(tagSchema),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  dossiers: z.array(storedDossierSchema).check(z.maxLength(500_000)),
  tagHistory: z.array(historyRowSchema).check(z.maxLength(2_000_000)),
});
export type Backup = z.infer<typeof backupSchema>;

export function makeBackup(dossiers: StoredDossier[], history: TagHistoryRow[], now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    dossiers,
    tagHistory: history.map(({ code, at, by, before, after }) => ({ code, at, by, before, after })),
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

export interface RestorePlan {
  /** Codes not in the store: added. */
  add: number;
  /** In the store with the same content: nothing to do. */
  same: number;
  /** The backup's tag is newer (or the store has none): the tag is taken from the backup. */
  tagFromBackup: number;
  /** The store's tag is newer or the backup has none: the store's tag is kept. */
  keepStoreTag: number;
  /** Fields read later in the backup than in the store: fields updated. */
  fieldsFromBackup: number;
  historyRows: number;
}

/** Merges one backup record into the stored one (or none): newest tag wins, newest read wins. */
export function mergeRecord(stored: StoredDossier | undefined, incoming: StoredDossier): StoredDossier {
  if (!stored) return incoming;
  const fields = incoming.lastSeen > stored.lastSeen ? incoming : stored;
  const tag = pickTag(stored.tag, incoming.tag);
  const merged: StoredDossier = { ...fields, firstSeen: Math.min(stored.firstSeen, incoming.firstSeen), lastSeen: Math.max(stored.lastSeen, incoming.lastSeen) };
  if (tag) merged.tag = tag;
  else delete merged.tag;
  return merged;
}

function pickTag(stored: StoredDossier['tag'], incoming: StoredDossier['tag']): StoredDossier['tag'] {
  if (!incoming) return stored;
  if (!stored) return incoming;
  return incoming.at > stored.at ? incoming : stored;
}

export function planRestore(existing: ReadonlyMap<string, StoredDossier>, backup: Backup): RestorePlan {
  const plan: RestorePlan = { add: 0, same: 0, tagFromBackup: 0, keepStoreTag: 0, fieldsFromBackup: 0, historyRows: backup.tagHistory.length };
  for (const incoming of backup.dossiers) {
    const stored = existing.get(incoming.code);
    if (!stored) {
      plan.add++;
      continue;
    }
    const tag = pickTag(stored.tag, incoming.tag);
    if (incoming.lastSeen <= stored.lastSeen && incoming.firstSeen >= stored.firstSeen && tag === stored.tag) {
      plan.same++;
      continue;
    }
    if (incoming.tag && (!stored.tag || incoming.tag.at > stored.tag.at)) plan.tagFromBackup++;
    else if (stored.tag && incoming.tag) plan.keepStoreTag++;
    if (incoming.lastSeen > stored.lastSeen) plan.fieldsFromBackup++;
  }
  return plan;
}
