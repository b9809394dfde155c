import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { createClient } from '@/lib/messaging/client';
import { vietnamDay } from '@/lib/calendar/day';
import type { DossierTag, ReadDossier, UnreadableRow } from '@/lib/dossier/model';
import type { Language } from '@/lib/i18n/language';
import type { Problem } from '@/lib/i18n/problem';
import { buildPanelModel, readSignature, type PanelModel } from '@/lib/portal/panel-model';
import { CHANGES_PORT, protocolSchemas, type Request } from '@/lib/messaging/protocol';
import { readDossierTablesStepwise } from '@/lib/portal/reader';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, defineSettings, type Settings } from '@/lib/settings/settings';
import { validateRealReturn } from '@/lib/dossier/tag-validation';
import { boundDossier } from '@/lib/dossier/limits';
import type { TagOutcome, TagRequest } from '@/components/panel/LateDossierRow';
import { watchPage, type PageWatcher } from './page-watcher';
import { applyRowMarkers, installMarkerStyle, setPageDocked } from './row-markers';

/**
 * Wires the page to lib/ and the background: watch → read → model → row marks and store, and the tag
 * actions. State is a plain snapshot that the panel's script (entrypoints/panel.content) reads through
 * useSyncExternalStore; the words and the working days are the panel's, so that the catalogs and the
 * calendar stay out of this script, which runs on every portal page.
 */

const PANEL_OPEN_KEY = 'panelOpen';
/** A read of the page runs in slices of about this long, letting the portal run in between. */
const READ_SLICE_MS = 12;
const ROWS_PER_STEP = 100;
/**
 * A page's dossiers go to the store in one message (one transaction); only pages beyond this size are
 * sliced, so that no single message gets huge.
 */
const UPSERT_SLICE = 20_000;

/** A short notice after an action; the panel words it in the UI language. */
export type PanelNotice =
  | { kind: 'error'; error: Problem }
  | { kind: 'tagged-many'; count: number; refused: { code: string; problem: Problem }[] }
  | { kind: 'tag-removed'; code: string; undo?: () => void };

export interface PanelSnapshot {
  open: boolean;
  model: PanelModel;
  today: string;
  language: Language;
  /** The settings' changes to the working-day calendar, for the panel's working days late. */
  holidayOverrides: Settings['holidayOverrides'];
  /** Why the page's dossiers could not be saved (database error, lost connection). */
  storeError: Problem | null;
  notice: PanelNotice | null;
  bulkDefault: string;
  /** Bumped by the keyboard shortcut so the panel moves focus into itself. */
  focusRequest: number;
}

/** Alt+Shift+L opens or closes the panel from anywhere on the portal page ("L" for "lịch trả"). */
export function isPanelShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';
}

export function createPanelController({
  document: doc,
  onListsChanged,
}: {
  document: Document;
  onListsChanged: (present: boolean) => void;
}) {
  const client = createClient((message: Request) => browser.runtime.sendMessage(message));
  const settingsStore = defineSettings(storage);
  let unwatchSettings = () => {};
  let settings: Settings = DEFAULT_SETTINGS;
  let watcher: PageWatcher | null = null;
  let port: Runtime.Port | null = null;
  let stopped = false;
  const tags = new Map<string, DossierTag>();
  const sent = new Map<string, string>();
  let rowsByCode = new Map<string, Element[]>();
  let pageDossiers: ReadDossier[] = [];
  let pageUnreadable: UnreadableRow[] = [];
  let pageTableCount = 0;
  let followUp: ReturnType<typeof setTimeout> | undefined;
  let readToken = 0;
  const listeners = new Set<() => void>();
  let storing: Promise<void> = Promise.resolve();

  const emptyModel: PanelModel = { lateRows: [], readCount: 0, unreadable: [], tableCount: 0, derivedYears: [] };
  let snapshot: PanelSnapshot = {
    open: false,
    model: emptyModel,
    today: vietnamDay(),
    language: DEFAULT_SETTINGS.language,
    holidayOverrides: DEFAULT_SETTINGS.holidayOverrides,
    storeError: null,
    notice: null,
    bulkDefault: vietnamDay(),
    focusRequest: 0,
  };

  let docked = false;
  function update(patch: Partial<PanelSnapshot>) {
    snapshot = { ...snapshot, ...patch };
    const shouldDock = snapshot.open && snapshot.model.tableCount > 0;
    if (shouldDock !== docked) {
      docked = shouldDock;
      setPageDocked(doc, docked);
    }
    for (const listener of listeners) listener();
  }

  function applySettings(next: Settings) {
    settings = next;
    update({ language: next.language, holidayOverrides: next.holidayOverrides });
  }

  function recomputeModel() {
    const today = vietnamDay();
    const model = buildPanelModel(
      {
        dossiers: pageDossiers.map((dossier) => ({ dossier, row: rowsByCode.get(dossier.code)![0]! })),
        unreadable: pageUnreadable,
        tableCount: pageTableCount,
      },
      today,
      tags,
    );
    update({ model, today });
    applyRowMarkers(rowsByCode, model.lateRows);
  }

  /**
   * Reads the page in time slices (a 2,000-row list read in one go would be one long task on the
   * portal's main thread), then, in the next task, updates the panel and sends what is new to the
   * store. A newer read started while one is under way replaces it.
   */
  async function rescan() {
    if (stopped) return;
    const token = ++readToken;
    const steps = readDossierTablesStepwise(doc, { synonyms: settings.headerSynonyms }, ROWS_PER_STEP);
    let sliceEnd = performance.now() + READ_SLICE_MS;
    let step = steps.next();
    while (!step.done) {
      if (performance.now() > sliceEnd) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (stopped || token !== readToken) return;
        sliceEnd = performance.now() + READ_SLICE_MS;
      }
      step = steps.next();
    }
    const tables = step.value;
    watcher?.track(tables.map((table) => table.element));
    const nextRows = new Map<string, Element[]>();
    const dossiers: ReadDossier[] = [];
    const unreadable: UnreadableRow[] = [];
    for (const table of tables) {
      for (const read of table.dossiers) {
        const dossier = boundDossier(read.dossier);
        const rows = nextRows.get(dossier.code);
        if (rows) rows.push(read.row);
        else {
          nextRows.set(dossier.code, [read.row]);
          dossiers.push(dossier);
        }
      }
      unreadable.push(...table.unreadable);
    }
    rowsByCode = nextRows;
    pageDossiers = dossiers;
    pageUnreadable = unreadable;
    pageTableCount = tables.length;
    // Reading a 2,000-row list and building its panel in one go would make one long task on the
    // portal's main thread: the rest runs in the next task.
    clearTimeout(followUp);
    followUp = setTimeout(() => {
      if (stopped || token !== readToken) return;
      if (pageTableCount) installMarkerStyle(doc);
      try {
        recomputeModel();
      } catch (error) {
        // A panel that cannot be built must not keep the page's dossiers from being saved.
        console.error('[motcua-phu-luc] panel update failed', error);
      }
      // Mounted once the model is built, so that the panel's first render already shows the page's count.
      onListsChanged(pageTableCount > 0);
      // Saves run one after another, each in a task of its own (signatures, the message's copy), and a
      // tag waits for them: a dossier tagged right after the page loads is stored before its tag.
      storing = storing.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => store(dossiers));
    }, 0);
  }

  async function store(dossiers: ReadDossier[]) {
    const fresh = dossiers.filter((dossier) => sent.get(dossier.code) !== readSignature(dossier));
    if (fresh.length === 0) return;
    const pageUrl = location.origin + location.pathname;
    for (let start = 0; start < fresh.length; start += UPSERT_SLICE) {
      const slice = fresh.slice(start, start + UPSERT_SLICE);
      const response = await client.request({ type: 'dossiers/upsert', pageUrl, dossiers: slice });
      if (!response.ok) {
        update({ storeError: response.error.problem });
        return;
      }
      for (const dossier of slice) sent.set(dossier.code, readSignature(dossier));
      let changed = false;
      for (const dossier of slice) {
        const tag = response.tags.get(dossier.code);
        if (tag && JSON.stringify(tags.get(dossier.code)) !== JSON.stringify(tag)) {
          tags.set(dossier.code, tag);
          changed = true;
        }
      }
      if (snapshot.storeError) update({ storeError: null });
      if (changed) recomputeModel();
    }
  }

  /** Re-reads the tags of the page's dossiers after a change made elsewhere. */
  async function refreshTags(codes: string[]) {
    const wanted = codes.length ? codes.filter((code) => rowsByCode.has(code)) : [...rowsByCode.keys()];
    if (wanted.length === 0) return;
    const response = await client.request({ type: 'dossiers/get', codes: wanted });
    if (!response.ok) return;
    const found = new Map(response.dossiers.map((dossier) => [dossier.code, dossier.tag]));
    for (const code of wanted) {
      const tag = found.get(code);
      if (tag) tags.set(code, tag);
      else tags.delete(code);
    }
    recomputeModel();
  }

  function connectChanges() {
    try {
      port = browser.runtime.connect({ name: CHANGES_PORT });
    } catch {
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const event = protocolSchemas().changeEventSchema.safeParse(message);
      // A page's own reads (and other tabs' reads) change no tag: nothing to refresh.
      if (!event.success || event.data.kind !== 'tags') return;
      if (event.data.codes.length === 0) {
        // A restore or a deletion: what this page sent may be gone from the store, so send it again.
        sent.clear();
        watcher?.poke();
      }
      void refreshTags(event.data.codes);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      // The service worker was stopped; reconnect (which restarts it) and catch up on what we missed.
      if (!stopped) {
        setTimeout(() => {
          if (stopped) return;
          connectChanges();
          void refreshTags([]);
        }, 1_000);
      }
    });
  }

  async function tag(code: string, request: TagRequest): Promise<TagOutcome> {
    const dossier = pageDossiers.find((item) => item.code === code);
    const today = vietnamDay();
    if (dossier) {
      const checked = validateRealReturn(request.realReturn, dossier, today);
      if (!checked.ok) return { ok: false, problem: checked.problem };
    }
    await storing;
    const response = await client.request({ type: 'tag/set', code, input: request });
    if (!response.ok) return { ok: false, problem: response.error.problem };
    if (response.dossier.tag) tags.set(code, response.dossier.tag);
    update({ bulkDefault: request.realReturn });
    recomputeModel();
    return { ok: true };
  }

  async function tagMany(codes: string[], realReturn: string) {
    await storing;
    const response = await client.request({ type: 'tag/set-many', codes, input: { realReturn, reason: '', note: '' } });
    if (!response.ok) {
      update({ notice: { kind: 'error', error: response.error.problem } });
      return;
    }
    update({ bulkDefault: realReturn, notice: { kind: 'tagged-many', count: response.saved.length, refused: response.refused } });
    await refreshTags(codes);
  }

  async function removeTag(code: string) {
    const response = await client.request({ type: 'tag/remove', code });
    if (!response.ok) {
      update({ notice: { kind: 'error', error: response.error.problem } });
      return;
    }
    tags.delete(code);
    recomputeModel();
    const event = response.event;
    update({
      notice: {
        kind: 'tag-removed',
        code,
        undo: event
          ? () => {
              void client.request({ type: 'tag/undo', code, event }).then(() => refreshTags([code]));
              update({ notice: null });
            }
          : undefined,
      },
    });
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    toggle() {
      const open = !snapshot.open;
      update({ open });
      void browser.storage.local.set({ [PANEL_OPEN_KEY]: open });
    },
    dismissNotice: () => update({ notice: null }),
    /** Asks the background for the panel's script in this frame; false if it could not be loaded. */
    async loadPanel(): Promise<boolean> {
      const response = await client.request({ type: 'panel/load' });
      if (!response.ok) console.error('[motcua-phu-luc] the panel could not be loaded:', response.error.problem);
      return response.ok;
    },
    tag,
    tagMany,
    removeTag,
    async start() {
      const [current, stored] = await Promise.all([settingsStore.get(), browser.storage.local.get(PANEL_OPEN_KEY)]);
      applySettings(current);
      unwatchSettings = settingsStore.watch((next) => {
        applySettings(next);
        sent.clear();
        watcher?.poke();
      });
      update({ open: stored[PANEL_OPEN_KEY] === true });
      browser.storage.onChanged.addListener(onStorageChanged);
      connectChanges();
      doc.addEventListener('keydown', onShortcut, true);
      watcher = watchPage(doc, () => void rescan());
      void rescan();
    },
    stop() {
      stopped = true;
      clearTimeout(followUp);
      watcher?.stop();
      port?.disconnect();
      // After an update or a reload of the extension this script is orphaned: it must leave the
      // page's keys and the storage events alone.
      doc.removeEventListener('keydown', onShortcut, true);
      browser.storage.onChanged.removeListener(onStorageChanged);
      unwatchSettings();
    },
  };

  function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string) {
    if (area !== 'local') return;
    const openChange = changes[PANEL_OPEN_KEY];
    if (openChange && typeof openChange.newValue === 'boolean' && openChange.newValue !== snapshot.open) {
      update({ open: openChange.newValue });
    }
  }

  function onShortcut(event: KeyboardEvent) {
    if (!isPanelShortcut(event) || snapshot.model.tableCount === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const open = !snapshot.open;
    update({ open, focusRequest: snapshot.focusRequest + 1 });
    void browser.storage.local.set({ [PANEL_OPEN_KEY]: open });
  }
}

export type PanelController = ReturnType<typeof createPanelController>;
