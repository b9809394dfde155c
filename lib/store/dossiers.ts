import { Dexie } from 'dexie';
import type { DossierDatabase, TagHistoryRow } from './db';
import type { DossierTag, OptionalField, ReadDossier, StoredDossier } from '../dossier/model';
import { validateRealReturn } from '../dossier/tag-validation';
import { makeBackup, mergeRecord, planRestore, type Backup, type RestorePlan } from './backup';

/**
 * What the background does with the database: one function per operation, each in one transaction so
 * that two tabs and the popup writing at once never lose an update.
 */

export interface TagInput {
  realReturn: string;
  reason: string;
  note: string;
}

export type TagResult =
  | { ok: true; dossier: StoredDossier; previous: DossierTag | null }
  | { ok: false; code: 'not-found' | 'invalid-date'; message: string; messageEn: string };

/** Same fields as a read? Then nothing to write but `lastSeen`. */
function sameFields(a: ReadDossier, b: ReadDossier): boolean {
  return (
    a.procedure === b.procedure &&
    a.sector === b.sector &&
    a.applicant === b.applicant &&
    a.status === b.status &&
    a.unit === b.unit &&
    a.handler === b.handler &&
    sameDate(a.received, b.received) &&
    sameDate(a.due, b.due) &&
    sameDate(a.closed, b.closed)
  );
}

function sameDate(a: ReadDossier['due'] | null, b: ReadDossier['due'] | null): boolean {
  if (!a || !b) return a === b;
  return a.day === b.day && a.time === b.time;
}

/**
 * A read from a list without some columns (no closing date, no receipt date…) says nothing about those
 * fields: the stored values stay. The `unmapped` marker itself is never stored.
 */
function withKnownFields(incoming: ReadDossier, previous: StoredDossier | undefined): ReadDossier {
  const { unmapped, ...fields } = incoming;
  if (!unmapped?.length || !previous) return fields;
  const merged: ReadDossier = { ...fields };
  for (const field of unmapped) keepField(merged, previous, field);
  return merged;
}

function keepField<K extends OptionalField>(target: ReadDossier, source: ReadDossier, field: K) {
  target[field] = source[field];
}

/**
 * How fresh `lastSeen` is kept: a dossier read again with the same fields from the same page is not
 * rewritten unless its `lastSeen` is older than this. Paging back and forth then costs reads only, and
 * `lastSeen` (used for retention, counted in days) is never off by more than an hour.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * Upserts every dossier read by its code: the latest field values, first and last seen, the page. A
 * dossier read again keeps its tag untouched. Duplicate codes in one batch: the last one wins.
 * `written` lists the codes actually written (a re-read that changes nothing writes nothing).
 */
export async function upsertDossiers(
  db: DossierDatabase,
  read: ReadDossier[],
  pageUrl: string,
  now: number,
): Promise<{ stored: number; tags: Record<string, DossierTag>; written: string[] }> {
  const byCode = new Map<string, ReadDossier>();
  for (const dossier of read) byCode.set(dossier.code, dossier);
  const codes = [...byCode.keys()];
  return db.transaction('rw', db.dossiers, async () => {
    const existing = await storedAmong(db, codes);
    const tags: Record<string, DossierTag> = {};
    const records: StoredDossier[] = [];
    codes.forEach((code, index) => {
      const previous = existing[index];
      const incoming = withKnownFields(byCode.get(code)!, previous);
      if (previous?.tag) tags[code] = previous.tag;
      const unchanged = previous !== undefined && sameFields(previous, incoming);
      if (unchanged && previous.pageUrl === pageUrl && now - previous.lastSeen < LAST_SEEN_RESOLUTION_MS) return;
      records.push({
        ...(unchanged ? previous : incoming),
        code,
        firstSeen: previous?.firstSeen ?? now,
        lastSeen: now,
        pageUrl,
        ...(previous?.tag ? { tag: previous.tag } : {}),
      });
    });
    if (records.length) await db.dossiers.bulkPut(records);
    return { stored: codes.length, tags, written: records.map((record) => record.code) };
  });
}

/** From this many codes on, a save first counts the range of its codes (see storedAmong). */
const RANGE_READ_MIN_CODES = 500;

/**
 * The stored record of each code (undefined where none), in the order of `codes`. One get per code
 * (bulkGet) is the slow part of saving a big page: about 35 µs each in Chromium, the same whether the
 * code is stored or not. So for a big page the range from its smallest to its largest code is counted
 * first (one request): when it holds no more records than there are codes, the whole range is read at
 * once (nothing at all for a page seen for the first time); only a range crowded with other stored
 * codes is read code by code. Small pages are read code by code: that is cheap, and counting a crowded
 * range would not be.
 */
async function storedAmong(db: DossierDatabase, codes: string[]): Promise<(StoredDossier | undefined)[]> {
  if (codes.length < RANGE_READ_MIN_CODES) return db.dossiers.bulkGet(codes);
  // IndexedDB orders string keys by UTF-16 code units, as JavaScript's `<` on strings does.
  let low = codes[0]!;
  let high = low;
  for (const code of codes) {
    if (code < low) low = code;
    else if (code > high) high = code;
  }
  const range = db.dossiers.where('code').between(low, high, true, true);
  const inRange = await range.count();
  if (inRange === 0) return codes.map(() => undefined);
  if (inRange <= codes.length) {
    const found = new Map((await range.toArray()).map((dossier) => [dossier.code, dossier]));
    return codes.map((code) => found.get(code));
  }
  return db.dossiers.bulkGet(codes);
}

export async function getDossiers(db: DossierDatabase, codes: string[]): Promise<StoredDossier[]> {
  const found = await db.dossiers.bulkGet(codes);
  return found.filter((dossier): dossier is StoredDossier => dossier !== undefined);
}

export function allDossiers(db: DossierDatabase): Promise<StoredDossier[]> {
  return db.dossiers.toArray();
}

async function writeTag(
  db: DossierDatabase,
  dossier: StoredDossier,
  tag: DossierTag | null,
  by: string,
  now: number,
): Promise<StoredDossier> {
  const previous = dossier.tag ?? null;
  const next: StoredDossier = { ...dossier };
  if (tag) next.tag = tag;
  else delete next.tag;
  await db.dossiers.put(next);
  await db.tagHistory.add({ code: dossier.code, at: now, by, before: previous, after: tag });
  return next;
}

/**
 * Saves the real return date of one dossier after checking it against the stored receipt day and
 * today; a refused date changes nothing.
 */
export async function setTag(
  db: DossierDatabase,
  code: string,
  input: TagInput,
  by: string,
  now: number,
  today: string,
): Promise<TagResult> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) {
      return {
        ok: false as const,
        code: 'not-found' as const,
        message: `Không tìm thấy hồ sơ ${code} trong bộ nhớ.`,
        messageEn: `Dossier ${code} is not in the store.`,
      };
    }
    const checked = validateRealReturn(input.realReturn, dossier, today);
    if (!checked.ok) {
      return { ok: false as const, code: 'invalid-date' as const, message: checked.message, messageEn: checked.messageEn };
    }
    const previous = dossier.tag ?? null;
    const tag: DossierTag = { realReturn: checked.day, reason: input.reason.trim(), note: input.note.trim(), by, at: now };
    const saved = await writeTag(db, dossier, tag, by, now);
    return { ok: true as const, dossier: saved, previous };
  });
}

/** Tags several dossiers with one date; each is checked on its own, and refused ones are reported. */
export async function setTagMany(
  db: DossierDatabase,
  codes: string[],
  input: TagInput,
  by: string,
  now: number,
  today: string,
): Promise<{ saved: string[]; refused: { code: string; message: string; messageEn: string }[] }> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const saved: string[] = [];
    const refused: { code: string; message: string; messageEn: string }[] = [];
    for (const code of codes) {
      const result = await setTag(db, code, input, by, now, today);
      if (result.ok) saved.push(code);
      else refused.push({ code, message: result.message, messageEn: result.messageEn });
    }
    return { saved, refused };
  });
}

export async function removeTag(db: DossierDatabase, code: string, by: string, now: number): Promise<DossierTag | null | undefined> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) return undefined;
    const previous = dossier.tag ?? null;
    if (previous) await writeTag(db, dossier, null, by, now);
    return previous;
  });
}

/** Undo: puts back exactly the tag given (or none), recording the change in the history. */
export async function restoreTag(
  db: DossierDatabase,
  code: string,
  tag: DossierTag | null,
  by: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) return false;
    await writeTag(db, dossier, tag, by, now);
    return true;
  });
}

export async function tagHistory(db: DossierDatabase, code: string): Promise<TagHistoryRow[]> {
  return db.tagHistory.where('code').equals(code).sortBy('at');
}

/** True when the error is the browser's storage quota being exceeded. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded;
}

/** Everything in the database, for a backup file. */
export async function exportBackup(db: DossierDatabase, now: number) {
  return db.transaction('r', db.dossiers, db.tagHistory, async () =>
    makeBackup(await db.dossiers.toArray(), await db.tagHistory.toArray(), now),
  );
}

/** What a restore would do, without doing it. */
export async function planBackupRestore(db: DossierDatabase, backup: Backup): Promise<RestorePlan> {
  const existing = await db.dossiers.bulkGet(backup.dossiers.map((dossier) => dossier.code));
  const map = new Map<string, StoredDossier>();
  for (const dossier of existing) if (dossier) map.set(dossier.code, dossier);
  return planRestore(map, backup);
}

/**
 * Restores a backup by merging: new dossiers are added, the newest tag and the newest read win, and
 * history rows not already present are added. Nothing in the store is dropped.
 */
export async function restoreBackup(db: DossierDatabase, backup: Backup): Promise<{ plan: RestorePlan; codes: string[] }> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const plan = await planBackupRestore(db, backup);
    const codes = backup.dossiers.map((dossier) => dossier.code);
    const existing = await storedAmong(db, codes);
    await db.dossiers.bulkPut(backup.dossiers.map((incoming, index) => mergeRecord(existing[index], incoming)));
    const known = new Set((await db.tagHistory.toArray()).map((row) => `${row.code}|${row.at}|${row.after?.realReturn ?? ''}`));
    const fresh = backup.tagHistory.filter((row) => !known.has(`${row.code}|${row.at}|${row.after?.realReturn ?? ''}`));
    if (fresh.length) await db.tagHistory.bulkAdd(fresh);
    return { plan, codes };
  });
}

/**
 * Data retention: the dossiers last seen before `before` (epoch ms). With `dryRun` it only counts, so
 * the user is asked first; their history goes with them.
 */
export async function pruneDossiers(db: DossierDatabase, before: number, dryRun: boolean): Promise<{ count: number; tagged: number; codes: string[] }> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const old = await db.dossiers.where('lastSeen').below(before).toArray();
    const codes = old.map((dossier) => dossier.code);
    if (!dryRun && codes.length) {
      await db.dossiers.bulkDelete(codes);
      await db.tagHistory.where('code').anyOf(codes).delete();
    }
    return { count: old.length, tagged: old.filter((dossier) => dossier.tag).length, codes };
  });
}
