import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_DATABASE_VERSION, SCHEMA_VERSIONS, openDossierDatabase, type DossierDatabase, type TagHistoryRow } from '../../../lib/store/db';
import { makeBackup } from '../../../lib/store/backup';
import { restoreBackup } from '../../../lib/store/restore';
import type { DossierTag, StoredDossier } from '../../../lib/dossier/model';

const deps = { indexedDB, IDBKeyRange };
let counter = 0;
const uniqueName = (label: string) => `db-migration-${label}-${Date.now()}-${++counter}`;
const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function tag(realReturn: string, by: string, at: number, reason = '', note = ''): DossierTag {
  return { realReturn, reason, note, by, at };
}

function dossier(code: string, due: string, extra: Partial<StoredDossier> = {}): StoredDossier {
  return {
    code,
    procedure: `Thủ tục ${code}`,
    sector: 'Tư pháp',
    applicant: 'Nguyễn Văn A',
    received: { day: '2026-01-05', time: '08:30' },
    due: { day: due },
    closed: null,
    status: 'Đang xử lý',
    unit: 'UBND xã',
    firstSeen: 1_000,
    lastSeen: 2_000,
    pageUrl: 'https://motcua.kontum.gov.vn/list',
    ...extra,
  };
}

/** What release 0.1 left behind: dossiers only, tags inline. */
const V1_FIXTURES: { name: string; rows: StoredDossier[] }[] = [
  { name: 'empty store', rows: [] },
  {
    name: 'no tag at all',
    rows: [dossier('H01-260105-0001', '2026-01-10'), dossier('H01-260105-0002', '2026-01-11')],
  },
  {
    name: 'mixed tagged and untagged',
    rows: [
      dossier('000.00.12.H34-260105-0001', '2026-01-10', { tag: tag('2026-01-09', 'Lan', 5_000, 'Lý do', 'Ghi chú') }),
      dossier('000.00.12.H34-260105-0002', '2026-01-12'),
      dossier('000.00.12.H34-260105-0003', '2026-01-15', {
        closed: { day: '2026-01-20', time: '16:00' },
        tag: tag('2026-01-15', 'Minh', 7_000),
      }),
      dossier('H05.1-260106-000123', '2026-01-20', { received: null }),
    ],
  },
  {
    name: 'every dossier tagged',
    rows: Array.from({ length: 25 }, (_, i) =>
      dossier(`H02-260107-${String(i).padStart(4, '0')}`, '2026-01-20', { tag: tag('2026-01-19', `cb${i}`, 10_000 + i) }),
    ),
  },
];

async function writeV1(name: string, rows: StoredDossier[]): Promise<void> {
  const v1 = new Dexie(name, deps);
  v1.version(1).stores(SCHEMA_VERSIONS[1]);
  await v1.open();
  await v1.table('dossiers').bulkPut(rows);
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((t) => t.name)).toEqual(['dossiers']);
  v1.close();
}

describe('migration from version 1', () => {
  it.each(V1_FIXTURES)('$name: every dossier and tag intact, one history row per tag', async ({ rows }) => {
    const name = uniqueName('v1');
    await writeV1(name, rows);

    const db: DossierDatabase = openDossierDatabase(name, deps);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_DATABASE_VERSION);

    const stored = await db.dossiers.orderBy('code').toArray();
    const expected = [...rows]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      // Version 3 stamps each tag as the dossier's latest decision, at the tag's time.
      .map((row) => (row.tag ? { ...row, decision: { id: expect.any(String), at: row.tag.at } } : row));
    expect(stored).toEqual(expected);

    const history = await db.tagHistory.toArray();
    const tagged = rows.filter((row) => row.tag);
    expect(history).toHaveLength(tagged.length);
    for (const row of tagged) {
      const entries = history.filter((h) => h.code === row.code);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ code: row.code, before: null, after: row.tag, by: row.tag!.by, at: row.tag!.at });
    }
    // The new index on the appointment day works on migrated rows.
    const dueCount = await db.dossiers.where('due.day').equals('2026-01-10').count();
    expect(dueCount).toBe(rows.filter((row) => row.due?.day === '2026-01-10').length);
  });

  it('opening the migrated database again adds no second history row', async () => {
    const name = uniqueName('reopen');
    const rows = V1_FIXTURES[2]!.rows;
    await writeV1(name, rows);
    const first = openDossierDatabase(name, deps);
    await first.open();
    first.close();
    const second = openDossierDatabase(name, deps);
    opened.push(second);
    await second.open();
    expect(await second.tagHistory.count()).toBe(rows.filter((row) => row.tag).length);
    expect(await second.dossiers.count()).toBe(rows.length);
  });
});

describe('fresh database', () => {
  it.each([
    ['no dossier', [] as StoredDossier[]],
    ['one tagged dossier', [dossier('H09-260101-0001', '2026-01-03', { tag: tag('2026-01-02', 'An', 1) })]],
  ])('opens at the current version with %s', async (_label, rows) => {
    const name = uniqueName('fresh');
    const db = openDossierDatabase(name, deps);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_DATABASE_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['dossiers', 'restores', 'tagHistory']);
    expect(await db.tagHistory.count()).toBe(0);
    await db.dossiers.bulkPut(rows);
    expect(await db.dossiers.toArray()).toEqual(rows);
    // No upgrade ran: a fresh database starts with no history even for rows written afterwards.
    expect(await db.tagHistory.count()).toBe(0);
  });
});

/** What release 0.2 left behind: tags inline, a history without event ids, removals only in the history. */
async function writeV2(name: string, rows: StoredDossier[], history: Omit<TagHistoryRow, 'id'>[]): Promise<void> {
  const v2 = new Dexie(name, deps);
  v2.version(2).stores(SCHEMA_VERSIONS[2]);
  await v2.open();
  await v2.table('dossiers').bulkPut(rows);
  await v2.table('tagHistory').bulkAdd(history);
  v2.close();
}

describe('migration from version 2', () => {
  const lan = tag('2026-01-09', 'Lan', 5_000, 'Lý do');
  const minh = tag('2026-01-12', 'Minh', 6_000);
  const rows = [
    dossier('T-TAGGED', '2026-01-10', { tag: lan }),
    dossier('T-REMOVED', '2026-01-12'),
    dossier('T-PLAIN', '2026-01-15'),
  ];
  const history: Omit<TagHistoryRow, 'id'>[] = [
    { code: 'T-TAGGED', at: 5_000, by: 'Lan', before: null, after: lan },
    { code: 'T-REMOVED', at: 6_000, by: 'Minh', before: null, after: minh },
    { code: 'T-REMOVED', at: 9_000, by: 'Minh', before: minh, after: null },
  ];

  it('gives each tag its decision and each removal a tombstone; history and records otherwise intact', async () => {
    const name = uniqueName('v2');
    await writeV2(name, rows, history);
    const db = openDossierDatabase(name, deps);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_DATABASE_VERSION);
    expect(await db.dossiers.get('T-TAGGED')).toEqual({ ...rows[0], decision: { id: expect.any(String), at: 5_000 } });
    expect(await db.dossiers.get('T-REMOVED')).toEqual({ ...rows[1], decision: { id: expect.any(String), at: 9_000 } });
    expect(await db.dossiers.get('T-PLAIN')).toEqual(rows[2]);
    expect((await db.tagHistory.toArray()).map(({ id: _id, ...row }) => row)).toEqual(history);
    expect(await db.restores.count()).toBe(0);
  });

  it('after the upgrade, an older backup carrying the removed tag does not bring it back', async () => {
    const name = uniqueName('v2-restore');
    await writeV2(name, rows, history);
    const db = openDossierDatabase(name, deps);
    opened.push(db);
    await db.open();
    const older = makeBackup([{ ...rows[1]!, tag: minh }], [history[1]!], 7_000);
    const { plan } = await restoreBackup(db, older, Date.UTC(2026, 1, 10));
    expect(plan.refused).toEqual([]);
    expect(plan.tagFromBackup).toBe(0);
    expect((await db.dossiers.get('T-REMOVED'))!.tag).toBeUndefined();
  });
});
