import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { startMessages } from '../../../entrypoints/background/messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { isBuiltInPortalUrl } from '../../../lib/portal/hosts';
import type { ReadDossier } from '../../../lib/dossier/model';
import type { DossierDatabase } from '../../../lib/store/db';
import { freshDb } from '../store/fresh-db';
import { installFakeApis } from './fake-apis';
import { day, readDossier } from '../../support/factories';

const PORTAL_URL = 'https://motcua.kontum.gov.vn/ho-so';

/** A dossier of this file's tests: received 2026-02-01, due 2026-02-05, still being processed. */
function read(code: string): ReadDossier {
  return readDossier({ code, received: day('2026-02-01'), due: day('2026-02-05'), status: 'Đang xử lý' });
}

const portalTab = (tabId: number): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: PORTAL_URL, tab: { id: tabId } as Runtime.MessageSender['tab'], frameId: 0 });
const panelFrame = (tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: 'chrome-extension://6b1f0e2d-3c4a-4b5c-9d8e-7f6a5b4c3d2e/panel.html',
  tab: { id: tabId } as Runtime.MessageSender['tab'],
  frameId: 3,
});
const popup = (): Runtime.MessageSender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

let db: DossierDatabase;
let onWrite: ReturnType<typeof vi.fn<() => void>>;

async function start() {
  db = await freshDb('background-messages');
  onWrite = vi.fn<() => void>();
  const apis = installFakeApis();
  startMessages({
    database: async () => ({ db, databaseError: null }),
    settings: async () => ({ ...DEFAULT_SETTINGS, staffName: 'Cán bộ Lan' }),
    isPortalUrl: isBuiltInPortalUrl,
    onWrite,
  });
  return apis;
}

async function send(message: unknown, sender: Runtime.MessageSender) {
  const [response] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return (await response) as { ok: boolean; error?: { code: string } } & Record<string, unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the background answers by sender', () => {
  it('a portal tab may upsert, and learns only the tags of codes its own tab sent', async () => {
    await start();
    expect(await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('A'), read('B')] }, portalTab(1))).toMatchObject({ ok: true, stored: 2 });
    await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('C')] }, portalTab(2));
    expect(await send({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-04' } }, panelFrame(1))).toMatchObject({ ok: true });
    expect(await send({ type: 'tag/set', code: 'C', input: { realReturn: '2026-02-04' } }, panelFrame(2))).toMatchObject({ ok: true });

    const own = await send({ type: 'dossiers/get', codes: ['A', 'B', 'C'] }, portalTab(1));
    expect((own.dossiers as { code: string }[]).map((d) => d.code)).toEqual(['A', 'B']);
    const other = await send({ type: 'dossiers/get', codes: ['A', 'C'] }, portalTab(2));
    expect((other.dossiers as { code: string }[]).map((d) => d.code)).toEqual(['C']);
    // An extension page sees everything.
    const all = await send({ type: 'dossiers/get', codes: ['A', 'B', 'C'] }, popup());
    expect((all.dossiers as unknown[]).length).toBe(3);
  });

  it('a closed tab is forgotten: a new page in a reused tab id learns nothing of the old one', async () => {
    await start();
    await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('A')] }, portalTab(5));
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    const response = await send({ type: 'dossiers/get', codes: ['A'] }, portalTab(5));
    expect(response.dossiers).toEqual([]);
  });

  it.each([
    ['tag/set', { type: 'tag/set', code: 'A', input: { realReturn: '2026-02-04' } }],
    ['tag/set-many', { type: 'tag/set-many', codes: ['A'], input: { realReturn: '2026-02-04' } }],
    ['tag/remove', { type: 'tag/remove', code: 'A' }],
    ['tag/undo', { type: 'tag/undo', code: 'A', event: 'e1' }],
    ['tag/history', { type: 'tag/history', code: 'A' }],
    ['status/get', { type: 'status/get' }],
    ['dossiers/all', { type: 'dossiers/all' }],
    ['backup/export', { type: 'backup/export' }],
    ['backup/plan', { type: 'backup/plan', backup: {} }],
    ['backup/restore', { type: 'backup/restore', backup: {} }],
    ['backup/undo-restore', { type: 'backup/undo-restore' }],
    ['dossiers/prune', { type: 'dossiers/prune', before: 9e15, dryRun: false }],
  ])('%s is refused from a portal tab, nothing changes', async (_label, message) => {
    await start();
    await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('A')] }, portalTab(1));
    await send({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-03' } }, popup());
    const before = { dossiers: await db.dossiers.toArray(), history: await db.tagHistory.toArray() };
    onWrite.mockClear();
    expect(await send(message, portalTab(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect({ dossiers: await db.dossiers.toArray(), history: await db.tagHistory.toArray() }).toEqual(before);
    expect(onWrite).not.toHaveBeenCalled();
  });

  it('the background sets by and at: a tag from the panel frame carries the staff name and the time of saving', async () => {
    await start();
    await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('A')] }, portalTab(1));
    const before = Date.now();
    const response = await send({ type: 'tag/set', code: 'A', input: { realReturn: '2026-02-04', by: 'evil', at: 1 } }, panelFrame(1));
    expect(response).toMatchObject({ ok: true, dossier: { tag: { by: 'Cán bộ Lan' } } });
    const tag = (await db.dossiers.get('A'))!.tag!;
    expect(tag.at).toBeGreaterThanOrEqual(before);
    expect(onWrite).toHaveBeenCalled();
  });

  it('a change is broadcast on the changes port, and a port of another extension is refused', async () => {
    const apis = await start();
    const mine = { name: 'dossier-changes', sender: { id: fakeBrowser.runtime.id }, postMessage: vi.fn(), disconnect: vi.fn(), onDisconnect: { addListener: vi.fn() } };
    const theirs = { ...mine, sender: { id: 'other' }, postMessage: vi.fn(), disconnect: vi.fn() };
    await apis.onConnect.trigger(mine);
    await apis.onConnect.trigger(theirs);
    expect(theirs.disconnect).toHaveBeenCalled();
    await send({ type: 'dossiers/upsert', pageUrl: PORTAL_URL, dossiers: [read('A')] }, portalTab(1));
    expect(mine.postMessage).toHaveBeenCalledWith({ type: 'changed', kind: 'dossiers', codes: ['A'] });
    expect(theirs.postMessage).not.toHaveBeenCalled();
  });
});
