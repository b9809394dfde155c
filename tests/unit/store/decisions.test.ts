import { describe, expect, it } from 'vitest';
import type { ReadDossier } from '../../../lib/dossier/model';
import { upsertDossiers } from '../../../lib/store/dossiers';
import { removeTag, setTag, tagHistory, undoTag } from '../../../lib/store/tags';
import { freshDb } from './fresh-db';
import { day, readDossier } from '../../support/factories';

const TODAY = '2026-02-10';
const PAGE = 'https://motcua.kontum.gov.vn/ho-so';
const input = (realReturn: string) => ({ realReturn, reason: '', note: '' });

/** A dossier of this file's tests: received 2026-02-01, due 2026-02-05, still being processed. */
function read(code: string): ReadDossier {
  return readDossier({ code, received: day('2026-02-01'), due: day('2026-02-05'), status: 'Đang xử lý' });
}

async function seeded(...codes: string[]) {
  const db = await freshDb('decisions');
  await upsertDossiers(db, codes.map(read), PAGE, 1);
  return db;
}

describe('every decision is an event', () => {
  it('a tag, an edit and a removal each get their own id and a later time, the removal leaving a tombstone', async () => {
    const db = await seeded('A');
    const set = await setTag(db, 'A', input('2026-02-04'), 'Lan', 100, TODAY);
    const edit = await setTag(db, 'A', input('2026-02-06'), 'Lan', 100, TODAY);
    const removed = await removeTag(db, 'A', 'Minh', 90); // a clock that stepped back
    if (!set.ok || !edit.ok || !removed.ok) throw new Error('expected success');
    expect(new Set([set.event, edit.event, removed.event]).size).toBe(3);
    const stored = (await db.dossiers.get('A'))!;
    expect(stored.tag).toBeUndefined();
    expect(stored.decision).toEqual({ id: removed.event, at: 102 });
    expect((await tagHistory(db, 'A')).map((row) => row.event)).toEqual([set.event, edit.event, removed.event]);
  });
});

describe('undo across two tabs', () => {
  it('tab 1 removes, tab 2 tags anew, tab 1 undoes: conflict, the newer tag stays', async () => {
    const db = await seeded('A');
    await setTag(db, 'A', input('2026-02-03'), 'Lan', 100, TODAY);
    const removed = await removeTag(db, 'A', 'Lan', 200);
    if (!removed.ok || !removed.event) throw new Error('expected a removal');
    const newer = await setTag(db, 'A', input('2026-02-07'), 'Minh', 300, TODAY);
    if (!newer.ok) throw new Error('expected a tag');
    const historyBefore = await db.tagHistory.count();

    const undo = await undoTag(db, 'A', removed.event, 'Lan', 400, TODAY);
    expect(undo).toMatchObject({ ok: false, code: 'conflict', current: newer.event });
    const stored = (await db.dossiers.get('A'))!;
    expect(stored.tag).toMatchObject({ realReturn: '2026-02-07', by: 'Minh' });
    expect(stored.decision?.id).toBe(newer.event);
    expect(await db.tagHistory.count()).toBe(historyBefore);
  });

  it('an edit started from an older version is a conflict; from the current one it saves', async () => {
    const db = await seeded('A');
    const first = await setTag(db, 'A', input('2026-02-03'), 'Lan', 100, TODAY, null);
    if (!first.ok) throw new Error('expected a tag');
    // Both tabs saw `first`; tab 2 saves first.
    const tab2 = await setTag(db, 'A', input('2026-02-04'), 'Minh', 200, TODAY, first.event);
    expect(tab2.ok).toBe(true);
    const tab1 = await setTag(db, 'A', input('2026-02-06'), 'Lan', 300, TODAY, first.event);
    expect(tab1).toMatchObject({ ok: false, code: 'conflict' });
    expect(await removeTag(db, 'A', 'Lan', 300, first.event)).toMatchObject({ ok: false, code: 'conflict' });
    expect((await db.dossiers.get('A'))!.tag?.realReturn).toBe('2026-02-04');
    // "No decision yet" is a version too: a first tag expected on an untagged dossier that was tagged since.
    expect(await setTag(db, 'A', input('2026-02-06'), 'Lan', 300, TODAY, null)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('an undo names an event of the same dossier', async () => {
    const db = await seeded('A', 'B');
    const a = await setTag(db, 'A', input('2026-02-03'), 'Lan', 100, TODAY);
    if (!a.ok) throw new Error('expected a tag');
    expect(await undoTag(db, 'B', a.event, 'Lan', 200, TODAY)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await undoTag(db, 'A', 'no-such-event', 'Lan', 200, TODAY)).toMatchObject({ ok: false, code: 'not-found' });
    // Undoing the first tag takes the dossier back to untagged, as a new decision.
    const undone = await undoTag(db, 'A', a.event, 'Lan', 200, TODAY);
    expect(undone).toMatchObject({ ok: true, previous: { realReturn: '2026-02-03' } });
    expect((await db.dossiers.get('A'))!.tag).toBeUndefined();
  });
});

describe('codes that are names of Object properties', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s is a dossier like any other', async (code) => {
    const db = await seeded(code, 'PLAIN');
    const first = await upsertDossiers(db, [read(code), read('PLAIN')], PAGE, 2);
    expect(first.tags.has(code)).toBe(false);
    expect(first.tags.get(code)).toBeUndefined();
    await setTag(db, code, input('2026-02-04'), 'Lan', 100, TODAY);
    const second = await upsertDossiers(db, [read(code), read('PLAIN')], PAGE, 3);
    expect([...second.tags.keys()]).toEqual([code]);
    expect(second.tags.get(code)?.realReturn).toBe('2026-02-04');
    expect(Object.getPrototypeOf(second.tags)).toBe(Map.prototype);
  });
});
