import { Dexie } from 'dexie';
import type { DossierDatabase, TagHistoryRow } from './db';
import { decisionStateOf, type DecisionState, type DossierTag, type OptionalField, type ReadDossier, type StoredDossier } from '../dossier/model';

/**
 * What the background does with the dossiers as read: one function per operation, each in one
 * transaction so that two tabs and the popup writing at once never lose an update. Tag decisions are
 * in tags.ts, backups in restore.ts.
 */

/** Same fields as a read? Then nothing to write but `lastSeen`. */
function sameFields(a: ReadDossier, b: ReadDossier): boolean {
  return (
    a.procedure === b.procedure &&
    a.sector === b.sector &&
    a.applicant === b.applicant &&
    a.status === b.status &&
    a.unit === b.unit &&
    a.handler === b.handler &&
    a.verdict === b.verdict &&
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
 * dossier read again keeps its tag and decision untouched. Duplicate codes in one batch: the last one
 * wins. `written` lists the codes actually written (a re-read that changes nothing writes nothing).
 *
 * A read never silently moves the appointment or closing of a tagged dossier: staff decided its real
 * outcome against those dates. A different value is kept aside as `pendingRead` (shown on the row) and
 * recorded once in the dossier's history; the stored dates stay until the tag is removed.
 *
 * Besides the tags, the answer names each code's latest decision and any read kept aside
 * (`decisions`, only for codes that have one), so that the panel's edits can name the decision they
 * started from and the row can show what was kept aside.
 */
export async function upsertDossiers(
  db: DossierDatabase,
  read: ReadDossier[],
  pageUrl: string,
  now: number,
): Promise<{ stored: number; tags: Map<string, DossierTag>; decisions: Map<string, DecisionState>; written: string[] }> {
  const byCode = new Map<string, ReadDossier>();
  for (const dossier of read) byCode.set(dossier.code, dossier);
  const codes = [...byCode.keys()];
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const existing = await storedAmong(db, codes);
    const tags = new Map<string, DossierTag>();
    const decisions = new Map<string, DecisionState>();
    const records: StoredDossier[] = [];
    const readChanges: TagHistoryRow[] = [];
    codes.forEach((code, index) => {
      const previous = existing[index];
      let incoming = withKnownFields(byCode.get(code)!, previous);
      let pendingRead = previous?.tag ? previous.pendingRead : undefined;
      if (previous?.tag) {
        if (sameDates(previous, incoming)) pendingRead = undefined;
        else {
          if (!pendingRead || !sameDates(pendingRead, incoming)) {
            pendingRead = { due: incoming.due, closed: incoming.closed, at: now };
            const from = { due: previous.due, closed: previous.closed };
            const to = { due: incoming.due, closed: incoming.closed };
            readChanges.push({ code, at: now, by: '', before: previous.tag, after: previous.tag, read: { from, to } });
          }
          incoming = { ...incoming, due: previous.due, closed: previous.closed };
        }
        tags.set(code, previous.tag);
      }
      const unchanged = previous !== undefined && sameFields(previous, incoming) && pendingRead === previous.pendingRead;
      const state = previous && decisionStateOf({ decision: previous.decision, pendingRead, due: incoming.due, closed: incoming.closed });
      if (state) decisions.set(code, state);
      if (unchanged && previous.pageUrl === pageUrl && now - previous.lastSeen < LAST_SEEN_RESOLUTION_MS) return;
      const record: StoredDossier = { ...(unchanged ? previous : incoming), code, firstSeen: previous?.firstSeen ?? now, lastSeen: now, pageUrl };
      if (previous?.tag) record.tag = previous.tag;
      if (previous?.decision) record.decision = previous.decision;
      if (pendingRead) record.pendingRead = pendingRead;
      else if ('pendingRead' in record) delete record.pendingRead;
      records.push(record);
    });
    if (records.length) await db.dossiers.bulkPut(records);
    if (readChanges.length) await db.tagHistory.bulkAdd(readChanges);
    return { stored: codes.length, tags, decisions, written: records.map((record) => record.code) };
  });
}

function sameDates(a: Pick<ReadDossier, 'due' | 'closed'>, b: Pick<ReadDossier, 'due' | 'closed'>): boolean {
  return sameDate(a.due, b.due) && sameDate(a.closed, b.closed);
}

/** The dossier with what was kept aside applied: once untagged, the page's latest dates are the truth. */
export function appliedPendingRead(dossier: StoredDossier): StoredDossier {
  const { pendingRead, ...rest } = dossier;
  return pendingRead ? { ...rest, due: pendingRead.due, closed: pendingRead.closed } : rest;
}

/** From this many codes on, a save first lists the stored codes of its range (see storedAmong). */
const RANGE_READ_MIN_CODES = 500;

/**
 * The stored record of each code (undefined where none), in the order of `codes`. One get per code
 * (bulkGet) is the slow part of saving a big page: about 35 µs each in Chromium, the same whether the
 * code is stored or not, where reading a range at once costs about 9 µs a record. So for a big page the
 * stored codes from its smallest to its largest code are listed first, keys only and at most one more
 * than the page has: when the range holds no more records than there are codes, it is read at once
 * (nothing at all for a page seen for the first time); a range crowded with other stored codes is read
 * code by code, and is not walked to its end (counting it would be, and a range grows with the store).
 * Small pages are read code by code: that is cheap.
 */
export async function storedAmong(db: DossierDatabase, codes: string[]): Promise<(StoredDossier | undefined)[]> {
  if (codes.length < RANGE_READ_MIN_CODES) return db.dossiers.bulkGet(codes);
  // IndexedDB orders string keys by UTF-16 code units, as JavaScript's `<` on strings does.
  let low = codes[0]!;
  let high = low;
  for (const code of codes) {
    if (code < low) low = code;
    else if (code > high) high = code;
  }
  // A Dexie collection's limit() changes the collection itself: one collection per request.
  const range = () => db.dossiers.where('code').between(low, high, true, true);
  const stored = await range().limit(codes.length + 1).primaryKeys();
  if (stored.length === 0) return codes.map(() => undefined);
  if (stored.length <= codes.length) {
    const found = new Map((await range().toArray()).map((dossier) => [dossier.code, dossier]));
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

/** True when the error is the browser's storage quota being exceeded. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded;
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
