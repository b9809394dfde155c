import { senderKind, type SenderPolicy } from './handler';
import { PAGE_SOURCE_PORT, RELAY_PORTS } from './page-ports';

/**
 * The background's relay of a portal page's state to the panel's frame in the same tab. Two ports meet
 * in the background: the content script of a tab's top frame opens `PAGE_SOURCE_PORT` and posts the
 * page's state; the panel's frame (an extension page in that tab) opens `PANEL_STATE_PORT` and gets the
 * tab's latest state at once, then every later message. Why a relay and not a port between the two:
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

export type PortRole = { role: 'page' | 'panel'; tabId: number };

/**
 * Which end of the relay a port is, or null when the relay refuses it: a page source must be a portal
 * page's content script in a tab's top frame; a panel must be our own panel page shown in a tab.
 */
export function relayRole(name: string, sender: PortSender, policy: SenderPolicy): PortRole | null {
  const tabId = sender.tabId;
  if (tabId === undefined || !RELAY_PORTS.has(name)) return null;
  const kind = senderKind({ id: sender.id, url: sender.url, fromTab: true, tabId }, policy);
  if (name === PAGE_SOURCE_PORT) return kind === 'portal' && sender.frameId === 0 ? { role: 'page', tabId } : null;
  if (kind !== 'extension-page') return null;
  try {
    return new URL(sender.url!).pathname === PANEL_PATH ? { role: 'panel', tabId } : null;
  } catch {
    return null;
  }
}

/** A message from the page: the state (kept for frames that connect later) or anything passed on. */
export interface RelayMessage {
  type: string;
}

interface TabEntry {
  source: RelayPort | null;
  latest: RelayMessage | null;
  panels: Set<RelayPort>;
}

export class PageRelay {
  private readonly tabs = new Map<number, TabEntry>();

  private entry(tabId: number): TabEntry {
    let entry = this.tabs.get(tabId);
    if (!entry) {
      entry = { source: null, latest: null, panels: new Set() };
      this.tabs.set(tabId, entry);
    }
    return entry;
  }

  /** A tab's content script connected; a newer one (the page was reloaded) replaces the old. */
  addSource(tabId: number, port: RelayPort) {
    const entry = this.entry(tabId);
    entry.source = port;
    entry.latest = null;
  }

  /** A message from a tab's current content script: kept when it is the page's state, sent to its panels. */
  fromSource(tabId: number, port: RelayPort, message: RelayMessage) {
    const entry = this.tabs.get(tabId);
    if (!entry || entry.source !== port) return;
    if (message.type === 'page') entry.latest = message;
    for (const panel of entry.panels) this.post(entry, panel, message);
  }

  /** A tab's content script went away: its state is forgotten (its panels stay until they go). */
  removeSource(tabId: number, port: RelayPort) {
    const entry = this.tabs.get(tabId);
    if (!entry || entry.source !== port) return;
    entry.source = null;
    entry.latest = null;
    this.prune(tabId, entry);
  }

  /** A panel frame connected: it gets the tab's latest state at once. */
  addPanel(tabId: number, port: RelayPort) {
    const entry = this.entry(tabId);
    entry.panels.add(port);
    if (entry.latest) this.post(entry, port, entry.latest);
  }

  /**
   * A message from a tab's panel to its content script (pointing at a column: which candidate to
   * highlight). Only from a panel the relay holds for that tab; dropped while the tab has no source.
   */
  fromPanel(tabId: number, port: RelayPort, message: RelayMessage) {
    const entry = this.tabs.get(tabId);
    if (!entry?.source || !entry.panels.has(port)) return;
    try {
      entry.source.postMessage(message);
    } catch {
      // The content script went away; its disconnect removes it.
    }
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

  private post(entry: TabEntry, panel: RelayPort, message: RelayMessage) {
    try {
      panel.postMessage(message);
    } catch {
      entry.panels.delete(panel);
    }
  }

  private prune(tabId: number, entry: TabEntry) {
    if (!entry.source && entry.panels.size === 0) this.tabs.delete(tabId);
  }
}
