import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClient } from '@/lib/messaging/client';
import { vietnamNow } from '@/lib/calendar/day';
import { decisionStateOf, type DecisionState, type DossierTag, type ReadDossier, type UnreadableRow } from '@/lib/dossier/model';
import type { Problem } from '@/lib/i18n/problem';
import { buildPanelModel, readSignature, type PanelModel } from '@/lib/portal/panel-model';
import { CHANGES_PORT, protocolSchemas, type Request } from '@/lib/messaging/protocol';
import { readDossierTablesStepwise, unmappedCandidates, type ReadOptions, type UnmappedTable } from '@/lib/portal/reader';
import { chooseMapping, readerMapping } from '@/lib/portal/column-mappings';
import { isBuiltInPortalUrl } from '@/lib/portal/hosts';
import { isExtraPortalUrl } from '@/lib/portal/extra-portals';
import { holdsDossierData } from '@/lib/portal/pointing';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, defineSettings, type Settings } from '@/lib/settings/settings';
import { boundDossier } from '@/lib/dossier/limits';
import { nextLatenessChange } from '@/lib/dossier/classify';
import { completeRead, keepShown } from '@/lib/dossier/shown';
import { ListSessions } from '@/lib/portal/list-session';
import { PendingSaves } from '@/lib/portal/pending-saves';
import { watchPage, type PageWatcher } from './page-watcher';
import { listViews } from './list-views';

/**
 * Page sync: watch → read → model → store. Reads the portal's dossier tables, sends what is new to the
 * store (the background), keeps the tags the store answers for the page's codes, and hands the result
 * to its listener (row marks and the panel's frame). It neither tags nor shows anything itself.
 */

/**
 * A read of the page runs in slices of about this long, letting the portal run in between. Short: the
 * page's garbage collector does part of its work in whichever task allocates (marking steps, tracing
 * the page's DOM), and after a list is redrawn those steps can add 20 to 30 ms to a slice.
 */
const READ_SLICE_MS = 8;
const ROWS_PER_STEP = 100;
/**
 * A page's dossiers go to the store in messages of at most this many, in code order, one after another
 * and each in a task of its own: the browser copies a message on the page's main thread in the task that
 * sends it, about 5 µs a dossier, so a message of 2,000 held it 10 to 30 ms, and with a garbage
 * collection step landing in the same task, over 50 ms. Each message costs the store a transaction, so
 * they are not made smaller. In code order, each message covers a narrow range of codes, which the store
 * reads at once (lib/store/dossiers.ts, storedAmong).
 */
const UPSERT_SLICE = 1000;
/** After the service worker stops, the change port is opened again this much later. */
const RECONNECT_MS = 1_000;
/** A save that failed is tried again this much later, doubling up to the cap, until one succeeds. */
const RESAVE_FIRST_MS = 2_000;
const RESAVE_MAX_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PageSyncState {
  model: PanelModel;
  /** The portal's rows of each code read, for the row marks. */
  rowsByCode: ReadonlyMap<string, Element[]>;
  storeError: Problem | null;
  saving: boolean;
  /** Dossiers read are not yet saved, and will be tried again (the next save, a reconnect, a timer). */
  retrying: boolean;
  /**
   * The page's codes whose tag is unknown: the page could not be saved, so the store's answer for them
   * never came. Without it a tagged dossier would look untagged, and tagging it again would overwrite
   * its reason and note.
   */
  unknown: string[];
  /** List-like tables the reader could not name (read only when the page has no list read). */
  unmapped: UnmappedTable[];
}

const EMPTY_MODEL: PanelModel = { lateRows: [], readCount: 0, unreadable: [], tableCount: 0, derivedYears: [] };

/**
 * One closure over 80 lines, on purpose: the read, the store's answers and the change port share one
 * page's state (its read, the tags known, the signatures sent); each step is a named function inside.
 */
export function createPageSync(ctx: ContentScriptContext, doc: Document, onChange: (state: PageSyncState) => void) {
  const client = createClient((message: Request) => browser.runtime.sendMessage(message));
  let settings: Settings = DEFAULT_SETTINGS;
  let watcher: PageWatcher | null = null;
  let port: Runtime.Port | null = null;
  const tags = new Map<string, DossierTag>();
  /** The latest decision and read kept aside of each code that has one, as the store last answered. */
  const decisions = new Map<string, DecisionState>();
  /** The signature of each dossier as last stored, so a re-read that found nothing new sends nothing. */
  const sent = new Map<string, string>();
  /**
   * The dossiers read but not yet confirmed saved, of this page and of the pages staff left: each save
   * sends them all, so a save that failed is not lost when the next page shows other dossiers.
   */
  const unsaved = new PendingSaves<ReadDossier>();
  let resaveTimer: number | undefined;
  let resaveDelay = RESAVE_FIRST_MS;
  /**
   * The list as the panel shows it: `dossiers` (each code once; in a grid that draws only the rows in
   * view, the rows seen so far), and the portal's rows drawn now by code (`rowsByCode`, for the marks).
   */
  let page: {
    dossiers: ReadDossier[];
    byCode: Map<string, ReadDossier>;
    unreadable: UnreadableRow[];
    tableCount: number;
    rowsByCode: Map<string, Element[]>;
  } = {
    dossiers: [],
    byCode: new Map(),
    unreadable: [],
    tableCount: 0,
    rowsByCode: new Map(),
  };
  const sessions = new ListSessions<ReadDossier>({ merge: keepShown });
  /** The page address the sessions belong to. */
  let listAddress = '';
  let followUp: number | undefined;
  let readToken = 0;
  let storing: Promise<void> = Promise.resolve();
  let pendingSaves = 0;
  let unmapped: UnmappedTable[] = [];
  let state: PageSyncState = { model: EMPTY_MODEL, rowsByCode: page.rowsByCode, storeError: null, saving: false, retrying: false, unknown: [], unmapped };

  function update(patch: Partial<PageSyncState>) {
    const next = { ...state, ...patch };
    const unknown = next.storeError ? page.dossiers.map((d) => d.code).filter((code) => !sent.has(code) && !tags.has(code)) : [];
    state = { ...next, unknown };
    onChange(state);
  }

  let lateTimer: number | undefined;

  /** Recomputes the model when the page's next open appointment passes (lateness counts to the minute). */
  function scheduleLatenessRecount() {
    clearTimeout(lateTimer);
    const next = nextLatenessChange(page.dossiers, Date.now());
    // Beyond a day, the next re-read or the next timer set then will do; also keeps below setTimeout's limit.
    if (next !== null && next - Date.now() < DAY_MS) lateTimer = ctx.setTimeout(recomputeModel, Math.max(0, next - Date.now()));
  }

  function recomputeModel() {
    scheduleLatenessRecount();
    const model = buildPanelModel(
      {
        dossiers: page.dossiers.map((dossier) => ({ dossier })),
        unreadable: page.unreadable,
        tableCount: page.tableCount,
      },
      vietnamNow(),
      tags,
      decisions,
    );
    update({ model, rowsByCode: page.rowsByCode, unmapped });
  }

  /**
   * The synonyms, and the mapping staff saved for this page: the most specific for this address, and
   * only on a portal the extension runs on (lib/portal/column-mappings.ts).
   */
  function readOptions(): ReadOptions {
    const isPortal = (url: string) => isBuiltInPortalUrl(url) || isExtraPortalUrl(url, settings.extraOrigins);
    const mapping = chooseMapping(settings.columnMappings ?? [], location.href, isPortal);
    return { synonyms: settings.headerSynonyms, mapping: readerMapping(mapping) };
  }

  /**
   * Reads the page in time slices (a 2,000-row list read in one go would be one long task on the
   * portal's main thread), then, in the next task, updates the model and sends what is new to the
   * store. A newer read started while one is under way replaces it.
   */
  async function rescan() {
    if (ctx.isInvalid) return;
    const token = ++readToken;
    const options = readOptions();
    const steps = readDossierTablesStepwise(doc, options, ROWS_PER_STEP);
    let sliceEnd = performance.now() + READ_SLICE_MS;
    let step = steps.next();
    while (!step.done) {
      if (performance.now() > sliceEnd) {
        if (!(await nextTask()) || token !== readToken) return;
        sliceEnd = performance.now() + READ_SLICE_MS;
      }
      step = steps.next();
    }
    const tables = step.value;
    watcher?.track(tables.map((table) => table.element));
    const address = location.origin + location.pathname;
    if (address !== listAddress) {
      // Another page of the SPA: its lists are other lists.
      sessions.clear();
      listAddress = address;
    }
    const previous = page.byCode;
    const rowsByCode = new Map<string, Element[]>();
    const unreadable: UnreadableRow[] = [];
    const readByTable = tables.map((table) => {
      unreadable.push(...table.unreadable);
      return table.dossiers.map((read) => {
        // A field the row did not show (a column out of view) keeps what an earlier read of it showed.
        const dossier = boundDossier(completeRead(read.dossier));
        const before = previous.get(dossier.code);
        const rows = rowsByCode.get(dossier.code);
        if (rows) rows.push(read.row);
        else rowsByCode.set(dossier.code, [read.row]);
        return before ? keepShown(before, dossier) : dossier;
      });
    });
    // The list as staff see it: a grid that draws only the rows in view keeps the rows seen so far.
    const byCode = new Map<string, ReadDossier>();
    for (const list of sessions.update(listViews(tables, readByTable))) {
      for (const entry of list) if (!byCode.has(entry.code)) byCode.set(entry.code, entry.item);
    }
    const dossiers = [...byCode.values()];
    page = { dossiers, byCode, unreadable, tableCount: tables.length, rowsByCode };
    // Where no list was read, the tables that look like one (headings, rows with a code or a date) are
    // offered for pointing: a header pass, then a look at a few rows.
    unmapped = tables.length ? [] : unmappedCandidates(doc, options).filter((table) => holdsDossierData(table.element));
    // Building the model of a 2,000-row list in the same task as its read would make one long task on
    // the portal's main thread: the rest runs in the next task.
    if (followUp !== undefined) clearTimeout(followUp);
    followUp = ctx.setTimeout(() => {
      if (token !== readToken) return;
      try {
        recomputeModel();
      } catch (error) {
        // A model that cannot be built must not keep the page's dossiers from being saved.
        console.error('[motcua-phu-luc] panel update failed', error);
      }
      queueStore(dossiers);
    }, 0);
  }

  /**
   * Saves run one after another, each in a task of its own (signatures, the message's copy). While one
   * is pending the frame is told so: a dossier tagged right after the page loads is stored before its tag.
   */
  function queueStore(dossiers: ReadDossier[]) {
    pendingSaves++;
    if (!state.saving) update({ saving: true });
    storing = storing
      .then(nextTask)
      .then(() => store(dossiers))
      .catch((error) => console.error('[motcua-phu-luc] page save failed', error))
      .finally(() => {
        pendingSaves--;
        if (pendingSaves === 0) update({ saving: false });
      });
  }

  /**
   * Sends the page's new reads together with those still unsaved from earlier saves (another page of
   * the list, a save that failed), one upsert per page address and slice. A failure keeps them all for
   * the next try.
   */
  async function store(dossiers: ReadDossier[]) {
    if (ctx.isInvalid) return;
    const fresh = dossiers.filter((dossier) => sent.get(dossier.code) !== readSignature(dossier));
    if (fresh.length) unsaved.add(fresh, location.origin + location.pathname);
    if (unsaved.size === 0) return;
    clearTimeout(resaveTimer);
    resaveTimer = undefined;
    for (const { pageUrl, entries: all } of unsaved.batches()) {
      // The order, and then each message, in a task of its own, apart from the work before it.
      if (!(await nextTask())) return;
      all.sort((a, b) => (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
      for (let start = 0; start < all.length; start += UPSERT_SLICE) {
        if (!(await nextTask())) return;
        const entries = all.slice(start, start + UPSERT_SLICE);
        const slice = entries.map((entry) => entry.item);
        const response = await client.request({ type: 'dossiers/upsert', pageUrl, dossiers: slice });
        if (!response.ok) {
          update({ storeError: response.error.problem, retrying: !ctx.isInvalid });
          scheduleResave();
          return;
        }
        unsaved.confirm(entries);
        for (const dossier of slice) sent.set(dossier.code, readSignature(dossier));
        if (applyAnswer(slice, response)) recomputeModel();
      }
    }
    resaveDelay = RESAVE_FIRST_MS;
    if (state.storeError || state.retrying) update({ storeError: null, retrying: false });
  }

  /** Resolves in a later task; false when the content script was invalidated meanwhile. */
  function nextTask(): Promise<boolean> {
    return new Promise((resolve) => ctx.setTimeout(() => resolve(!ctx.isInvalid), 0));
  }

  /** Tries the unsaved dossiers again later, when no save or reconnect came first. */
  function scheduleResave() {
    if (ctx.isInvalid || resaveTimer !== undefined) return;
    resaveTimer = ctx.setTimeout(() => {
      resaveTimer = undefined;
      if (unsaved.size) queueStore([]);
    }, resaveDelay);
    resaveDelay = Math.min(resaveDelay * 2, RESAVE_MAX_MS);
  }

  /**
   * Keeps the tags and decisions the store answered for the codes sent; true when one changed. The
   * answer holds the stored tag of every code sent: a code without one is untagged now (its tag was
   * removed, or the dossier pruned and stored again).
   */
  function applyAnswer(slice: ReadDossier[], response: Extract<Awaited<ReturnType<typeof client.request<'dossiers/upsert'>>>, { ok: true }>) {
    let changed = false;
    for (const dossier of slice) {
      const tag = response.tags.get(dossier.code);
      if (tag && JSON.stringify(tags.get(dossier.code)) !== JSON.stringify(tag)) {
        tags.set(dossier.code, tag);
        changed = true;
      } else if (!tag && tags.delete(dossier.code)) {
        changed = true;
      }
      if (setDecision(dossier.code, response.decisions.get(dossier.code) ?? null)) changed = true;
    }
    return changed;
  }

  /** Keeps what the store answered of a code's decision; true when it changed. */
  function setDecision(code: string, state: DecisionState | null): boolean {
    const before = decisions.get(code);
    if (state === null) return decisions.delete(code);
    if (before && JSON.stringify(before) === JSON.stringify(state)) return false;
    decisions.set(code, state);
    return true;
  }

  /** Re-reads the tags of the page's dossiers after a change made elsewhere (the frame, another tab). */
  async function refreshTags(codes: string[]) {
    const known = page.byCode;
    const wanted = codes.length ? codes.filter((code) => known.has(code)) : [...known.keys()];
    if (wanted.length === 0 || ctx.isInvalid) return;
    const response = await client.request({ type: 'dossiers/get', codes: wanted });
    if (!response.ok) return;
    const found = new Map(response.dossiers.map((dossier) => [dossier.code, dossier.tag]));
    for (const dossier of response.dossiers) setDecision(dossier.code, decisionStateOf(dossier));
    // A code the answer leaves out is not known to be untagged: the background tells a portal page only
    // about the codes its tab sent, and a restarted service worker has forgotten them (or the dossier
    // was pruned). Those are sent again; the upsert's answer carries their tags.
    const missing = wanted.filter((code) => !found.has(code));
    for (const [code, tag] of found) {
      if (tag) tags.set(code, tag);
      else tags.delete(code);
    }
    recomputeModel();
    if (missing.length) {
      for (const code of missing) sent.delete(code);
      watcher?.poke();
    }
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
      ctx.setTimeout(() => {
        connectChanges();
        void refreshTags([]);
        // What a save could not store while the worker was away goes now, not at the next re-read.
        if (unsaved.size) queueStore([]);
      }, RECONNECT_MS);
    });
  }

  function onSettingsChanged(next: Settings) {
    settings = next;
    sent.clear();
    watcher?.poke();
  }

  return {
    getState: () => state,
    async start() {
      const settingsStore = defineSettings(storage);
      settings = await settingsStore.get();
      const unwatchSettings = settingsStore.watch(onSettingsChanged);
      connectChanges();
      watcher = watchPage(doc, () => void rescan(), {
        timers: { setTimeout: (callback, ms) => ctx.setTimeout(callback, ms), clearTimeout: (id) => clearTimeout(id) },
      });
      // After an update or a reload of the extension this script is orphaned: it must leave the page
      // and the storage events alone.
      ctx.onInvalidated(() => {
        watcher?.stop();
        port?.disconnect();
        unwatchSettings();
      });
      void rescan();
    },
  };
}

export type PageSync = ReturnType<typeof createPageSync>;
