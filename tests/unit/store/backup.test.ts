import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, makeBackup, mergeRecord, parseBackup, planRestore } from '../../../lib/store/backup';
import { freshDb } from './fresh-db';
import type { DossierTag, StoredDossier } from '../../../lib/dossier/model';
import { pruneDossiers, upsertDossiers } from '../../../lib/store/dossiers';
import { setTag, tagHistory } from '../../../lib/store/tags';
import { exportBackup, restoreBackup } from '../../../lib/store/restore';


const TODAY = '2026-02-10';

function stored(code: string, lastSeen: number, tag?: Partial<DossierTag>): StoredDossier {
  return {
    code,
    procedure: `Thủ tục ${lastSeen}`,
    sector: 'Hộ tịch',
    applicant: 'Trần Thị B',
    received: { day: '2026-02-01' },
    due: { day: '2026-02-05' },
    closed: null,
    status: 'Đang xử lý',
    unit: 'UBND xã A',
    firstSeen: lastSeen,
    lastSeen,
    pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search',
    ...(tag ? { tag: { realReturn: '2026-02-05', reason: '', note: '', by: 'An', at: 1, ...tag } } : {}),
  };
}

describe('parseBackup', () => {
  const good = JSON.stringify(makeBackup([stored('A', 1)], [], 5));
  it.each([
    ['not JSON', '{oops', { code: 'backup-not-json' }],
    ['another file', JSON.stringify({ hello: 1 }), { code: 'backup-not-ours' }],
    ['a newer version', JSON.stringify({ format: BACKUP_FORMAT, version: 99 }), { code: 'backup-version', version: '99', expected: BACKUP_VERSION }],
    ['a damaged record', JSON.stringify({ ...JSON.parse(good), dossiers: [{ code: 'A' }] }), { code: 'backup-damaged', where: expect.stringMatching(/^dossiers\.0/) }],
  ])('refuses %s with a clear problem', (_name, text, problem) => {
    expect(parseBackup(text)).toMatchObject({ ok: false, problem });
  });
  it('says what is wrong where in a damaged record', () => {
    const damaged = JSON.parse(good);
    damaged.dossiers[0].due = { day: 20260205 };
    const result = parseBackup(JSON.stringify(damaged));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toEqual({ code: 'backup-damaged', where: 'dossiers.0.due.day', detail: 'Invalid input: expected string, received number' });
    }
  });

  it('reads a good file', () => {
    const result = parseBackup(good);
    expect(result.ok && result.backup.version).toBe(BACKUP_VERSION);
  });
});

describe('mergeRecord and planRestore', () => {
  it.each([
    ['absent from the store', undefined, stored('A', 5, { at: 5 }), 'add', 5, 5],
    ['same record', stored('A', 5, { at: 5 }), stored('A', 5, { at: 5 }), 'same', 5, 5],
    ['older backup, newer store tag', stored('A', 9, { at: 9, realReturn: '2026-02-04' }), stored('A', 5, { at: 5 }), 'keepStoreTag', 9, 9],
    ['newer backup tag', stored('A', 5, { at: 5 }), stored('A', 5, { at: 8, realReturn: '2026-02-03' }), 'tagFromBackup', 5, 8],
    ['backup tag, store untagged', stored('A', 5), stored('A', 4, { at: 3 }), 'tagFromBackup', 5, 3],
    ['store tag, backup untagged and newer read', stored('A', 5, { at: 5 }), stored('A', 9), 'fieldsFromBackup', 9, 5],
  ] as const)('%s', (_name, inStore, incoming, counted, lastSeen, tagAt) => {
    const merged = mergeRecord(inStore, incoming);
    expect(merged.lastSeen).toBe(lastSeen);
    expect(merged.tag?.at).toBe(tagAt);
    const map = new Map(inStore ? [[inStore.code, inStore]] : []);
    const plan = planRestore(map, makeBackup([incoming], [], 0));
    expect(plan[counted]).toBe(1);
  });

  it('never drops a tag: a backup without a tag keeps the store tag', () => {
    expect(mergeRecord(stored('A', 1, { at: 1 }), stored('A', 2)).tag?.at).toBe(1);
  });
});

describe('export, restore and prune in the database', () => {
  it('round-trips a database through a backup into an empty one, history included', async () => {
    const source = await freshDb();
    await upsertDossiers(source, [stored('A', 1), stored('B', 1)], 'p', 100);
    await setTag(source, 'A', { realReturn: '2026-02-05', reason: 'r', note: 'n' }, 'An', 200, TODAY);
    const backup = await exportBackup(source, 300);
    const target = await freshDb();
    const { plan } = await restoreBackup(target, JSON.parse(JSON.stringify(backup)));
    expect(plan.add).toBe(2);
    expect((await target.dossiers.get('A'))?.tag?.realReturn).toBe('2026-02-05');
    expect(await tagHistory(target, 'A')).toHaveLength(1);
    // Restoring the same backup again changes nothing and duplicates no history.
    const again = await restoreBackup(target, backup);
    expect(again.plan.same).toBe(2);
    expect(await tagHistory(target, 'A')).toHaveLength(1);
  });

  it('prunes only dossiers last seen before the limit, counting first on a dry run', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [stored('OLD', 1)], 'p', 1_000);
    await setTag(db, 'OLD', { realReturn: '2026-02-05', reason: '', note: '' }, 'An', 1_000, TODAY);
    await upsertDossiers(db, [stored('NEW', 1)], 'p', 5_000);
    expect(await pruneDossiers(db, 2_000, true)).toMatchObject({ count: 1, tagged: 1 });
    expect(await db.dossiers.count()).toBe(2);
    expect(await pruneDossiers(db, 2_000, false)).toMatchObject({ count: 1, codes: ['OLD'] });
    expect(await db.dossiers.count()).toBe(1);
    expect(await tagHistory(db, 'OLD')).toHaveLength(0);
  });
});
