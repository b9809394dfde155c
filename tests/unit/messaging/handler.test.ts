import { describe, expect, it, vi } from 'vitest';
import type { DossierDatabase } from '../../../lib/store/db';
import type { DossierTag, ReadDossier } from '../../../lib/dossier/model';
import { isBuiltInPortalUrl } from '../../../lib/portal/hosts';
import { parseResponse, type RequestType } from '../../../lib/messaging/protocol';
import { handleRequest, isTrustedSender, type HandlerContext, type SenderInfo, type SenderPolicy } from '../../../lib/messaging/handler';
import { freshDb } from '../store/fresh-db';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const EXTRA_ORIGINS = ['https://dichvucong.quangngai.gov.vn', 'http://10.0.0.5:8080'];

/** The policy as entrypoints/background.ts builds it. */
const policy: SenderPolicy = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  isPortalUrl: (url) => isBuiltInPortalUrl(url) || EXTRA_ORIGINS.some((origin) => url.startsWith(`${origin}/`)),
};

const PORTAL_TAB: SenderInfo = { id: EXTENSION_ID, url: 'https://motcua.kontum.gov.vn/ho-so/danh-sach', fromTab: true };
const POPUP: SenderInfo = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html`, fromTab: false };

describe('isTrustedSender', () => {
  it.each<[string, SenderInfo, boolean]>([
    ['content script on a built-in portal over https', PORTAL_TAB, true],
    ['content script on a built-in portal over http', { id: EXTENSION_ID, url: 'http://hanhchinhcong.kontum.gov.vn/a?b=1', fromTab: true }, true],
    ['content script on a built-in portal with a port', { id: EXTENSION_ID, url: 'https://dichvucong.kontum.gov.vn:8443/x', fromTab: true }, true],
    ['content script on an extra origin allowed by policy', { id: EXTENSION_ID, url: 'https://dichvucong.quangngai.gov.vn/hs', fromTab: true }, true],
    ['content script on an extra http origin with port', { id: EXTENSION_ID, url: 'http://10.0.0.5:8080/list', fromTab: true }, true],
    ['content script on a non-portal site', { id: EXTENSION_ID, url: 'https://example.com/', fromTab: true }, false],
    ['content script on a look-alike host', { id: EXTENSION_ID, url: 'https://motcua.kontum.gov.vn.evil.com/', fromTab: true }, false],
    ['content script on a prefix of an extra origin', { id: EXTENSION_ID, url: 'https://dichvucong.quangngai.gov.vn.evil.com/', fromTab: true }, false],
    ['content script on the extra origin with another port', { id: EXTENSION_ID, url: 'http://10.0.0.5:8081/list', fromTab: true }, false],
    ['content script on a built-in host over ftp', { id: EXTENSION_ID, url: 'ftp://motcua.kontum.gov.vn/', fromTab: true }, false],
    ['extension page (popup)', POPUP, true],
    ['extension page opened in a tab', { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html`, fromTab: true }, true],
    ['portal URL but not from a tab', { id: EXTENSION_ID, url: PORTAL_TAB.url, fromTab: false }, false],
    ['another extension page with our id claimed', { id: EXTENSION_ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html', fromTab: false }, false],
    ['wrong extension id from a portal', { ...PORTAL_TAB, id: 'someoneelse' }, false],
    ['wrong extension id from an extension page', { ...POPUP, id: 'someoneelse' }, false],
    ['no extension id', { url: PORTAL_TAB.url, fromTab: true }, false],
    ['no url from a tab', { id: EXTENSION_ID, fromTab: true }, false],
    ['no url from a page', { id: EXTENSION_ID, fromTab: false }, false],
    ['empty url', { id: EXTENSION_ID, url: '', fromTab: false }, false],
  ])('%s → %s', (_label, sender, expected) => {
    expect(isTrustedSender(sender, policy)).toBe(expected);
  });
});

// 2026-02-10 10:00 in Vietnam.
const NOW = Date.UTC(2026, 1, 10, 3, 0, 0);
const TODAY = '2026-02-10';

async function setup(now = NOW) {
  const db = await freshDb('handler');
  const onChanged = vi.fn<(codes: string[], kind: 'dossiers' | 'tags') => void>();
  const context: HandlerContext = { db, databaseError: null, staffName: async () => 'Cán bộ Lan', now: () => now, onChanged };
  return { db, context, onChanged };
}

function read(code: string, extra: Partial<ReadDossier> = {}): ReadDossier {
  return {
    code,
    procedure: 'Đăng ký khai sinh',
    sector: 'Hộ tịch',
    applicant: 'Lê Văn C',
    received: { day: '2026-02-01', time: '08:00' },
    due: { day: '2026-02-05' },
    closed: null,
    status: 'Đang xử lý',
    unit: 'UBND xã',
    ...extra,
  };
}

async function snapshot(db: DossierDatabase) {
  return { dossiers: await db.dossiers.toArray(), history: await db.tagHistory.toArray() };
}

async function seeded() {
  const s = await setup();
  await handleRequest({ type: 'dossiers/upsert', pageUrl: 'https://motcua.kontum.gov.vn/hs', dossiers: [read('A'), read('B'), read('C')] }, PORTAL_TAB, policy, s.context);
  s.onChanged.mockClear();
  return s;
}

describe('handleRequest: refused before anything runs', () => {
  it.each<[string, SenderInfo]>([
    ['wrong extension id', { ...PORTAL_TAB, id: 'other' }],
    ['non-portal site', { id: EXTENSION_ID, url: 'https://evil.example/', fromTab: true }],
    ['no url', { id: EXTENSION_ID, fromTab: true }],
  ])('untrusted sender (%s) → forbidden, nothing changed', async (_label, sender) => {
    const { db, context, onChanged } = await seeded();
    const before = await snapshot(db);
    for (const message of [
      { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } },
      { type: 'tag/remove', code: 'A' },
      { type: 'dossiers/upsert', pageUrl: 'x', dossiers: [read('Z')] },
      { type: 'dossiers/all' },
    ]) {
      const response = await handleRequest(message, sender, policy, context);
      expect(response).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await snapshot(db)).toEqual(before);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'tag/set'],
    ['an array', [{ type: 'dossiers/all' }]],
    ['unknown type', { type: 'dossiers/drop' }],
    ['type missing', { code: 'A' }],
    ['tag/set without input', { type: 'tag/set', code: 'A' }],
    ['tag/set without code', { type: 'tag/set', input: { realReturn: '2026-02-05' } }],
    ['tag/set code is a number', { type: 'tag/set', code: 42, input: { realReturn: '2026-02-05' } }],
    ['tag/set realReturn is a number', { type: 'tag/set', code: 'A', input: { realReturn: 20260205 } }],
    ['tag/set oversized code', { type: 'tag/set', code: 'A'.repeat(201), input: { realReturn: '2026-02-05' } }],
    ['tag/set oversized reason', { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05', reason: 'x'.repeat(2001) } }],
    ['tag/set-many with no code', { type: 'tag/set-many', codes: [], input: { realReturn: '2026-02-05' } }],
    ['tag/set-many codes not an array', { type: 'tag/set-many', codes: 'A', input: { realReturn: '2026-02-05' } }],
    ['tag/restore without tag field', { type: 'tag/restore', code: 'A' }],
    ['tag/restore with a malformed tag', { type: 'tag/restore', code: 'A', tag: { realReturn: '5/2/2026', reason: '', note: '', by: '', at: 1 } }],
    ['upsert with an oversized code', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('X'.repeat(201))] }],
    ['upsert with an empty code', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('')] }],
    ['upsert with a bad date', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('Z', { due: { day: '05/02/2026' } })] }],
    ['upsert with a huge cell', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('Z', { applicant: 'x'.repeat(20_001) })] }],
    ['upsert with a dossier missing due', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [{ ...read('Z'), due: undefined }] }],
    ['upsert with junk instead of dossiers', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: { junk: true } }],
    ['dossiers/get codes with a number', { type: 'dossiers/get', codes: ['A', 7] }],
  ])('malformed message (%s) → invalid-request, nothing changed', async (_label, message) => {
    const { db, context, onChanged } = await seeded();
    const before = await snapshot(db);
    const response = await handleRequest(message, PORTAL_TAB, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await snapshot(db)).toEqual(before);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('extra junk keys are stripped, never stored', async () => {
    const { db, context } = await setup();
    const response = await handleRequest(
      {
        type: 'dossiers/upsert',
        pageUrl: 'https://motcua.kontum.gov.vn/hs',
        junk: '<script>',
        dossiers: [{ ...read('J'), tag: { realReturn: '2026-02-03', reason: '', note: '', by: 'evil', at: 1 }, evil: 'x' }],
      },
      PORTAL_TAB,
      policy,
      context,
    );
    expect(response.ok).toBe(true);
    const stored = (await db.dossiers.get('J'))!;
    expect(stored.tag).toBeUndefined();
    expect('evil' in stored).toBe(false);
    expect(await db.tagHistory.count()).toBe(0);
  });
});

describe('handleRequest: database unavailable', () => {
  it.each<[string, unknown]>([
    ['dossiers/upsert', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('A')] }],
    ['dossiers/all', { type: 'dossiers/all' }],
    ['tag/set', { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } }],
    ['tag/history', { type: 'tag/history', code: 'A' }],
  ])('%s → database failure carrying the open error', async (_label, message) => {
    const onChanged = vi.fn();
    const context: HandlerContext = { db: null, databaseError: 'VersionError: too new', staffName: async () => '', now: () => NOW, onChanged };
    const response = await handleRequest(message, POPUP, policy, context);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('database');
      expect(response.error.message).toContain('VersionError: too new');
      expect(response.error.messageEn).toContain('VersionError: too new');
    }
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('status/get still answers, with the error', async () => {
    const context: HandlerContext = { db: null, databaseError: 'boom', staffName: async () => '', now: () => NOW, onChanged: vi.fn() };
    expect(await handleRequest({ type: 'status/get' }, POPUP, policy, context)).toEqual({ ok: true, stored: 0, databaseError: 'boom' });
  });
});

describe('handleRequest: round trips', () => {
  /** Every success must also parse with the client's response schema. */
  function expectParses(type: RequestType, response: unknown) {
    expect(parseResponse(type, response)).toEqual(response);
  }

  it('dossiers/upsert then dossiers/get and dossiers/all', async () => {
    const { context, onChanged } = await setup();
    const upsert = await handleRequest({ type: 'dossiers/upsert', pageUrl: 'https://motcua.kontum.gov.vn/hs', dossiers: [read('A'), read('B')] }, PORTAL_TAB, policy, context);
    expect(upsert).toEqual({ ok: true, stored: 2, tags: {} });
    expectParses('dossiers/upsert', upsert);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledWith(['A', 'B'], 'dossiers');

    const get = await handleRequest({ type: 'dossiers/get', codes: ['B', 'missing', 'A'] }, PORTAL_TAB, policy, context);
    expectParses('dossiers/get', get);
    expect(get.ok && 'dossiers' in get && get.dossiers.map((d) => d.code)).toEqual(['B', 'A']);
    const all = await handleRequest({ type: 'dossiers/all' }, POPUP, policy, context);
    expectParses('dossiers/all', all);
    expect(all.ok && 'dossiers' in all && all.dossiers.map((d) => ({ code: d.code, firstSeen: d.firstSeen, lastSeen: d.lastSeen }))).toEqual([
      { code: 'A', firstSeen: NOW, lastSeen: NOW },
      { code: 'B', firstSeen: NOW, lastSeen: NOW },
    ]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  type TagCase = [label: string, now: number, realReturn: string, ok: boolean, code?: string];
  const TAG_CASES: TagCase[] = [
    ['the due day', NOW, '2026-02-05', true],
    ['today in Vietnam', NOW, TODAY, true],
    ['tomorrow in Vietnam', NOW, '2026-02-11', false, 'invalid-date'],
    // 18:00 UTC on the 10th is already the 11th in Vietnam.
    ['the Vietnamese day when UTC is still the day before', Date.UTC(2026, 1, 10, 18, 0), '2026-02-11', true],
    ['before receipt', NOW, '2026-01-31', false, 'invalid-date'],
    ['not a date', NOW, '2026-02-31', false, 'invalid-date'],
    ['empty', NOW, '', false, 'invalid-date'],
  ];

  it.each(TAG_CASES)('tag/set: %s', async (_label, now, realReturn, ok, code) => {
    const { db, context, onChanged } = await seeded();
    context.now = () => now;
    const before = await snapshot(db);
    const response = await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn, reason: 'r' } }, PORTAL_TAB, policy, context);
    expectParses('tag/set', response);
    if (ok) {
      const expected: DossierTag = { realReturn, reason: 'r', note: '', by: 'Cán bộ Lan', at: now };
      expect(response).toMatchObject({ ok: true, previous: null, dossier: { code: 'A', tag: expected } });
      expect((await db.dossiers.get('A'))!.tag).toEqual(expected);
      expect(onChanged).toHaveBeenCalledExactlyOnceWith(['A'], 'tags');
    } else {
      expect(response).toMatchObject({ ok: false, error: { code } });
      expect(await snapshot(db)).toEqual(before);
      expect(onChanged).not.toHaveBeenCalled();
    }
  });

  it('tag/set on an unknown code → not-found, no change event', async () => {
    const { context, onChanged } = await seeded();
    const response = await handleRequest({ type: 'tag/set', code: 'NOPE', input: { realReturn: '2026-02-05' } }, PORTAL_TAB, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(onChanged).not.toHaveBeenCalled();
  });

  it.each<[string, string[], string, string[], string[]]>([
    ['all saved', ['A', 'B'], '2026-02-05', ['A', 'B'], []],
    ['some refused', ['A', 'NOPE', 'C'], '2026-02-05', ['A', 'C'], ['NOPE']],
    ['all refused', ['A', 'B'], '2026-03-01', [], ['A', 'B']],
  ])('tag/set-many: %s', async (_label, codes, date, saved, refused) => {
    const { db, context, onChanged } = await seeded();
    const response = await handleRequest({ type: 'tag/set-many', codes, input: { realReturn: date } }, POPUP, policy, context);
    expectParses('tag/set-many', response);
    expect(response).toMatchObject({ ok: true, saved });
    expect(response.ok && 'refused' in response && response.refused.map((r) => r.code)).toEqual(refused);
    if (saved.length) expect(onChanged).toHaveBeenCalledExactlyOnceWith(saved, 'tags');
    else expect(onChanged).not.toHaveBeenCalled();
    expect(await db.tagHistory.count()).toBe(saved.length);
  });

  it('tag/remove, tag/restore and tag/history', async () => {
    const { db, context, onChanged } = await seeded();
    await handleRequest({ type: 'tag/set', code: 'B', input: { realReturn: '2026-02-04', note: 'n' } }, PORTAL_TAB, policy, context);
    const original = (await db.dossiers.get('B'))!;
    onChanged.mockClear();

    const removed = await handleRequest({ type: 'tag/remove', code: 'B' }, PORTAL_TAB, policy, context);
    expectParses('tag/remove', removed);
    expect(removed).toEqual({ ok: true, previous: original.tag });
    expect((await db.dossiers.get('B'))!.tag).toBeUndefined();
    expect(onChanged).toHaveBeenLastCalledWith(['B'], 'tags');

    const restored = await handleRequest({ type: 'tag/restore', code: 'B', tag: original.tag }, PORTAL_TAB, policy, context);
    expectParses('tag/restore', restored);
    expect(restored).toEqual({ ok: true });
    expect(await db.dossiers.get('B')).toEqual(original);
    expect(onChanged).toHaveBeenCalledTimes(2);

    const history = await handleRequest({ type: 'tag/history', code: 'B' }, POPUP, policy, context);
    expectParses('tag/history', history);
    expect(history.ok && 'history' in history && history.history.map((h) => [h.before?.realReturn ?? null, h.after?.realReturn ?? null])).toEqual([
      [null, '2026-02-04'],
      ['2026-02-04', null],
      [null, '2026-02-04'],
    ]);
    expect(history.ok && 'history' in history && Object.keys(history.history[0]!).sort()).toEqual(['after', 'at', 'before', 'by', 'code']);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it.each<[string, unknown]>([
    ['tag/remove', { type: 'tag/remove', code: 'NOPE' }],
    ['tag/restore', { type: 'tag/restore', code: 'NOPE', tag: null }],
  ])('%s on an unknown code → not-found, no change event', async (_label, message) => {
    const { db, context, onChanged } = await seeded();
    const before = await snapshot(db);
    expect(await handleRequest(message, PORTAL_TAB, policy, context)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await snapshot(db)).toEqual(before);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('status/get counts the stored dossiers', async () => {
    const { context } = await seeded();
    const response = await handleRequest({ type: 'status/get' }, POPUP, policy, context);
    expectParses('status/get', response);
    expect(response).toEqual({ ok: true, stored: 3, databaseError: null });
  });

  // An upsert of no dossier writes nothing; an empty `codes` list means "reload everything" to every tab
  // (ChangeEvent in lib/messaging/protocol.ts), so it must not be broadcast.
  it('an empty dossiers/upsert broadcasts no change', async () => {
    const { context, onChanged } = await setup();
    const response = await handleRequest({ type: 'dossiers/upsert', pageUrl: 'p', dossiers: [] }, PORTAL_TAB, policy, context);
    expect(response).toEqual({ ok: true, stored: 0, tags: {} });
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('handleRequest: storage errors', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it.each<[string, (db: DossierDatabase) => void, unknown]>([
    ['upsert of a new dossier, bulkPut over quota', (db) => vi.spyOn(db.dossiers, 'bulkPut').mockRejectedValue(quota()), { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('Q')] }],
    ['upsert of a changed stored dossier, bulkPut over quota', (db) => vi.spyOn(db.dossiers, 'bulkPut').mockRejectedValue(quota()), { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('A', { status: 'Đã trả kết quả' })] }],
    ['tag/set, put over quota', (db) => vi.spyOn(db.dossiers, 'put').mockRejectedValue(quota()), { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } }],
    ['tag/set, history add over quota', (db) => vi.spyOn(db.tagHistory, 'add').mockRejectedValue(quota()), { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } }],
    ['whole transaction over quota', (db) => vi.spyOn(db, 'transaction').mockRejectedValue(quota()), { type: 'tag/remove', code: 'A' }],
  ])('%s → quota, no change event, nothing saved', async (_label, breakIt, message) => {
    const { db, context, onChanged } = await seeded();
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-03' } }, PORTAL_TAB, policy, context);
    onChanged.mockClear();
    const before = await snapshot(db);
    breakIt(db);
    const response = await handleRequest(message, PORTAL_TAB, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'quota' } });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('another error → database failure with its message', async () => {
    const { db, context, onChanged } = await seeded();
    vi.spyOn(db, 'transaction').mockRejectedValue(new Error('disk on fire'));
    const response = await handleRequest({ type: 'tag/remove', code: 'A' }, PORTAL_TAB, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'database' } });
    if (!response.ok) expect(response.error.messageEn).toContain('disk on fire');
    expect(onChanged).not.toHaveBeenCalled();
  });
});


describe('handleRequest: what an upsert announces', () => {
  it('a page read again with nothing changed announces nothing; a change announces only its codes', async () => {
    const { context, onChanged } = await seeded();
    const page = 'https://motcua.kontum.gov.vn/hs';
    const again = await handleRequest({ type: 'dossiers/upsert', pageUrl: page, dossiers: [read('A'), read('B'), read('C')] }, PORTAL_TAB, policy, context);
    expect(again).toEqual({ ok: true, stored: 3, tags: {} });
    expect(onChanged).not.toHaveBeenCalled();
    await handleRequest({ type: 'dossiers/upsert', pageUrl: page, dossiers: [read('A'), read('B', { status: 'Đã trả kết quả' }), read('D')] }, PORTAL_TAB, policy, context);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledWith(['B', 'D'], 'dossiers');
  });
});

describe('handleRequest: what a portal page may ask', () => {
  it.each([
    ['dossiers/all', { type: 'dossiers/all' }],
    ['backup/export', { type: 'backup/export' }],
    ['backup/restore', { type: 'backup/restore', backup: {} }],
    ['dossiers/prune', { type: 'dossiers/prune', before: 9e15, dryRun: false }],
  ])('%s is refused from a portal tab and allowed from an extension page', async (_label, message) => {
    const { db, context } = await seeded();
    const before = await snapshot(db);
    const fromTab = await handleRequest(message, PORTAL_TAB, policy, context);
    expect(fromTab).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await snapshot(db)).toEqual(before);
    const fromPage = await handleRequest(message, POPUP, policy, context);
    if (!fromPage.ok) expect(fromPage.error.code).not.toBe('forbidden');
  });

  it('undo never restores a return day after today, nor an impossible day', async () => {
    const { db, context } = await seeded();
    const before = await snapshot(db);
    const tag = { realReturn: '2099-01-01', reason: '', note: '', by: 'X', at: 1 };
    expect(await handleRequest({ type: 'tag/restore', code: 'A', tag }, PORTAL_TAB, policy, context)).toMatchObject({ ok: false, error: { code: 'invalid-date' } });
    const impossible = { ...tag, realReturn: '2021-02-31' };
    expect(await handleRequest({ type: 'tag/restore', code: 'A', tag: impossible }, PORTAL_TAB, policy, context)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await snapshot(db)).toEqual(before);
  });
});
