import { describe, expect, it, vi } from 'vitest';
import { handleRequest, type HandlerContext, type SenderInfo, type SenderPolicy } from '../../../lib/messaging/handler';
import type { MappingStore } from '../../../lib/messaging/requests';
import { TabCodes } from '../../../lib/messaging/tab-codes';
import { isBuiltInPortalUrl } from '../../../lib/portal/hosts';
import { parseBackupValue, screenBackupMappings } from '../../../lib/store/backup';
import type { SavedColumnMapping } from '../../../lib/portal/column-mappings';
import { freshDb } from '../store/fresh-db';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const policy: SenderPolicy = {
  extensionId: EXTENSION_ID,
  extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
  isPortalUrl: isBuiltInPortalUrl,
  dynamicPages: ['/panel.html'],
};
const PANEL: SenderInfo = { id: EXTENSION_ID, url: 'chrome-extension://0f3c2d1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f/panel.html', fromTab: true, tabId: 7 };
const PORTAL_TAB: SenderInfo = { id: EXTENSION_ID, url: 'https://motcua.kontum.gov.vn/vi/dossier/search/1', fromTab: true, tabId: 7 };
const OPTIONS: SenderInfo = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html`, fromTab: false };
const ORIGIN = 'https://motcua.kontum.gov.vn';
const NOW = Date.UTC(2026, 10, 30, 3, 0, 0);

function memoryStore(initial: SavedColumnMapping[] = []) {
  let list = initial;
  const store: MappingStore = {
    list: async () => list,
    write: vi.fn(async (next: SavedColumnMapping[]) => void (list = next)),
    isPortalOrigin: (origin) => isBuiltInPortalUrl(`${origin}/`),
  };
  return { store, get: () => list };
}

async function context(mappings: MappingStore, now = NOW): Promise<HandlerContext> {
  return { db: await freshDb('mappings'), databaseError: null, staffName: async () => '', now: () => now, onChanged: () => {}, tabCodes: new TabCodes(), mappings };
}

const save = (extra: Record<string, unknown> = {}) => ({
  type: 'column-mappings/save',
  origin: ORIGIN,
  pathPattern: '/vi/dossier/search/*',
  headings: { 'mã hs': 'code' },
  labels: {},
  ...extra,
});

describe('column-mappings/save', () => {
  it('saves from the panel, merging later headings into the same page', async () => {
    const memory = memoryStore();
    const ctx = await context(memory.store);
    expect(await handleRequest(save(), PANEL, policy, ctx)).toEqual({ ok: true, mappings: 1 });
    expect(await handleRequest(save({ headings: { 'hạn trả kq': 'due' } }), PANEL, policy, ctx)).toEqual({ ok: true, mappings: 1 });
    expect(memory.get()).toEqual([{ origin: ORIGIN, pathPattern: '/vi/dossier/search/*', headings: { 'mã hs': 'code', 'hạn trả kq': 'due' }, labels: {}, savedAt: NOW }]);
  });

  it('is refused from the portal page itself, for a host the extension does not run on, and for a field that is none', async () => {
    const memory = memoryStore();
    const ctx = await context(memory.store);
    expect(await handleRequest(save(), PORTAL_TAB, policy, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handleRequest(save({ origin: 'https://evil.example.com' }), PANEL, policy, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', problem: { code: 'mapping-not-portal', origin: 'https://evil.example.com' } },
    });
    expect(await handleRequest(save({ origin: 'http://motcua.kontum.gov.vn' }), PANEL, policy, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handleRequest(save({ headings: { 'mã hs': 'script' } }), PANEL, policy, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handleRequest(save({ headings: { 'Mã HS': 'code' } }), PANEL, policy, ctx)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(memory.store.write).not.toHaveBeenCalled();
  });
});

describe('backups carry the column mappings', () => {
  const saved: SavedColumnMapping = { origin: ORIGIN, pathPattern: '/vi/dossier/search/*', headings: { 'mã hs': 'code', 'hạn trả kq': 'due' }, labels: { 'hẹn trả': 'due' }, savedAt: NOW - 1000 };

  it('round trip: exported with the file, restored into an empty store', async () => {
    const from = memoryStore([saved]);
    const exported = await handleRequest({ type: 'backup/export' }, OPTIONS, policy, await context(from.store));
    expect(exported.ok).toBe(true);
    const backup = JSON.parse(JSON.stringify((exported as { backup: unknown }).backup));
    expect(backup.columnMappings).toEqual([saved]);
    const into = memoryStore();
    expect(await handleRequest({ type: 'backup/restore', backup }, OPTIONS, policy, await context(into.store, NOW + 5000))).toMatchObject({ ok: true });
    expect(into.get()).toEqual([saved]);
  });

  it('a restore keeps the newer mapping of a page, and an older file without mappings changes none', async () => {
    const newer = { ...saved, headings: { 'số hs': 'code' as const }, savedAt: NOW };
    const into = memoryStore([newer]);
    const ctx = await context(into.store, NOW + 5000);
    const exported = (await handleRequest({ type: 'backup/export' }, OPTIONS, policy, await context(memoryStore([saved]).store))) as { backup: Record<string, unknown> };
    await handleRequest({ type: 'backup/restore', backup: exported.backup }, OPTIONS, policy, ctx);
    expect(into.get()).toEqual([newer]);
    const { columnMappings: _none, ...older } = exported.backup;
    await handleRequest({ type: 'backup/restore', backup: older }, OPTIONS, policy, ctx);
    expect(into.get()).toEqual([newer]);
    expect(into.store.write).not.toHaveBeenCalled();
  });

  it('screening: a damaged mapping, another host or a future time is dropped alone; a time after the export is clamped', () => {
    const base = { format: 'motcua-phu-luc-backup', version: 1, exportedAt: NOW, dossiers: [], tagHistory: [] };
    const parsed = parseBackupValue({
      ...base,
      columnMappings: [
        saved,
        { ...saved, pathPattern: '/a', savedAt: NOW + 60_000 },
        { ...saved, pathPattern: '/b', savedAt: NOW + 24 * 3600_000 },
        { ...saved, origin: 'https://evil.example.com' },
        { ...saved, headings: { x: 'password' } },
        '<img src=x onerror=alert(1)>',
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const screened = screenBackupMappings(parsed.backup, NOW + 120_000, (origin) => isBuiltInPortalUrl(`${origin}/`));
    expect(screened).toEqual({ mappings: [saved, { ...saved, pathPattern: '/a', savedAt: NOW }], refused: 4 });
  });

  it('a file with too many mappings is refused as damaged', () => {
    const base = { format: 'motcua-phu-luc-backup', version: 1, exportedAt: NOW, dossiers: [], tagHistory: [] };
    expect(parseBackupValue({ ...base, columnMappings: Array.from({ length: 201 }, () => saved) })).toMatchObject({ ok: false, problem: { code: 'backup-damaged' } });
  });
});
