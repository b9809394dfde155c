import { senderKind, type SenderPolicy } from './handler';
import { PAGE_SOURCE_PORT, RELAY_PORTS } from './page-ports';

/**
 * The background's relay of a portal page's state to the panel's frame in the same tab. Two ports meet
 * in the background: the content script of each frame of a portal tab opens `PAGE_SOURCE_PORT` and posts
 * its frame's state; the panel's frame (an extension page in that tab, added by the top frame only)
 * opens `PANEL_STATE_PORT` and gets the tab's latest state at once, then every later one: the top
 * frame's state joined with those of the frames inside it that share its origin. Why a relay and not a port between the two:
 * docs/architecture.md (Firefox gives an extension frame in a web page no `tabs` API, and delivers no
 * content script's port to it).
 *
 * Kept free of browser APIs: ports are anything that can post and disconnect; the caller parses
 * messages before they reach the relay.
 */

/** The panel's page, the only extension page that may read a tab's page state. */
const PANEL_PATH = '/panel.html';

export interface RelayPort {
  postMessage(message: unknown): void;
  disconnect(): void;
}

export interface PortSender {
  id?: string;
  url?: string;
  tabId?: number;
  frameId?: number;
}

export type PortRole = { role: 'page'; tabId: number; frameId: number; origin: string } | { role: 'panel'; tabId: number };

/**
 * Which end of the relay a port is, or null when the relay refuses it: a page source must be a portal
 * page's content script in a frame of a tab (the top frame, or a frame inside it whose list the top
 * page's panel shows); a panel must be our own panel page shown in a tab.
 */
export function relayRole(name: string, sender: PortSender, policy: SenderPolicy): PortRole | null {
  const tabId = sender.tabId;
  if (tabId === undefined || !RELAY_PORTS.has(name)) return null;
  const kind = senderKind({ id: sender.id, url: sender.url, fromTab: true, tabId }, policy);
  let url: URL;
  try {
    url = new URL(sender.url!);
  } catch {
    return null;
  }
  if (name === PAGE_SOURCE_PORT) {
    const frameId = sender.frameId;
    if (kind !== 'portal' || frameId === undefined || !Number.isInteger(frameId) || frameId < 0) return null;
    return { role: 'page', tabId, frameId, origin: url.origin };
  }
  if (kind !== 'extension-page') return null;
  return url.pathname === PANEL_PATH ? { role: 'panel', tabId } : null;
}

/** A message from the page: the state (kept for frames that connect later) or anything passed on. */
export interface RelayMessage {
  type: string;
}

/** What the relay needs to know of a page's state, given by the caller (it keeps no model of its own). */
export interface PageStates {
  /** One state for the panel from the states of the tab's frames, the top frame's first. */
  combine(states: RelayMessage[]): RelayMessage;
  /** How many lists a state shows (the top frame is told how many its frames show, to host the panel). */
  lists(state: RelayMessage): number;
}

/** Without a caller's rule: the top frame's state alone. */
const TOP_ONLY: PageStates = { combine: (states) => states[0]!, lists: () => 0 };

/** The message the relay sends the top frame's source: how many lists the tab's other frames show. */
export interface FramesMessage {
  type: 'frames';
  lists: number;
}

interface Source {
  port: RelayPort;
  origin: string;
  latest: RelayMessage | null;
}

interface TabEntry {
  /** By frame id; 0 is the top frame. */
  sources: Map<number, Source>;
  panels: Set<RelayPort>;
  /** What the top frame was last told of its frames' lists (-1: nothing yet). */
  toldLists: number;
}

/**
 * Over 80 lines as one class: each method is one event of a port, on the one per-tab table they share.
 * A tab's panel shows the top frame's list and the lists of the frames inside it that have the top
 * frame's origin; a frame of another origin, or frames without a portal top frame, reach no panel.
 */
export class PageRelay {
  private readonly tabs = new Map<number, TabEntry>();

  constructor(private readonly states: PageStates = TOP_ONLY) {}

  private entry(tabId: number): TabEntry {
    let entry = this.tabs.get(tabId);
    if (!entry) {
      entry = { sources: new Map(), panels: new Set(), toldLists: -1 };
      this.tabs.set(tabId, entry);
    }
    return entry;
  }

  /** A frame's content script connected; a newer one (the frame was reloaded) replaces the old. */
  addSource(tabId: number, frameId: number, origin: string, port: RelayPort) {
    const entry = this.entry(tabId);
    entry.sources.set(frameId, { port, origin, latest: null });
    // A new top frame is told on its first state, even that its frames show no list.
    if (frameId === 0) entry.toldLists = -1;
    else this.publish(entry);
  }

  /** A message from a frame's current content script: its state is kept and the tab's panels get the union. */
  fromSource(tabId: number, frameId: number, port: RelayPort, message: RelayMessage) {
    const source = this.tabs.get(tabId)?.sources.get(frameId);
    if (!source || source.port !== port) return;
    const entry = this.tabs.get(tabId)!;
    if (message.type === 'page') {
      source.latest = message;
      this.publish(entry);
    } else if (frameId === 0) {
      // Anything else (the shortcut's focus) is the top frame's to say.
      for (const panel of entry.panels) this.post(entry, panel, message);
    }
  }

  /** A frame's content script went away: its state is forgotten (the panels stay until they go). */
  removeSource(tabId: number, frameId: number, port: RelayPort) {
    const entry = this.tabs.get(tabId);
    if (!entry || entry.sources.get(frameId)?.port !== port) return;
    entry.sources.delete(frameId);
    if (frameId !== 0) this.publish(entry);
    this.prune(tabId, entry);
  }

  /** A panel frame connected: it gets the tab's latest state at once. */
  addPanel(tabId: number, port: RelayPort) {
    const entry = this.entry(tabId);
    entry.panels.add(port);
    const state = this.union(entry);
    if (state) this.post(entry, port, state);
  }

  removePanel(tabId: number, port: RelayPort) {
    const entry = this.tabs.get(tabId);
    if (!entry) return;
    entry.panels.delete(port);
    this.prune(tabId, entry);
  }

  /** The tab was closed. */
  forget(tabId: number) {
    this.tabs.delete(tabId);
  }

  /** How many tabs the relay holds anything for (for tests: nothing may outlive its tab). */
  get size() {
    return this.tabs.size;
  }

  /** The states of the frames the top frame's panel shows: the top frame's first, then its same-origin frames. */
  private shown(entry: TabEntry): RelayMessage[] {
    const top = entry.sources.get(0);
    if (!top?.latest) return [];
    const states = [top.latest];
    const frames = [...entry.sources].filter(([frameId, source]) => frameId !== 0 && source.latest && source.origin === top.origin);
    frames.sort(([a], [b]) => a - b);
    for (const [, source] of frames) states.push(source.latest!);
    return states;
  }

  private union(entry: TabEntry): RelayMessage | null {
    const states = this.shown(entry);
    return states.length ? this.states.combine(states) : null;
  }

  /** Sends the panels the union, and tells the top frame how many lists its frames show when that changed. */
  private publish(entry: TabEntry) {
    const states = this.shown(entry);
    if (states.length === 0) return;
    const state = this.states.combine(states);
    for (const panel of entry.panels) this.post(entry, panel, state);
    const lists = states.slice(1).reduce((sum, frame) => sum + this.states.lists(frame), 0);
    const top = entry.sources.get(0);
    if (top && lists !== entry.toldLists) {
      entry.toldLists = lists;
      try {
        top.port.postMessage({ type: 'frames', lists } satisfies FramesMessage);
      } catch {
        // The top frame's port closed: its disconnect removes it.
      }
    }
  }

  private post(entry: TabEntry, panel: RelayPort, message: RelayMessage) {
    try {
      panel.postMessage(message);
    } catch {
      entry.panels.delete(panel);
    }
  }

  private prune(tabId: number, entry: TabEntry) {
    if (entry.sources.size === 0 && entry.panels.size === 0) this.tabs.delete(tabId);
  }
}
