/**
 * Tells when the dossier list may have changed, without polling and without work per mutation: the
 * observer callbacks only (re)arm a timer, and the re-read runs once the DOM has been quiet for
 * `quietMs` (or `maxWaitMs` after the first change, so a page that never settles is still followed).
 *
 * While no list is known, the whole body is watched (a list can appear late, after an SPA route change).
 * Once lists are known, the watch is scoped to them; the body observer then only checks, once per batch,
 * whether a known list left the document. A list read inside an open shadow root is out of the body
 * observer's sight (mutations do not cross a shadow boundary): each shadow root holding a known list is
 * observed the same way, and no longer once it holds none.
 */
export interface PageWatcher {
  /** Scope the detailed watch to these list elements (the tables just read). */
  track(lists: Element[]): void;
  /** Ask for a re-read soon (e.g. after settings changed). */
  poke(): void;
  stop(): void;
}

const LIST_SELECTOR = 'table, [role="table"], [role="grid"]';

function addsList(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.matches(LIST_SELECTOR) || element.querySelector(LIST_SELECTOR)) return true;
  }
  return false;
}

/** The timers the watcher uses: in the content script WXT's `ctx.setTimeout`, which never fires once the script is invalidated. */
export interface WatcherTimers {
  setTimeout: (callback: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
}

const GLOBAL_TIMERS: WatcherTimers = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (id) => window.clearTimeout(id),
};

export function watchPage(
  doc: Document,
  onSettled: () => void,
  { quietMs = 150, maxWaitMs = 600, timers = GLOBAL_TIMERS }: { quietMs?: number; maxWaitMs?: number; timers?: WatcherTimers } = {},
): PageWatcher {
  const { setTimeout, clearTimeout } = timers;
  let quietTimer: number | undefined;
  let maxTimer: number | undefined;
  let tracked: Element[] = [];

  function fire() {
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    onSettled();
  }

  function schedule() {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(fire, quietMs);
    if (maxTimer === undefined) maxTimer = setTimeout(fire, maxWaitMs);
  }

  const listObserver = new MutationObserver(schedule);
  const onOutsideLists = (records: MutationRecord[]) => {
    // Unscoped: anything may be a list appearing. Scoped: only a known list leaving the page, or a new
    // list being added, matters here; changes inside the known lists reach listObserver. Hover
    // ripples, tooltips and clocks elsewhere on the portal cost one cheap check per batch.
    if (tracked.length === 0 || tracked.some((list) => !list.isConnected)) {
      schedule();
      return;
    }
    // Rows rewritten inside a known list are that list's own business (listObserver). A portal
    // re-rendering its list adds one record per row with the same target: decide that once per target.
    let insideTarget: Node | null = null;
    for (const record of records) {
      if (record.target === insideTarget) continue;
      if (tracked.some((list) => list.contains(record.target))) {
        insideTarget = record.target;
        continue;
      }
      if (addsList(record)) {
        schedule();
        return;
      }
    }
  };
  const OUTSIDE_OPTIONS: MutationObserverInit = { childList: true, subtree: true };
  const bodyObserver = new MutationObserver(onOutsideLists);
  bodyObserver.observe(doc.body ?? doc.documentElement, OUTSIDE_OPTIONS);
  // One observer for every shadow root holding a known list: an observer cannot drop one target, so it
  // is disconnected and given the current roots whenever they change.
  const shadowObserver = new MutationObserver(onOutsideLists);
  let shadowRoots: ShadowRoot[] = [];

  function observeShadowRoots(lists: Element[]) {
    const roots: ShadowRoot[] = [];
    for (const list of lists) {
      // The list's root, and the roots around its host when shadow roots nest (a host leaving an outer
      // root takes the list with it). `instanceof` would miss a root of another realm (a frame's): the
      // node type and `host` tell a shadow root.
      for (let root = list.getRootNode(); root.nodeType === 11 && 'host' in root; root = (root as ShadowRoot).host.getRootNode()) {
        if (!roots.includes(root as ShadowRoot)) roots.push(root as ShadowRoot);
      }
    }
    if (roots.length === shadowRoots.length && roots.every((root) => shadowRoots.includes(root))) return;
    shadowObserver.disconnect();
    shadowRoots = roots;
    for (const root of roots) shadowObserver.observe(root, OUTSIDE_OPTIONS);
  }

  return {
    track(lists) {
      const same = lists.length === tracked.length && lists.every((list, index) => list === tracked[index]);
      if (same) return;
      listObserver.disconnect();
      tracked = lists;
      for (const list of lists) listObserver.observe(list, { childList: true, subtree: true, characterData: true });
      observeShadowRoots(lists);
    },
    poke: schedule,
    stop() {
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      listObserver.disconnect();
      bodyObserver.disconnect();
      shadowObserver.disconnect();
    },
  };
}
