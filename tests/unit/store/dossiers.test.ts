import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { DossierDatabase } from '../../../lib/store/db';
import { freshDb } from './fresh-db';
import type { DossierTag, ReadDossier } from '../../../lib/dossier/model';
import { getDossiers, isQuotaError, storedAmong, upsertDossiers } from '../../../lib/store/dossiers';
import { removeTag, setTag, setTagMany, tagHistory, undoTag } from '../../../lib/store/tags';
import type { TagInput } from '../../../lib/dossier/model';


const TODAY = '2026-02-10';
const PAGE = 'https://motcua.kontum.gov.vn/ho-so';

function read(code: string, extra: Partial<ReadDossier> = {}): ReadDossier {
  return {
    code,
    procedure: 'Cấp bản sao trích lục hộ tịch',
    sector: 'Hộ tịch',
    applicant: 'Trần Thị B',
    received: { day: '2026-02-01', time: '09:15' },
    due: { day: '2026-02-05' },
    closed: null,
    status: 'Đang xử lý',
    unit: 'UBND xã',
    ...extra,
  };
}

const input = (realReturn: string, reason = '', note = ''): TagInput => ({ realReturn, reason, note });

describe('upsertDossiers', () => {
  it.each([
    ['one dossier', [read('H01-260201-0001')]],
    ['several dossiers', [read('H01-260201-0001'), read('H01-260201-0002'), read('H01-260201-0003', { closed: { day: '2026-02-06' } })]],
  ])('new records (%s) get firstSeen = lastSeen = now', async (_label, batch) => {
    const db = await freshDb();
    const result = await upsertDossiers(db, batch, PAGE, 111);
    expect(result).toEqual({ stored: batch.length, tags: new Map(), decisions: new Map(), written: batch.map((row) => row.code) });
    const stored = await db.dossiers.toArray();
    expect(stored).toHaveLength(batch.length);
    for (const row of batch) {
      const saved = await db.dossiers.get(row.code);
      expect(saved).toEqual({ ...row, firstSeen: 111, lastSeen: 111, pageUrl: PAGE });
    }
  });

  type ReRead = [label: string, change: Partial<ReadDossier>];
  const REREADS: ReRead[] = [
    ['same fields', {}],
    ['status changed', { status: 'Đã trả kết quả' }],
    ['receipt time added', { received: { day: '2026-02-01', time: '09:15:30' } }],
    ['receipt column missing on this page', { received: null }],
    ['applicant renamed', { applicant: 'Trần Thị Bích' }],
  ];

  it.each(REREADS)('a re-read (%s) updates fields and lastSeen, keeps firstSeen and the tag', async (_label, change) => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 100);
    const tagged = await setTag(db, code, input('2026-02-04', 'lý do', 'ghi chú'), 'Lan', 150, TODAY);
    expect(tagged.ok).toBe(true);
    const { tag: tagBefore, decision } = (await db.dossiers.get(code))!;

    const newer = read(code, change);
    const result = await upsertDossiers(db, [newer], `${PAGE}?page=2`, 200);
    expect(result.tags).toEqual(new Map([[code, tagBefore]]));

    const saved = await db.dossiers.get(code);
    expect(saved).toEqual({ ...newer, firstSeen: 100, lastSeen: 200, pageUrl: `${PAGE}?page=2`, tag: tagBefore, decision });
    expect(await db.tagHistory.count()).toBe(1);
  });

  type DateChange = [label: string, change: Partial<ReadDossier>];
  const DATE_CHANGES: DateChange[] = [
    ['now closed', { closed: { day: '2026-02-08', time: '10:00' } }],
    ['due moved', { due: { day: '2026-02-07' } }],
    ['both', { due: { day: '2026-02-07' }, closed: { day: '2026-02-08' } }],
  ];

  it.each(DATE_CHANGES)('a re-read of a tagged dossier (%s) keeps its dates, sets the read aside and records it once', async (_label, change) => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 100);
    await setTag(db, code, input('2026-02-04'), 'Lan', 150, TODAY);
    const { tag, decision } = (await db.dossiers.get(code))!;
    const newer = read(code, { ...change, status: 'Đã trả kết quả' });
    await upsertDossiers(db, [newer], PAGE, 200);

    const saved = (await db.dossiers.get(code))!;
    expect(saved).toEqual({
      ...newer,
      due: read(code).due,
      closed: null,
      firstSeen: 100,
      lastSeen: 200,
      pageUrl: PAGE,
      tag,
      decision,
      pendingRead: { due: newer.due, closed: newer.closed, at: 200 },
    });
    const history = await tagHistory(db, code);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ at: 200, before: tag, after: tag, read: { from: { due: read(code).due, closed: null }, to: { due: newer.due, closed: newer.closed } } });

    // The same read again is not recorded again; a read that agrees with the stored dates clears it.
    await upsertDossiers(db, [newer], PAGE, 300 + 3_600_000);
    expect(await db.tagHistory.count()).toBe(2);
    expect((await db.dossiers.get(code))!.pendingRead?.at).toBe(200);
    await upsertDossiers(db, [read(code)], PAGE, 400 + 3_600_000);
    expect('pendingRead' in (await db.dossiers.get(code))!).toBe(false);
  });

  it('removing the tag applies the read set aside; an untagged dossier takes its dates as read', async () => {
    const db = await freshDb();
    const code = 'H01-260201-0002';
    await upsertDossiers(db, [read(code)], PAGE, 100);
    await setTag(db, code, input('2026-02-04'), 'Lan', 150, TODAY);
    await upsertDossiers(db, [read(code, { due: { day: '2026-02-07' } })], PAGE, 200);
    await removeTag(db, code, 'Minh', 250);
    const saved = (await db.dossiers.get(code))!;
    expect(saved.due).toEqual({ day: '2026-02-07' });
    expect('pendingRead' in saved).toBe(false);
    await upsertDossiers(db, [read(code, { due: { day: '2026-02-09' } })], PAGE, 300);
    expect((await db.dossiers.get(code))!.due).toEqual({ day: '2026-02-09' });
  });

  it("answers each code's latest decision and the read kept aside with the stored dates it differs from", async () => {
    const db = await freshDb();
    const [tagged, removed, plain] = ['H01-260201-0011', 'H01-260201-0012', 'H01-260201-0013'];
    await upsertDossiers(db, [read(tagged), read(removed), read(plain)], PAGE, 100);
    const saved = await setTag(db, tagged, input('2026-02-04'), 'Lan', 150, TODAY);
    await setTag(db, removed, input('2026-02-04'), 'Lan', 150, TODAY);
    const removal = await removeTag(db, removed, 'Lan', 160);
    const moved = { day: '2026-02-07', time: '17:00' };
    const result = await upsertDossiers(db, [read(tagged, { due: moved }), read(removed), read(plain)], PAGE, 200);
    expect(saved.ok && removal.ok).toBe(true);
    expect([...result.decisions.keys()].sort()).toEqual([tagged, removed]);
    expect(result.decisions.get(removed)).toEqual({ decision: removal.ok ? removal.event : '' });
    expect(result.decisions.get(tagged)).toEqual({
      decision: saved.ok ? saved.event : '',
      pendingRead: { due: moved, closed: null, at: 200, stored: { due: { day: '2026-02-05' }, closed: null } },
    });
    // Read again as stored: nothing is kept aside any more, the decision stays.
    const again = await upsertDossiers(db, [read(tagged)], PAGE, 300);
    expect(again.decisions.get(tagged)).toEqual({ decision: saved.ok ? saved.event : '' });
  });

  it('a re-read whose incoming object carries a foreign tag never replaces the stored tag', async () => {
    const db = await freshDb();
    const code = 'H01-260201-0009';
    await upsertDossiers(db, [read(code)], PAGE, 100);
    await setTag(db, code, input('2026-02-03'), 'Lan', 150, TODAY);
    const kept = (await db.dossiers.get(code))!.tag;
    const hostile = { ...read(code, { status: 'x' }), tag: { realReturn: '2026-01-01', reason: '', note: '', by: 'evil', at: 1 } };
    await upsertDossiers(db, [hostile as ReadDossier], PAGE, 300);
    expect((await db.dossiers.get(code))!.tag).toEqual(kept);
  });

  it.each([
    ['two copies, last wins', ['A', 'B'], 'B'],
    ['three copies, last wins', ['A', 'B', 'C'], 'C'],
    ['same copy twice', ['A', 'A'], 'A'],
  ])('duplicate codes in one batch: %s', async (_label, statuses, expected) => {
    const db = await freshDb();
    const code = 'H01-260201-0005';
    const batch = [...statuses.map((status) => read(code, { status })), read('H01-260201-0006')];
    const result = await upsertDossiers(db, batch, PAGE, 10);
    expect(result.stored).toBe(2);
    expect((await db.dossiers.get(code))!.status).toBe(expected);
    expect(await db.dossiers.count()).toBe(2);
  });

  it('returns the tags of known codes only', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('K1'), read('K2'), read('K3')], PAGE, 1);
    await setTag(db, 'K1', input('2026-02-03'), 'A', 2, TODAY);
    await setTag(db, 'K3', input('2026-02-05'), 'B', 3, TODAY);
    const result = await upsertDossiers(db, [read('K1'), read('K2'), read('K3'), read('NEW')], PAGE, 4);
    expect([...result.tags.keys()].sort()).toEqual(['K1', 'K3']);
    expect(result.tags.get('K1')).toMatchObject({ realReturn: '2026-02-03', by: 'A', at: 2 });
    expect(result.tags.get('K3')).toMatchObject({ realReturn: '2026-02-05', by: 'B', at: 3 });
    expect(result.stored).toBe(4);
  });
});

describe('upsertDossiers finds the stored records of a big page on every read path', () => {
  const code = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;
  const tag: DossierTag = { realReturn: '2026-02-04', reason: 'r', note: '', by: 'Lan', at: 5 };

  it.each([
    // [label, codes on the page, of them stored before, of those tagged, other stored codes in the range]
    ['a small page (code by code)', 20, 10, 3, 0],
    ['a big page never seen (an empty range: nothing read)', 600, 0, 0, 0],
    ['a big page partly stored (the range read at once)', 600, 300, 50, 0],
    ['a big page, all stored (the range read at once)', 600, 600, 100, 0],
    ['a big page whose range is crowded with other codes (code by code)', 600, 200, 40, 2_000],
  ])('%s', async (_label, pageSize, storedCount, taggedCount, others) => {
    const db = await freshDb();
    // Stored: the first `storedCount` codes of the page (some tagged), and `others` codes that sort
    // between the page's codes ("B-00001a" lies between "B-00001" and "B-00002").
    const before = Array.from({ length: storedCount }, (_, i) => ({
      ...read(code('B', i), { status: 'cũ' }),
      firstSeen: 7,
      lastSeen: 7,
      pageUrl: 'old',
      ...(i < taggedCount ? { tag } : {}),
    }));
    const crowd = Array.from({ length: others }, (_, i) => ({ ...read(`${code('B', i % pageSize)}a${i}`), firstSeen: 7, lastSeen: 7, pageUrl: 'old' }));
    await db.dossiers.bulkPut([...before, ...crowd]);
    const page = Array.from({ length: pageSize }, (_, i) => read(code('B', i)));
    const result = await upsertDossiers(db, page, PAGE, 9_000_000);
    expect(result.stored).toBe(pageSize);
    expect([...result.tags.keys()].sort()).toEqual(before.filter((d) => d.tag).map((d) => d.code).sort());
    const saved = await getDossiers(db, page.map((d) => d.code));
    expect(saved).toHaveLength(pageSize);
    for (const [i, dossier] of saved.entries()) {
      expect(dossier.firstSeen).toBe(i < storedCount ? 7 : 9_000_000);
      expect(dossier.status).toBe('Đang xử lý');
      expect(dossier.tag).toEqual(i < taggedCount ? tag : undefined);
    }
    expect(await db.dossiers.count()).toBe(pageSize + others);
  });
});

describe('setTag', () => {
  it('not found: nothing saved', async () => {
    const db = await freshDb();
    const result = await setTag(db, 'NOPE', input('2026-02-05'), 'Lan', 1, TODAY);
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.tagHistory.count()).toBe(0);
  });

  it('saves staff-typed reason and note without invisible direction controls', async () => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 1);
    // A right-to-left override would show "cod.exe" as "exe.doc"; the saved text has no control left.
    const result = await setTag(db, code, input('2026-02-05', '\u202eLý do\u202c', ' ghi\u2066 chú\u2069 '), 'Lan', 2, TODAY);
    expect(result.ok).toBe(true);
    expect((await db.dossiers.get(code))!.tag).toMatchObject({ reason: 'Lý do', note: 'ghi chú' });
  });

  type Refused = [label: string, realReturn: string];
  const REFUSED: Refused[] = [
    ['empty', ''],
    ['only spaces', '   '],
    ['not a date', 'hôm qua'],
    ['dd/MM/yyyy instead of ISO', '05/02/2026'],
    ['30 February', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['the day before receipt', '2026-01-31'],
    ['a year before receipt', '2025-02-05'],
    ['tomorrow', '2026-02-11'],
    ['far in the future', '2030-01-01'],
  ];

  it.each(REFUSED)('refuses %s: nothing saved, no history row', async (_label, realReturn) => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 1);
    const before = await db.dossiers.get(code);
    const result = await setTag(db, code, input(realReturn, 'r', 'n'), 'Lan', 2, TODAY);
    expect(result).toMatchObject({ ok: false, code: 'invalid-date' });
    if (!result.ok) expect(result.problem.code).toMatch(/^real-date-/);
    expect(await db.dossiers.get(code)).toEqual(before);
    expect(await db.tagHistory.count()).toBe(0);
  });

  it('a refused edit keeps the previous tag and history unchanged', async () => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 1);
    await setTag(db, code, input('2026-02-04'), 'Lan', 2, TODAY);
    const before = await db.dossiers.get(code);
    const result = await setTag(db, code, input('2026-03-01'), 'Minh', 3, TODAY);
    expect(result.ok).toBe(false);
    expect(await db.dossiers.get(code)).toEqual(before);
    expect(await db.tagHistory.count()).toBe(1);
  });

  type Accepted = [label: string, realReturn: string, received: ReadDossier['received']];
  const ACCEPTED: Accepted[] = [
    ['the receipt day', '2026-02-01', { day: '2026-02-01', time: '09:15' }],
    ['today', TODAY, { day: '2026-02-01' }],
    ['the due day', '2026-02-05', { day: '2026-02-01' }],
    ['with spaces around', ' 2026-02-04 ', { day: '2026-02-01' }],
    ['no receipt column: any past day', '2020-01-01', null],
  ];

  it.each(ACCEPTED)('accepts %s: saved with by/at and a history row', async (_label, realReturn, received) => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code, { received })], PAGE, 1);
    const result = await setTag(db, code, input(realReturn, '  lý do  ', ' ghi chú '), 'Lan', 42, TODAY);
    const expectedTag: DossierTag = { realReturn: realReturn.trim(), reason: 'lý do', note: 'ghi chú', by: 'Lan', at: 42 };
    expect(result).toMatchObject({ ok: true, previous: null });
    if (result.ok) expect(result.dossier.tag).toEqual(expectedTag);
    expect((await db.dossiers.get(code))!.tag).toEqual(expectedTag);
    const history = await tagHistory(db, code);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ code, at: 42, by: 'Lan', before: null, after: expectedTag });
  });

  it('editing a tag keeps the history of both', async () => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 1);
    const first = await setTag(db, code, input('2026-02-04', 'a'), 'Lan', 10, TODAY);
    const second = await setTag(db, code, input('2026-02-06', 'b'), 'Minh', 20, TODAY);
    expect(first.ok && second.ok).toBe(true);
    const firstTag: DossierTag = { realReturn: '2026-02-04', reason: 'a', note: '', by: 'Lan', at: 10 };
    const secondTag: DossierTag = { realReturn: '2026-02-06', reason: 'b', note: '', by: 'Minh', at: 20 };
    if (second.ok) expect(second.previous).toEqual(firstTag);
    expect((await db.dossiers.get(code))!.tag).toEqual(secondTag);
    const history = await tagHistory(db, code);
    expect(history.map(({ before, after, by, at }) => ({ before, after, by, at }))).toEqual([
      { before: null, after: firstTag, by: 'Lan', at: 10 },
      { before: firstTag, after: secondTag, by: 'Minh', at: 20 },
    ]);
  });
});

describe('setTagMany', () => {
  it.each([
    ['all valid', ['A', 'B'], '2026-02-05', ['A', 'B'], []],
    ['one unknown', ['A', 'ZZZ', 'B'], '2026-02-05', ['A', 'B'], ['ZZZ']],
    // C was received on 2026-02-07, after the date given.
    ['one received after the date', ['A', 'C', 'B'], '2026-02-05', ['A', 'B'], ['C']],
    ['date after today: all refused', ['A', 'B', 'C'], '2026-02-11', [], ['A', 'B', 'C']],
    ['empty date: all refused', ['A', 'C'], '', [], ['A', 'C']],
  ])('%s', async (_label, codes, date, saved, refused) => {
    const db = await freshDb();
    await upsertDossiers(db, [read('A'), read('B'), read('C', { received: { day: '2026-02-07' }, due: { day: '2026-02-08' } })], PAGE, 1);
    const result = await setTagMany(db, codes, input(date), 'Lan', 5, TODAY);
    expect(result.saved).toEqual(saved);
    expect(result.refused.map((r) => r.code)).toEqual(refused);
    for (const r of result.refused) expect(r.problem.code).toMatch(/^(real-date-|dossier-not-found)/);
    for (const code of ['A', 'B', 'C']) {
      const tag = (await db.dossiers.get(code))!.tag;
      if (saved.includes(code)) expect(tag).toEqual({ realReturn: date, reason: '', note: '', by: 'Lan', at: 5 });
      else expect(tag).toBeUndefined();
    }
    expect(await db.tagHistory.count()).toBe(saved.length);
  });

  it('a code decided since the decision it names is refused as a conflict; the others are saved', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('A'), read('B'), read('C'), read('D')], PAGE, 1);
    // Another tab tags B meanwhile; D was tagged before the panel looked, and the panel names that tag.
    const seenD = await setTag(db, 'D', input('2026-02-04', 'giữ'), 'Hà', 2, TODAY);
    const other = await setTag(db, 'B', input('2026-02-03', 'nơi khác'), 'Hà', 3, TODAY);
    expect(seenD.ok && other.ok).toBe(true);
    const expected = new Map<string, string | null>([
      ['A', null],
      ['B', null],
      ['D', seenD.ok ? seenD.event : 'x'],
    ]);
    const result = await setTagMany(db, ['A', 'B', 'C', 'D'], input('2026-02-05'), 'Lan', 5, TODAY, expected);
    expect(result.saved).toEqual(['A', 'C', 'D']);
    expect(result.refused).toEqual([{ code: 'B', problem: { code: 'tag-conflict', dossier: 'B' } }]);
    // B keeps the other tab's tag and reason; nothing was written for it.
    expect((await db.dossiers.get('B'))!.tag).toMatchObject({ realReturn: '2026-02-03', reason: 'nơi khác', by: 'Hà' });
    expect((await db.dossiers.get('A'))!.tag).toMatchObject({ realReturn: '2026-02-05', by: 'Lan' });
    expect((await db.dossiers.get('D'))!.tag).toMatchObject({ realReturn: '2026-02-05', by: 'Lan' });
    expect((await tagHistory(db, 'B')).map((row) => row.by)).toEqual(['Hà']);
  });

  it('a tag removed meanwhile is a decision too: expecting none refuses it', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('A')], PAGE, 1);
    await setTag(db, 'A', input('2026-02-03'), 'Hà', 2, TODAY);
    await removeTag(db, 'A', 'Hà', 3);
    const result = await setTagMany(db, ['A'], input('2026-02-05'), 'Lan', 5, TODAY, new Map([['A', null]]));
    expect(result.saved).toEqual([]);
    expect(result.refused.map((r) => r.problem.code)).toEqual(['tag-conflict']);
    expect((await db.dossiers.get('A'))!.tag).toBeUndefined();
  });
});

describe('removeTag / undoTag', () => {
  it.each([
    ['tagged dossier', true],
    ['untagged dossier', false],
  ])('remove then undo puts the tag back (%s)', async (_label, tagged) => {
    const db = await freshDb();
    const code = 'H01-260201-0001';
    await upsertDossiers(db, [read(code)], PAGE, 1);
    if (tagged) await setTag(db, code, input('2026-02-04', 'lý do', 'ghi chú'), 'Lan', 10, TODAY);
    const original = (await db.dossiers.get(code))!;
    const historyBefore = await db.tagHistory.count();

    const removed = await removeTag(db, code, 'Minh', 20);
    expect(removed).toEqual({ ok: true, previous: original.tag ?? null, event: tagged ? expect.any(String) : null });
    expect((await db.dossiers.get(code))!.tag).toBeUndefined();
    expect('tag' in (await db.dossiers.get(code))!).toBe(false);
    expect(await db.tagHistory.count()).toBe(historyBefore + (tagged ? 1 : 0));
    if (!tagged || !removed.ok || !removed.event) return;

    const undone = await undoTag(db, code, removed.event, 'Minh', 30, TODAY);
    expect(undone).toMatchObject({ ok: true, previous: null });
    const after = (await db.dossiers.get(code))!;
    expect(after.tag).toEqual(original.tag);
    // The undo is a decision of its own, newer than the removal.
    expect(after.decision!.at).toBeGreaterThan(20);
    expect(after.decision!.id).not.toBe(removed.event);
    const history = await tagHistory(db, code);
    expect(history.slice(-2).map(({ before, after }) => ({ before, after }))).toEqual([
      { before: original.tag, after: null },
      { before: null, after: original.tag },
    ]);
  });

  it.each([
    ['removeTag', (db: DossierDatabase) => removeTag(db, 'NOPE', 'x', 1)],
    ['undoTag', (db: DossierDatabase) => undoTag(db, 'NOPE', 'e1', 'x', 1, TODAY)],
  ] as const)('%s on an unknown code changes nothing', async (_label, run) => {
    const db = await freshDb();
    expect(await run(db)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.tagHistory.count()).toBe(0);
  });
});

describe('concurrency', () => {
  it('many setTag calls on different codes at once lose nothing', async () => {
    const db = await freshDb();
    const codes = Array.from({ length: 40 }, (_, i) => `C-${i}`);
    await upsertDossiers(db, codes.map((code) => read(code)), PAGE, 1);
    const results = await Promise.all(
      codes.map((code, i) => setTag(db, code, input(`2026-02-0${(i % 9) + 1}`), `cb${i}`, 100 + i, TODAY)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await getDossiers(db, codes);
    expect(stored).toHaveLength(codes.length);
    stored.forEach((d) => {
      const i = Number(d.code.slice(2));
      expect(d.tag).toMatchObject({ realReturn: `2026-02-0${(i % 9) + 1}`, by: `cb${i}`, at: 100 + i });
    });
    expect(await db.tagHistory.count()).toBe(codes.length);
  });

  it('setTag and upsert on the same codes interleaved lose no tag and no read', async () => {
    const db = await freshDb();
    const codes = Array.from({ length: 15 }, (_, i) => `S-${i}`);
    await upsertDossiers(db, codes.map((code) => read(code)), PAGE, 1);
    const work: Promise<unknown>[] = [];
    codes.forEach((code, i) => {
      work.push(upsertDossiers(db, [read(code, { status: `read-${i}-a` })], PAGE, 10 + i));
      work.push(setTag(db, code, input('2026-02-06'), `cb${i}`, 500 + i, TODAY));
      work.push(upsertDossiers(db, codes.map((c) => read(c, { status: 'bulk' })), PAGE, 50));
      work.push(upsertDossiers(db, [read(code, { status: `read-${i}-b` })], PAGE, 1000 + i));
    });
    await Promise.all(work);
    for (const [i, code] of codes.entries()) {
      const d = (await db.dossiers.get(code))!;
      expect(d.tag).toMatchObject({ realReturn: '2026-02-06', by: `cb${i}`, at: 500 + i });
      expect(d.firstSeen).toBe(1);
    }
    expect(await db.tagHistory.count()).toBe(codes.length);
  });

  it('many setTag calls on the same code: last started wins, every change is in the history', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('SAME')], PAGE, 1);
    const dates = ['2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-07'];
    await Promise.all(dates.map((d, i) => setTag(db, 'SAME', input(d), `cb${i}`, 100 + i, TODAY)));
    expect((await db.dossiers.get('SAME'))!.tag!.realReturn).toBe(dates.at(-1));
    const history = await tagHistory(db, 'SAME');
    expect(history).toHaveLength(dates.length);
    // The chain is unbroken: each row's before is the previous row's after.
    history.forEach((row, i) => expect(row.before).toEqual(i === 0 ? null : history[i - 1]!.after));
  });
});

describe('isQuotaError', () => {
  const domQuota = new Error('quota');
  domQuota.name = 'QuotaExceededError';
  it.each([
    ['DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), true],
    ['Error named QuotaExceededError', domQuota, true],
    ['Dexie QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    ['Dexie error wrapping a quota error', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
    ['a plain Error', new Error('boom'), false],
    ['Dexie ConstraintError', new Dexie.ConstraintError('dup'), false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a string', 'QuotaExceededError', false],
    ['an object with another name', { name: 'NotFoundError' }, false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('upsertDossiers writes nothing for a re-read that changes nothing', () => {
  const HOUR = 60 * 60 * 1000;
  it.each([
    ['same fields, same page, 10 minutes later', {}, PAGE, 10 * 60 * 1000, false],
    ['same fields, same page, 2 hours later', {}, PAGE, 2 * HOUR, true],
    ['same fields, another page', {}, 'https://motcua.kontum.gov.vn/khac', 60_000, true],
    ['a field changed', { status: 'Đã trả kết quả' }, PAGE, 60_000, true],
  ] as const)('%s → rewritten: %s', async (_name, change, page, later, rewritten) => {
    const db = await freshDb();
    await upsertDossiers(db, [read('A')], PAGE, 1_000);
    await setTag(db, 'A', { realReturn: '2026-02-05', reason: '', note: '' }, 'An', 2_000, TODAY);
    const result = await upsertDossiers(db, [read('A', change)], page, 1_000 + later);
    expect(result.written).toEqual(rewritten ? ['A'] : []);
    const stored = (await db.dossiers.get('A'))!;
    expect(stored.lastSeen).toBe(rewritten ? 1_000 + later : 1_000);
    expect(stored.firstSeen).toBe(1_000);
    expect(stored.tag?.realReturn).toBe('2026-02-05');
    expect(stored.pageUrl).toBe(rewritten ? page : PAGE);
  });
});

describe('upsertDossiers keeps what a list without some columns cannot show', () => {
  it('a dossier closed late, seen again on a list with no closing or receipt column, stays closed late', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('A', { closed: { day: '2026-02-07' }, sector: 'Hộ tịch', unit: 'UBND xã A' })], PAGE, 1_000);
    await upsertDossiers(
      db,
      [read('A', { closed: null, received: null, sector: '', unit: '', status: 'Đã trả kết quả', unmapped: ['closed', 'received', 'sector', 'unit'] })],
      PAGE,
      2 * 60 * 60 * 1000,
    );
    const stored = (await db.dossiers.get('A'))!;
    expect(stored.closed).toEqual({ day: '2026-02-07' });
    expect(stored.received).toEqual({ day: '2026-02-01', time: '09:15' });
    expect(stored.sector).toBe('Hộ tịch');
    expect(stored.unit).toBe('UBND xã A');
    // Fields the list does show are updated, and the marker is not stored.
    expect(stored.status).toBe('Đã trả kết quả');
    expect('unmapped' in stored).toBe(false);
  });

  it('a first read from such a list stores the empty values, without the marker', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [read('B', { closed: null, unmapped: ['closed'] })], PAGE, 1_000);
    const stored = (await db.dossiers.get('B'))!;
    expect(stored.closed).toBeNull();
    expect('unmapped' in stored).toBe(false);
  });
});

describe('storedAmong', () => {
  const code = (run: number, n: number) => `H01-260201-${String(n).padStart(4, '0')}${run}`;
  const codes = (run: number, count: number) => Array.from({ length: count }, (_, n) => code(run, n));
  /** Codes of a page in the order staff see them, not in code order. */
  const shuffled = (list: string[]) => list.map((c, i) => [((i * 7919) % list.length) + i / list.length, c] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c);

  async function storeCodes(db: DossierDatabase, list: string[]) {
    await db.dossiers.bulkPut(list.map((c) => ({ ...read(c), firstSeen: 1, lastSeen: 1, pageUrl: PAGE })));
  }

  it.each([
    ['a small page, code by code', 20, [], 'bulkGet'],
    ['a big page seen for the first time: nothing read', 600, [], 'none'],
    ['a big page already stored alone in its range: read at once', 600, [1], 'range'],
    ['a big page with other stored codes between its own: code by code', 600, [1, 2], 'bulkGet'],
  ] as const)('%s', async (_name, count, storedRuns, path) => {
    const db = await freshDb();
    // Run 1 is the page; run 2 sorts between its codes (same counters, another last digit).
    for (const run of storedRuns) await storeCodes(db, codes(run, count));
    const page = shuffled([...codes(1, count), 'H99-991231-0001']);
    const bulkGet = vi.spyOn(db.dossiers, 'bulkGet');
    const where = vi.spyOn(db.dossiers, 'where');
    const found = await storedAmong(db, page);
    expect(found.map((dossier) => dossier?.code)).toEqual(page.map((c) => (storedRuns.length > 0 && c.endsWith('1') && !c.startsWith('H99') ? c : undefined)));
    expect(bulkGet).toHaveBeenCalledTimes(path === 'bulkGet' ? 1 : 0);
    // The big pages list the range's keys first; only the one stored alone is read as a range.
    expect(where).toHaveBeenCalledTimes(count < 500 ? 0 : path === 'range' ? 2 : 1);
  });
});
