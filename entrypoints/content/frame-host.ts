import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PAGE_SOURCE_PORT } from '@/lib/messaging/page-ports';
import type { FrameMessage } from '../panel/page-state';
import { PANEL_WIDTH_PX, setPageDocked } from './row-markers';

/**
 * Hosts the panel's frame on the portal page: an `<iframe>` of the extension's own page (panel.html),
 * so that everything the user sees, presses and types in the panel lives in the extension's origin,
 * where the portal's scripts can neither read it, click it nor listen to its keys. This module only
 * adds the frame, sizes it (the collapsed toggle, or the side panel the page is docked beside), puts it
 * back if the page removes it, and posts the page's state to the background, which relays it to the
 * frame (entrypoints/panel/page-state.ts says why the state takes that way).
 */

/** The collapsed frame: just the toggle, on the right edge, vertically centred. */
const CLOSED_SIZE = { width: 44, height: 172 };
/** A page that keeps removing the frame gets it back at most this often (each re-mount loads a page). */
const REMOUNT_MIN_INTERVAL_MS = 500;
/** A port to the background that closes (the worker stopped) is opened again this much later… */
const RECONNECT_MS = 300;
/** …at most this many times in a row; a port that stayed open this long resets the count. */
const MAX_RECONNECTS = 20;
const STABLE_MS = 5_000;

const FRAME_STYLE: Record<string, string> = {
  position: 'fixed',
  right: '0',
  left: 'auto',
  bottom: 'auto',
  margin: '0',
  padding: '0',
  border: '0',
  'z-index': '2147483646',
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  'max-width': 'none',
  'max-height': 'none',
  'min-width': '0',
  'min-height': '0',
  background: 'transparent',
  // The panel's page is light; a frame whose scheme differs from its element's gets an opaque canvas.
  'color-scheme': 'light',
  'box-shadow': 'none',
  'pointer-events': 'auto',
};

export interface FrameHostOptions {
  /**
   * False in a frame inside the portal page: it only posts its list's state; the top page's panel shows
   * it (the background joins the frames' lists), and no second panel is added inside the frame.
   */
  mount: boolean;
  /** The background tells the top frame how many lists the frames inside it show. */
  onFrameLists?: (lists: number) => void;
}

/** The background's word on the tab's frames, checked before it is believed. */
function frameLists(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, lists } = raw as { type?: unknown; lists?: unknown };
  return type === 'frames' && typeof lists === 'number' && Number.isInteger(lists) && lists >= 0 ? lists : null;
}

/** Over 80 lines as one closure: the frame, its size, its re-mount and its ports share one state. */
export function createFrameHost(ctx: ContentScriptContext, doc: Document, options: FrameHostOptions = { mount: true }) {
  let frame: HTMLIFrameElement | null = null;
  let wanted = false;
  let open = false;
  let docked = false;
  let lastRemount = 0;
  let remountTimer: number | undefined;
  let latest: FrameMessage | null = null;
  let port: Runtime.Port | null = null;
  let reconnects = 0;
  let invalidated = false;

  // The page cannot see the frame's address as a fixed fingerprint: where the browser supports it the
  // resource is web-accessible only under a per-session address (`use_dynamic_url`, wxt.config.ts).
  const src = browser.runtime.getURL('/panel.html');

  const observer = new MutationObserver(() => {
    if (!wanted || !frame || frame.isConnected || remountTimer !== undefined) return;
    const wait = Math.max(0, lastRemount + REMOUNT_MIN_INTERVAL_MS - Date.now());
    remountTimer = ctx.setTimeout(() => {
      remountTimer = undefined;
      if (wanted && frame && !frame.isConnected) attach();
    }, wait);
  });

  function style(element: HTMLIFrameElement) {
    const size = open
      ? { top: '0', height: '100%', width: `${PANEL_WIDTH_PX}px`, transform: 'none' }
      : { top: '50%', height: `${CLOSED_SIZE.height}px`, width: `${CLOSED_SIZE.width}px`, transform: 'translateY(-50%)' };
    // Inline and important, so the portal's own stylesheets cannot move, hide or resize the frame.
    for (const [name, value] of Object.entries({ ...FRAME_STYLE, ...size })) element.style.setProperty(name, value, 'important');
  }

  function attach() {
    lastRemount = Date.now();
    if (!frame) {
      frame = doc.createElement('iframe');
      frame.src = src;
      frame.title = browser.i18n.getMessage('extName');
      frame.setAttribute('data-mcpl-panel', '');
      style(frame);
    }
    // A child of <html>, not of <body>: portals that re-render their body keep the frame.
    doc.documentElement.append(frame);
    observer.observe(doc.documentElement, { childList: true });
    observer.observe(doc, { childList: true });
  }

  function dock() {
    const next = wanted && open;
    if (next !== docked) {
      docked = next;
      setPageDocked(doc, docked);
    }
  }

  function post(message: FrameMessage) {
    const fresh = !port && connect();
    try {
      // A new port starts with the latest state: a restarted worker has forgotten it.
      if (fresh && latest && latest !== message) port?.postMessage(latest);
      port?.postMessage(message);
    } catch {
      // The port closed under us: its disconnect event opens another and posts the latest state.
    }
  }

  /** Opens the port to the background; true if it opened. */
  function connect(): boolean {
    if (invalidated) return false;
    let opened: Runtime.Port;
    try {
      opened = browser.runtime.connect({ name: PAGE_SOURCE_PORT }) as Runtime.Port;
    } catch {
      return false;
    }
    port = opened;
    const since = Date.now();
    opened.onMessage.addListener((raw: unknown) => {
      const lists = frameLists(raw);
      if (lists !== null) options.onFrameLists?.(lists);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      if (Date.now() - since >= STABLE_MS) reconnects = 0;
      if (invalidated || reconnects++ >= MAX_RECONNECTS) return;
      ctx.setTimeout(() => {
        if (!port && latest) post(latest);
      }, RECONNECT_MS);
    });
    return true;
  }

  ctx.onInvalidated(() => {
    invalidated = true;
    observer.disconnect();
    port?.disconnect();
    port = null;
    frame?.remove();
    if (docked) setPageDocked(doc, false);
  });

  return {
    /** Shows the frame while the page shows a dossier list, removes it otherwise. */
    setWanted(next: boolean) {
      if (next === wanted || !options.mount) return;
      wanted = next;
      if (wanted) attach();
      else {
        observer.disconnect();
        frame?.remove();
      }
      dock();
    },
    setOpen(next: boolean) {
      open = next;
      if (frame) style(frame);
      dock();
    },
    /** The page's state for the frame; kept for a frame that connects later (a re-mount, a reload). */
    send(message: FrameMessage) {
      if (message.type === 'page') latest = message;
      post(message);
    },
    /** Moves the keyboard focus into the frame, which then focuses its filter or its toggle. */
    focus() {
      if (!frame?.isConnected) return;
      frame.focus();
      post({ type: 'focus' });
    },
  };
}
