import type { Now } from '../calendar/day';
import type { DossierDatabase, TagHistoryRow } from './db';
import { newEventId } from './db';
import type { DossierTag, StoredDossier } from '../dossier/model';
import { checkRealReturn } from './tag-rules';
import { appliedPendingRead } from './dossiers';
import type { Problem } from '../i18n/problem';
import type { TagInput } from '../dossier/model';
import { stripInvisibleControls } from '../portal/text';

/**
 * Tag decisions: every tag, edit, removal and undo is an event with an id and a time given here, in the
 * background. The dossier keeps its latest decision (`decision`; without a tag it is a tombstone), the
 * history keeps every one. Edits and undo may name the decision they started from: when another tab
 * decided since, they are refused with a conflict instead of overwriting it.
 */


export type TagFailure =
  | { ok: false; code: 'not-found' | 'invalid-date'; problem: Problem }
  | { ok: false; code: 'conflict'; problem: Problem; current: string | null };

export type TagResult = { ok: true; dossier: StoredDossier; previous: DossierTag | null; event: string } | TagFailure;

/** The decision a request started from: an event id, null for "no decision yet", undefined for "do not check". */
export type Expected = string | null | undefined;

function notFound(code: string): TagFailure {
  return { ok: false, code: 'not-found', problem: { code: 'dossier-not-found', dossier: code } };
}

function conflict(dossier: StoredDossier): TagFailure {
  return {
    ok: false,
    code: 'conflict',
    problem: { code: 'tag-conflict', dossier: dossier.code },
    current: dossier.decision?.id ?? null,
  };
}

function isStale(dossier: StoredDossier, expected: Expected): boolean {
  return expected !== undefined && (dossier.decision?.id ?? null) !== expected;
}

/** Writes one decision (a tag, or null for a removal) and its history row, in the caller's transaction. */
async function decide(db: DossierDatabase, dossier: StoredDossier, tag: DossierTag | null, by: string, now: number) {
  const event = newEventId();
  const previous = dossier.tag ?? null;
  // An untagged dossier takes its reads as they come: what was kept aside applies on removal.
  const next: StoredDossier = tag ? { ...dossier } : appliedPendingRead(dossier);
  if (tag) next.tag = tag;
  else delete next.tag;
  // Never earlier than the decision it replaces, so that "newest decision wins" holds on this machine
  // even if its clock stepped back.
  next.decision = { id: event, at: Math.max(now, (dossier.decision?.at ?? -Infinity) + 1) };
  await db.dossiers.put(next);
  await db.tagHistory.add({ code: dossier.code, at: next.decision.at, by, before: previous, after: tag, event });
  return { dossier: next, event };
}

/**
 * Saves the real return date of one dossier after checking it against the stored receipt day and
 * today; a refused date changes nothing. `by` and the time are the background's.
 */
export async function setTag(
  db: DossierDatabase,
  code: string,
  input: TagInput,
  by: string,
  now: number,
  today: Now,
  expected?: Expected,
): Promise<TagResult> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) return notFound(code);
    if (isStale(dossier, expected)) return conflict(dossier);
    const checked = checkRealReturn(input.realReturn, dossier, today, input.time);
    if (!checked.ok) return { ok: false as const, code: 'invalid-date' as const, problem: checked.problem };
    const previous = dossier.tag ?? null;
    // Staff-typed text is kept without invisible direction controls, which could disguise it in the
    // panel and in the files sent to the district.
    const tag: DossierTag = {
      realReturn: checked.day,
      ...(checked.time ? { time: checked.time } : {}),
      reason: stripInvisibleControls(input.reason).trim(),
      note: stripInvisibleControls(input.note).trim(),
      by,
      at: now,
    };
    const saved = await decide(db, dossier, tag, by, now);
    return { ok: true as const, dossier: saved.dossier, previous, event: saved.event };
  });
}

/**
 * Tags several dossiers with one date; each is checked on its own, and refused ones are reported. A
 * code may name the decision the panel saw (`expected`, as a single tag does): one decided meanwhile
 * elsewhere is refused as a conflict, and the others are still saved.
 */
export async function setTagMany(
  db: DossierDatabase,
  codes: string[],
  input: TagInput,
  by: string,
  now: number,
  today: Now,
  expected: ReadonlyMap<string, string | null> = new Map(),
): Promise<{ saved: string[]; refused: { code: string; problem: Problem }[] }> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const saved: string[] = [];
    const refused: { code: string; problem: Problem }[] = [];
    for (const code of codes) {
      const result = await setTag(db, code, input, by, now, today, expected.has(code) ? expected.get(code) : undefined);
      if (result.ok) saved.push(code);
      else refused.push({ code, problem: result.problem });
    }
    return { saved, refused };
  });
}

export type RemoveResult = { ok: true; previous: DossierTag | null; event: string | null } | TagFailure;

/** Removes a dossier's tag: a tombstone decision, so that no older tag (a backup's) comes back. */
export async function removeTag(db: DossierDatabase, code: string, by: string, now: number, expected?: Expected): Promise<RemoveResult> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) return notFound(code);
    if (isStale(dossier, expected)) return conflict(dossier);
    const previous = dossier.tag ?? null;
    if (!previous) return { ok: true as const, previous, event: null };
    const { event } = await decide(db, dossier, null, by, now);
    return { ok: true as const, previous, event };
  });
}

/**
 * Undo of one decision, named by its event id: the dossier goes back to the tag it had before (or none),
 * as a new decision. Only while that decision is still the dossier's latest: if another tab tagged it
 * since, the undo is a conflict and the newer tag stays.
 */
export async function undoTag(db: DossierDatabase, code: string, event: string, by: string, now: number, today: Now): Promise<TagResult> {
  return db.transaction('rw', db.dossiers, db.tagHistory, async () => {
    const dossier = await db.dossiers.get(code);
    if (!dossier) return notFound(code);
    const row = await db.tagHistory.where('event').equals(event).first();
    if (!row || row.code !== code) {
      return {
        ok: false as const,
        code: 'not-found' as const,
        problem: { code: 'undo-change-not-found', dossier: code },
      };
    }
    if (dossier.decision?.id !== event) return conflict(dossier);
    // Undo puts back a tag this store gave out; still, never a day that cannot be a return day.
    if (row.before) {
      const checked = checkRealReturn(row.before.realReturn, dossier, today, row.before.time);
      if (!checked.ok) return { ok: false as const, code: 'invalid-date' as const, problem: checked.problem };
    }
    const previous = dossier.tag ?? null;
    const saved = await decide(db, dossier, row.before, by, now);
    return { ok: true as const, dossier: saved.dossier, previous, event: saved.event };
  });
}

export async function tagHistory(db: DossierDatabase, code: string): Promise<TagHistoryRow[]> {
  return db.tagHistory.where('code').equals(code).sortBy('at');
}
