/**
 * Tells when the dossier list may have changed, without polling and without work per mutation: the
 * observer callbacks only (re)arm a timer, and the re-read runs once the DOM has been quiet for
 * `quietMs` (or `maxWaitMs` after the first change, so a page that never settles is still followed).
 *
 * While no list is known, the whole body is watched (a list can appear late, after an SPA route change).
 * Once lists are known, the watch is scoped to them; the body observer then only checks, once per batch,
 * whether a known list left the document.
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
  const bodyObserver = new MutationObserver((records) => {
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
  });
  bodyObserver.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });

  return {
    track(lists) {
      const same = lists.length === tracked.length && lists.every((list, index) => list === tracked[index]);
      if (same) return;
      listObserver.disconnect();
      tracked = lists;
      for (const list of lists) listObserver.observe(list, { childList: true, subtree: true, characterData: true });
    },
    poke: schedule,
    stop() {
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      listObserver.disconnect();
      bodyObserver.disconnect();
    },
  };
}
