import { describe, expect, it, vi } from 'vitest';
import type { DossierDatabase } from '../../../lib/store/db';
import type { DossierTag, ReadDossier } from '../../../lib/dossier/model';
import { isBuiltInPortalUrl } from '../../../lib/portal/hosts';
import { parseResponse, type RequestType } from '../../../lib/messaging/protocol';
import { REQUESTS } from '../../../lib/messaging/requests';
import { handleRequest, isTrustedSender, type HandlerContext, type SenderInfo, type SenderPolicy } from '../../../lib/messaging/handler';
import { TabCodes } from '../../../lib/messaging/tab-codes';
import { freshDb } from '../store/fresh-db';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const EXTRA_ORIGINS = ['https://dichvucong.quangngai.gov.vn', 'http://10.0.0.5:8080'];

/** The policy as entrypoints/background/messages.ts builds it. */
const policy: SenderPolicy = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  isPortalUrl: (url) => isBuiltInPortalUrl(url) || EXTRA_ORIGINS.some((origin) => url.startsWith(`${origin}/`)),
  dynamicPages: ['/panel.html'],
};

const PORTAL_TAB: SenderInfo = { id: EXTENSION_ID, url: 'https://motcua.kontum.gov.vn/ho-so/danh-sach', fromTab: true, tabId: 7 };
const POPUP: SenderInfo = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html`, fromTab: false };
/** The panel's frame in a portal tab, served at a per-session address (`use_dynamic_url`). */
const PANEL: SenderInfo = { id: EXTENSION_ID, url: 'chrome-extension://0f3c2d1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f/panel.html', fromTab: true, tabId: 7 };

describe('isTrustedSender', () => {
  it.each<[string, SenderInfo, boolean]>([
    ['content script on a built-in portal over https', PORTAL_TAB, true],
    ['a built-in portal over plain http (the built-in hosts are https only)', { id: EXTENSION_ID, url: 'http://hanhchinhcong.kontum.gov.vn/a?b=1', fromTab: true }, false],
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
    ['the panel frame at a dynamic address, in a portal tab', PANEL, true],
    ['the panel frame at its usual address', { ...PANEL, url: `${EXTENSION_ORIGIN}panel.html` }, true],
    ['a dynamic address for a page that is not web-accessible', { ...PANEL, url: 'chrome-extension://0f3c2d1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f/popup.html' }, false],
    ['the panel path on a web page', { ...PANEL, url: 'https://evil.example/panel.html' }, false],
    ['the panel frame from another extension', { ...PANEL, id: 'someoneelse' }, false],
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
  const context: HandlerContext = { db, databaseError: null, staffName: async () => 'Cán bộ Lan', now: () => now, onChanged, tabCodes: new TabCodes() };
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
    ['tag/set-many expected not a record', { type: 'tag/set-many', codes: ['A'], input: { realReturn: '2026-02-05' }, expected: ['e1'] }],
    ['tag/set-many expected a number', { type: 'tag/set-many', codes: ['A'], input: { realReturn: '2026-02-05' }, expected: { A: 3 } }],
    [
      'tag/set-many expected naming too many codes',
      { type: 'tag/set-many', codes: ['A'], input: { realReturn: '2026-02-05' }, expected: Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`K${i}`, null])) },
    ],
    ['tag/restore (gone: undo names an event)', { type: 'tag/restore', code: 'A', tag: null }],
    ['tag/undo without event', { type: 'tag/undo', code: 'A' }],
    ['tag/undo with an oversized event', { type: 'tag/undo', code: 'A', event: 'e'.repeat(101) }],
    ['tag/set with a numeric expected version', { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' }, expected: 3 }],
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
      expect(response.error.problem).toEqual({ code: 'database-unavailable', detail: 'VersionError: too new' });
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
    const parsed = parseResponse(type, response);
    // The upsert's tags and decisions travel as [code, value] pairs and are read back as Maps.
    if (type === 'dossiers/upsert' && parsed.ok && 'tags' in parsed) {
      expect({ ...parsed, tags: [...parsed.tags], decisions: [...parsed.decisions] }).toEqual(response);
    } else expect(parsed).toEqual(response);
  }

  it('dossiers/upsert then dossiers/get and dossiers/all', async () => {
    const { context, onChanged } = await setup();
    const upsert = await handleRequest({ type: 'dossiers/upsert', pageUrl: 'https://motcua.kontum.gov.vn/hs', dossiers: [read('A'), read('B')] }, PORTAL_TAB, policy, context);
    expect(upsert).toEqual({ ok: true, stored: 2, tags: [], decisions: [] });
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
    const response = await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn, reason: 'r' } }, PANEL, policy, context);
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
    const response = await handleRequest({ type: 'tag/set', code: 'NOPE', input: { realReturn: '2026-02-05' } }, PANEL, policy, context);
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

  it('tag/set-many with expected: a code decided meanwhile is refused as a conflict, the others are saved', async () => {
    const { db, context, onChanged } = await seeded();
    const first = await handleRequest({ type: 'tag/set', code: 'B', input: { realReturn: '2026-02-04', reason: 'nơi khác' } }, PANEL, policy, context);
    expect(first.ok).toBe(true);
    onChanged.mockClear();
    const response = await handleRequest(
      { type: 'tag/set-many', codes: ['A', 'B', 'C'], input: { realReturn: '2026-02-05' }, expected: { A: null, B: null } },
      POPUP,
      policy,
      context,
    );
    expectParses('tag/set-many', response);
    expect(response).toMatchObject({ ok: true, saved: ['A', 'C'], refused: [{ code: 'B', problem: { code: 'tag-conflict', dossier: 'B' } }] });
    expect(onChanged).toHaveBeenCalledExactlyOnceWith(['A', 'C'], 'tags');
    expect((await db.dossiers.get('B'))!.tag).toMatchObject({ realReturn: '2026-02-04', reason: 'nơi khác' });
  });

  it('tag/remove, tag/undo and tag/history', async () => {
    const { db, context, onChanged } = await seeded();
    await handleRequest({ type: 'tag/set', code: 'B', input: { realReturn: '2026-02-04', note: 'n' } }, PANEL, policy, context);
    const original = (await db.dossiers.get('B'))!;
    onChanged.mockClear();

    const removed = await handleRequest({ type: 'tag/remove', code: 'B' }, PANEL, policy, context);
    expectParses('tag/remove', removed);
    expect(removed).toEqual({ ok: true, previous: original.tag, event: expect.any(String) });
    expect((await db.dossiers.get('B'))!.tag).toBeUndefined();
    expect(onChanged).toHaveBeenLastCalledWith(['B'], 'tags');

    const event = removed.ok && 'event' in removed ? removed.event : null;
    const undone = await handleRequest({ type: 'tag/undo', code: 'B', event }, PANEL, policy, context);
    expectParses('tag/undo', undone);
    expect(undone).toMatchObject({ ok: true, previous: null, dossier: { code: 'B', tag: original.tag } });
    expect((await db.dossiers.get('B'))!.tag).toEqual(original.tag);
    expect(onChanged).toHaveBeenCalledTimes(2);

    const history = await handleRequest({ type: 'tag/history', code: 'B' }, POPUP, policy, context);
    expectParses('tag/history', history);
    expect(history.ok && 'history' in history && history.history.map((h) => [h.before?.realReturn ?? null, h.after?.realReturn ?? null])).toEqual([
      [null, '2026-02-04'],
      ['2026-02-04', null],
      [null, '2026-02-04'],
    ]);
    expect(history.ok && 'history' in history && Object.keys(history.history[0]!).sort()).toEqual(['after', 'at', 'before', 'by', 'code', 'event']);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it.each<[string, unknown]>([
    ['tag/remove', { type: 'tag/remove', code: 'NOPE' }],
    ['tag/undo', { type: 'tag/undo', code: 'NOPE', event: 'e1' }],
  ])('%s on an unknown code → not-found, no change event', async (_label, message) => {
    const { db, context, onChanged } = await seeded();
    const before = await snapshot(db);
    expect(await handleRequest(message, PANEL, policy, context)).toMatchObject({ ok: false, error: { code: 'not-found' } });
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
    expect(response).toEqual({ ok: true, stored: 0, tags: [], decisions: [] });
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
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-03' } }, PANEL, policy, context);
    onChanged.mockClear();
    const before = await snapshot(db);
    breakIt(db);
    const response = await handleRequest(message, PANEL, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'quota' } });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('another error → database failure with its message', async () => {
    const { db, context, onChanged } = await seeded();
    vi.spyOn(db, 'transaction').mockRejectedValue(new Error('disk on fire'));
    const response = await handleRequest({ type: 'tag/remove', code: 'A' }, PANEL, policy, context);
    expect(response).toMatchObject({ ok: false, error: { code: 'database' } });
    if (!response.ok) expect(response.error.problem).toEqual({ code: 'database-failed', detail: 'disk on fire' });
    expect(onChanged).not.toHaveBeenCalled();
  });
});


describe('handleRequest: what an upsert announces', () => {
  it('a page read again with nothing changed announces nothing; a change announces only its codes', async () => {
    const { context, onChanged } = await seeded();
    const page = 'https://motcua.kontum.gov.vn/hs';
    const again = await handleRequest({ type: 'dossiers/upsert', pageUrl: page, dossiers: [read('A'), read('B'), read('C')] }, PORTAL_TAB, policy, context);
    expect(again).toEqual({ ok: true, stored: 3, tags: [], decisions: [] });
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

  it('undo never puts back a return day after today', async () => {
    const { db, context } = await seeded();
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: TODAY } }, PANEL, policy, context);
    const edited = await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } }, PANEL, policy, context);
    const event = edited.ok && 'event' in edited ? edited.event : '';
    const before = await snapshot(db);
    // The day before, the first tag's day is after "today".
    context.now = () => NOW - 24 * 3600 * 1000;
    expect(await handleRequest({ type: 'tag/undo', code: 'A', event }, PANEL, policy, context)).toMatchObject({ ok: false, error: { code: 'invalid-date' } });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('handleRequest: the sender policy of every request', () => {
  /** One valid message of each request type. */
  const MESSAGES: Record<RequestType, Record<string, unknown>> = {
    'dossiers/upsert': { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('A')] },
    'dossiers/get': { type: 'dossiers/get', codes: ['A'] },
    'dossiers/all': { type: 'dossiers/all' },
    'tag/set': { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-05' } },
    'tag/set-many': { type: 'tag/set-many', codes: ['A'], input: { realReturn: '2026-02-05' } },
    'tag/remove': { type: 'tag/remove', code: 'A' },
    'tag/undo': { type: 'tag/undo', code: 'A', event: 'e1' },
    'tag/history': { type: 'tag/history', code: 'A' },
    'status/get': { type: 'status/get' },
    'backup/export': { type: 'backup/export' },
    'backup/plan': { type: 'backup/plan', backup: {} },
    'backup/restore': { type: 'backup/restore', backup: {} },
    'backup/undo-restore': { type: 'backup/undo-restore' },
    'dossiers/prune': { type: 'dossiers/prune', before: 0, dryRun: true },
    'column-mappings/save': { type: 'column-mappings/save', origin: 'https://motcua.kontum.gov.vn', pathPattern: '/x', headings: {}, labels: {} },
  };
  /** What the protocol promises: a portal page sends its reads and asks about its own codes. */
  const FROM_PORTAL = new Set<RequestType>(['dossiers/upsert', 'dossiers/get']);

  it('every request type is covered here', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it.each(Object.keys(MESSAGES) as RequestType[])('%s', async (type) => {
    for (const [sender, allowed] of [
      [PORTAL_TAB, FROM_PORTAL.has(type)],
      [PANEL, true],
      [POPUP, true],
    ] as const) {
      const { context } = await seeded();
      const response = await handleRequest(MESSAGES[type], sender, policy, context);
      const forbidden = !response.ok && response.error.code === 'forbidden';
      expect({ type, sender: sender.url, forbidden }).toEqual({ type, sender: sender.url, forbidden: !allowed });
    }
  });
});

describe('handleRequest: decisions across two tabs', () => {
  it('undo in tab 1 after tab 2 tagged anew → conflict, the newer tag stays', async () => {
    const { db, context } = await seeded();
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-03' } }, PANEL, policy, context);
    const removed = await handleRequest({ type: 'tag/remove', code: 'A' }, PANEL, policy, context);
    const event = removed.ok && 'event' in removed ? removed.event : '';
    const otherTab = { ...PANEL, tabId: 8 };
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-07' } }, otherTab, policy, context);
    const undo = await handleRequest({ type: 'tag/undo', code: 'A', event }, PANEL, policy, context);
    expect(undo).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(parseResponse('tag/undo', undo)).toEqual(undo);
    expect((await db.dossiers.get('A'))!.tag?.realReturn).toBe('2026-02-07');
  });

  it('an edit naming the version it started from is refused once another tab changed the tag', async () => {
    const { context } = await seeded();
    const first = await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-03' }, expected: null }, PANEL, policy, context);
    const version = first.ok && 'event' in first ? first.event : '';
    await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-04' }, expected: version }, { ...PANEL, tabId: 8 }, policy, context);
    const stale = await handleRequest({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-06' }, expected: version }, PANEL, policy, context);
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a dossier coded __proto__ is untagged until tagged, through the whole round trip', async () => {
    const { context } = await setup();
    const message = { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [read('__proto__')] };
    const first = parseResponse('dossiers/upsert', JSON.parse(JSON.stringify(await handleRequest(message, PORTAL_TAB, policy, context))));
    expect(first.ok && first.tags.get('__proto__')).toBeUndefined();
    await handleRequest({ type: 'tag/set', code: '__proto__', input: { realReturn: '2026-02-05' } }, PANEL, policy, context);
    const second = parseResponse('dossiers/upsert', JSON.parse(JSON.stringify(await handleRequest(message, PORTAL_TAB, policy, context))));
    expect(second.ok && second.tags.get('__proto__')?.realReturn).toBe('2026-02-05');
    const got = await handleRequest({ type: 'dossiers/get', codes: ['__proto__'] }, PORTAL_TAB, policy, context);
    expect(got.ok && 'dossiers' in got && got.dossiers.map((d) => d.code)).toEqual(['__proto__']);
  });
});
