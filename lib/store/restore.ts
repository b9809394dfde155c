import type { DossierDatabase, RestoreSnapshot } from './db';
import type { StoredDossier } from '../dossier/model';
import { makeBackup, mergeRecord, planRestore, restoreChanges, screenBackup, type Backup, type RestorePlan, type ScreenedBackup } from './backup';
import { storedAmong } from './dossiers';
import type { Problem } from '../i18n/problem';

/**
 * Backups in the database: export, plan, restore and the undo of the last restore. The rules (what is
 * refused, which record wins) are in backup.ts; here they meet the store, each in one transaction.
 */

/** Everything in the database, for a backup file. */
export async function exportBackup(db: DossierDatabase, now: number) {
  return db.transaction('r', db.dossiers, db.tagHistory, async () =>
    makeBackup(await db.dossiers.toArray(), await db.tagHistory.toArray(), now),
  );
}

async function storedMap(db: DossierDatabase, screened: ScreenedBackup): Promise<Map<string, StoredDossier>> {
  const existing = await storedAmong(db, screened.dossiers.map((dossier) => dossier.code));
  const map = new Map<string, StoredDossier>();
  for (const dossier of existing) if (dossier) map.set(dossier.code, dossier);
  return map;
}

/** What a restore would do, without doing it. */
export async function planBackupRestore(db: DossierDatabase, backup: Backup, now = Date.now()): Promise<RestorePlan> {
  const screened = screenBackup(backup, now);
  return planRestore(await storedMap(db, screened), screened);
}

const historyKey = (row: { code: string; at: number; after: { realReturn: string } | null }) => `${row.code}|${row.at}|${row.after?.realReturn ?? ''}`;

/**
 * Restores a backup by merging: new dossiers are added, the newest decision and the newest read win,
 * and history rows not already present are added. Nothing in the store is dropped. The records it
 * changes are kept as they were first, so that `undoLastRestore` can put them back.
 */
export async function restoreBackup(db: DossierDatabase, backup: Backup, now = Date.now()): Promise<{ plan: RestorePlan; codes: string[] }> {
  return db.transaction('rw', [db.dossiers, db.tagHistory, db.restores], async () => {
    const screened = screenBackup(backup, now);
    const existing = await storedMap(db, screened);
    const plan = planRestore(existing, screened);
    const records: RestoreSnapshot['records'] = [];
    for (const incoming of screened.dossiers) {
      const stored = existing.get(incoming.code);
      if (stored && !restoreChanges(stored, incoming)) continue;
      const after = mergeRecord(stored, incoming);
      records.push({ code: incoming.code, before: stored ?? null, after });
      existing.set(incoming.code, after);
    }
    if (records.length) await db.dossiers.bulkPut(records.map((record) => record.after));
    const known = new Set((await db.tagHistory.toArray()).map(historyKey));
    const fresh = screened.tagHistory.filter((row) => {
      const key = historyKey(row);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    const historyIds = fresh.length ? ((await db.tagHistory.bulkAdd(fresh, { allKeys: true })) as number[]) : [];
    if (records.length || historyIds.length) await db.restores.add({ at: now, records, historyIds });
    return { plan, codes: records.map((record) => record.code) };
  });
}

export type UndoRestoreResult =
  | { ok: true; reverted: number; kept: number; codes: string[] }
  | { ok: false; code: 'not-found'; problem: Problem };

/**
 * Undoes the last restore: each record it wrote goes back to what it was, unless a decision was made on
 * it since (that newer decision stays and the record is counted as kept). Reads made since are kept.
 */
export async function undoLastRestore(db: DossierDatabase): Promise<UndoRestoreResult> {
  return db.transaction('rw', [db.dossiers, db.tagHistory, db.restores], async () => {
    const last = await db.restores.orderBy('id').last();
    if (!last) {
      return { ok: false as const, code: 'not-found' as const, problem: { code: 'restore-nothing-to-undo' } };
    }
    const current = await storedAmong(db, last.records.map((record) => record.code));
    const puts: StoredDossier[] = [];
    const deletes: string[] = [];
    let kept = 0;
    last.records.forEach(({ before, after }, index) => {
      const now = current[index];
      if (!now) return; // pruned since: nothing to put back
      if (now.decision?.id !== after.decision?.id || now.tag?.at !== after.tag?.at) {
        kept++;
        return;
      }
      const reread = now.lastSeen > after.lastSeen;
      if (!before) {
        if (!reread) deletes.push(now.code);
        else puts.push(withDecisionOf(now, null));
        return;
      }
      puts.push(reread ? withDecisionOf(now, before) : before);
    });
    if (puts.length) await db.dossiers.bulkPut(puts);
    if (deletes.length) await db.dossiers.bulkDelete(deletes);
    if (last.historyIds.length) await db.tagHistory.bulkDelete(last.historyIds);
    await db.restores.delete(last.id!);
    return { ok: true as const, reverted: puts.length + deletes.length, kept, codes: [...puts.map((record) => record.code), ...deletes] };
  });
}

/** The record as read now, with the tag decision of `source` (none when null). */
function withDecisionOf(record: StoredDossier, source: StoredDossier | null): StoredDossier {
  const next: StoredDossier = { ...record };
  for (const key of ['tag', 'decision', 'pendingRead'] as const) delete next[key];
  if (source?.tag) next.tag = source.tag;
  if (source?.decision) next.decision = source.decision;
  if (source?.tag && source.pendingRead) next.pendingRead = source.pendingRead;
  return next;
}
