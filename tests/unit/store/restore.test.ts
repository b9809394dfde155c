import { describe, expect, it } from 'vitest';
import type { ReadDossier, StoredDossier } from '../../../lib/dossier/model';
import { makeBackup, parseBackupValue, screenBackup, type Backup } from '../../../lib/store/backup';
import { upsertDossiers } from '../../../lib/store/dossiers';
import { exportBackup, planBackupRestore, restoreBackup, undoLastRestore } from '../../../lib/store/restore';
import { removeTag, setTag } from '../../../lib/store/tags';
import { freshDb } from './fresh-db';
import { day, readDossier } from '../../support/factories';

// 2026-02-10 10:00 in Vietnam.
const NOW = Date.UTC(2026, 1, 10, 3);
const TODAY = '2026-02-10';
const HOUR = 3_600_000;
const PAGE = 'https://motcua.kontum.gov.vn/ho-so';
const input = (realReturn: string) => ({ realReturn, reason: '', note: '' });

/** A dossier of this file's tests: received 2026-02-01, due 2026-02-05, still being processed. */
function read(code: string, extra: Partial<ReadDossier> = {}): ReadDossier {
  return readDossier({ code, received: day('2026-02-01'), due: day('2026-02-05'), status: 'Đang xử lý', ...extra });
}

function record(code: string, extra: Partial<StoredDossier> = {}): StoredDossier {
  return { ...read(code), firstSeen: NOW - 10 * HOUR, lastSeen: NOW - 5 * HOUR, pageUrl: PAGE, ...extra };
}

const tag = (realReturn: string, at: number) => ({ realReturn, reason: '', note: '', by: 'Lan', at });

describe('restore of an older backup after a removal', () => {
  it('the removal wins: the tag does not come back, in the plan nor in the store', async () => {
    const db = await freshDb('restore');
    await upsertDossiers(db, [read('A'), read('B')], PAGE, NOW - 4 * HOUR);
    await setTag(db, 'A', input('2026-02-04'), 'Lan', NOW - 3 * HOUR, TODAY);
    await setTag(db, 'B', input('2026-02-04'), 'Lan', NOW - 3 * HOUR, TODAY);
    const older = JSON.parse(JSON.stringify(await exportBackup(db, NOW - 2 * HOUR))) as Backup;
    await removeTag(db, 'A', 'Minh', NOW - HOUR);

    const plan = await planBackupRestore(db, older, NOW);
    expect(plan).toMatchObject({ tagFromBackup: 0, refused: [] });
    await restoreBackup(db, older, NOW);
    expect((await db.dossiers.get('A'))!.tag).toBeUndefined();
    expect((await db.dossiers.get('B'))!.tag?.realReturn).toBe('2026-02-04');
  });

  it('a backup older than decisions (no decision field) loses to a removal made after its tag', async () => {
    const db = await freshDb('restore-legacy');
    await upsertDossiers(db, [read('A')], PAGE, NOW - 4 * HOUR);
    await setTag(db, 'A', input('2026-02-04'), 'Lan', NOW - 3 * HOUR, TODAY);
    await removeTag(db, 'A', 'Minh', NOW - HOUR);
    const legacy = makeBackup([record('A', { tag: tag('2026-02-04', NOW - 2 * HOUR) })], [], NOW - 2 * HOUR);
    await restoreBackup(db, legacy, NOW);
    expect((await db.dossiers.get('A'))!.tag).toBeUndefined();
  });

  it('a newer removal in the backup removes an older stored tag', async () => {
    const db = await freshDb('restore-tombstone');
    await upsertDossiers(db, [read('A')], PAGE, NOW - 4 * HOUR);
    await setTag(db, 'A', input('2026-02-04'), 'Lan', NOW - 3 * HOUR, TODAY);
    const tombstone = record('A', { decision: { id: 'removal-elsewhere', at: NOW - HOUR } });
    const plan = await planBackupRestore(db, makeBackup([tombstone], [], NOW - HOUR), NOW);
    expect(plan.tagFromBackup).toBe(1);
    await restoreBackup(db, makeBackup([tombstone], [], NOW - HOUR), NOW);
    expect((await db.dossiers.get('A'))!).toMatchObject({ decision: { id: 'removal-elsewhere' } });
    expect((await db.dossiers.get('A'))!.tag).toBeUndefined();
  });
});

describe('backups with out-of-range values', () => {
  const YEAR_2100 = Date.UTC(2100, 0, 1);
  it.each<[string, StoredDossier]>([
    ['a real return in 1900 (no receipt day to compare with)', record('X', { received: null, tag: tag('1900-01-01', NOW - HOUR) })],
    ['a real return in 2100', record('X', { tag: tag('2100-01-01', NOW - HOUR) })],
    ['a real return before the receipt day', record('X', { tag: tag('2026-01-20', NOW - HOUR) })],
    ['a tag time in 2100', record('X', { tag: tag('2026-02-04', YEAR_2100) })],
    ['a decision time in 2100', record('X', { tag: tag('2026-02-04', NOW - HOUR), decision: { id: 'e', at: YEAR_2100 } })],
    ['a lastSeen in the future', record('X', { lastSeen: NOW + 48 * HOUR })],
    ['a firstSeen in the future', record('X', { firstSeen: YEAR_2100 })],
    ['a negative time', record('X', { firstSeen: -5 })],
  ])('%s: the row is refused, listed in the plan, and nothing of it is stored', async (_label, bad) => {
    const db = await freshDb('restore-range');
    const backup = makeBackup([bad, record('OK')], [], NOW);
    const plan = await planBackupRestore(db, backup, NOW);
    expect(plan.refused.map((row) => row.code)).toEqual(['X']);
    // Each refusal says why: a time out of range, or the tagging rule the real return date breaks.
    expect(plan.refused[0]!.problem.code).toMatch(/^(backup-time-out-of-range|real-date-(too-early|after-today|before-receipt))$/);
    expect(plan.add).toBe(1);
    const { plan: applied } = await restoreBackup(db, backup, NOW);
    expect(applied.refused).toHaveLength(1);
    expect(await db.dossiers.get('X')).toBeUndefined();
    expect(await db.dossiers.get('OK')).toBeDefined();
  });

  it('a history row in the future is refused; times a little after the export time are clamped to it', async () => {
    const exportedAt = NOW - HOUR;
    // Another machine's clock ran ten minutes ahead.
    const ahead = exportedAt + 10 * 60_000;
    const backup = makeBackup(
      [record('A', { lastSeen: ahead, tag: tag('2026-02-04', ahead), decision: { id: 'e', at: ahead } })],
      [
        { code: 'A', at: ahead, by: 'Lan', before: null, after: tag('2026-02-04', ahead) },
        { code: 'A', at: YEAR_2100, by: 'evil', before: null, after: null },
      ],
      exportedAt,
    );
    const screened = screenBackup(backup, NOW);
    expect(screened.dossiers[0]).toMatchObject({ lastSeen: exportedAt, tag: { at: exportedAt }, decision: { at: exportedAt } });
    expect(screened.tagHistory).toEqual([{ code: 'A', at: exportedAt, by: 'Lan', before: null, after: tag('2026-02-04', ahead) }]);
    expect(screened.refused.map((row) => row.code)).toEqual(['A']);
  });

  it('a file exported "in 2100" cannot lift the limit: its rows are still held to this machine’s clock', () => {
    const backup = makeBackup([record('A', { lastSeen: NOW + 24 * HOUR })], [], YEAR_2100);
    expect(screenBackup(backup, NOW).refused.map((row) => row.code)).toEqual(['A']);
  });

  it('the file itself still parses: the rules are applied row by row, not by refusing the file', () => {
    expect(parseBackupValue(makeBackup([record('X', { tag: tag('2100-01-01', 1) })], [], 1)).ok).toBe(true);
  });
});

describe('undo of the last restore', () => {
  it('puts back every record the restore changed and removes what it added, with its history', async () => {
    const db = await freshDb('undo-restore');
    await upsertDossiers(db, [read('A')], PAGE, NOW - 4 * HOUR);
    const before = { dossiers: await db.dossiers.toArray(), history: await db.tagHistory.toArray() };
    const backup = makeBackup(
      [record('A', { lastSeen: NOW - 2 * HOUR, tag: tag('2026-02-04', NOW - 2 * HOUR) }), record('NEW')],
      [{ code: 'A', at: NOW - 2 * HOUR, by: 'Lan', before: null, after: tag('2026-02-04', NOW - 2 * HOUR) }],
      NOW - HOUR,
    );
    await restoreBackup(db, backup, NOW);
    expect((await db.dossiers.get('A'))!.tag).toBeDefined();
    expect(await db.dossiers.count()).toBe(2);

    expect(await undoLastRestore(db)).toMatchObject({ ok: true, reverted: 2, kept: 0 });
    expect({ dossiers: await db.dossiers.toArray(), history: await db.tagHistory.toArray() }).toEqual(before);
    expect(await undoLastRestore(db)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('keeps a decision made after the restore, and a page read since', async () => {
    const db = await freshDb('undo-restore-kept');
    await upsertDossiers(db, [read('A'), read('B')], PAGE, NOW - 4 * HOUR);
    const backup = makeBackup(
      [record('A', { tag: tag('2026-02-04', NOW - 2 * HOUR) }), record('B', { tag: tag('2026-02-04', NOW - 2 * HOUR) })],
      [],
      NOW - HOUR,
    );
    await restoreBackup(db, backup, NOW);
    await setTag(db, 'A', input('2026-02-06'), 'Minh', NOW + 1, TODAY);
    await upsertDossiers(db, [read('B', { status: 'Đã trả kết quả' })], PAGE, NOW + 2 * HOUR);

    expect(await undoLastRestore(db)).toMatchObject({ ok: true, reverted: 1, kept: 1 });
    expect((await db.dossiers.get('A'))!.tag?.realReturn).toBe('2026-02-06');
    const b = (await db.dossiers.get('B'))!;
    expect(b.tag).toBeUndefined();
    expect(b.status).toBe('Đã trả kết quả');
  });

  it('a restore that changes nothing leaves nothing to undo', async () => {
    const db = await freshDb('undo-restore-same');
    await upsertDossiers(db, [read('A')], PAGE, NOW - 4 * HOUR);
    const same = await exportBackup(db, NOW - HOUR);
    await restoreBackup(db, same, NOW);
    expect(await db.restores.count()).toBe(0);
  });
});
