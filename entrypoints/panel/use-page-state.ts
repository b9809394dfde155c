import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { PANEL_STATE_PORT } from '@/lib/messaging/page-ports';
import { parseFrameMessage, type PageState } from './page-state';
import type { PanelToPage } from '@/lib/messaging/pointing';

/** A port that closes (the background stopped, or refused it) is opened again this much later… */
const RECONNECT_MS = 300;
/** …at most this many times in a row; a message, or a port that stayed open this long, resets the count. */
const MAX_RECONNECTS = 20;
const STABLE_MS = 5_000;

/**
 * The page's state, from the content script of the tab this frame is shown in, relayed by the
 * background (page-state.ts says why). The background pairs the port with the content script of this
 * frame's own tab, by the tab the browser names as this port's sender: neither the portal page nor
 * another tab can answer it. Every message is parsed before use.
 */
export function usePageState() {
  const [page, setPage] = useState<PageState | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const saved = useRef<{ saving: boolean; waiters: (() => void)[] }>({ saving: true, waiters: [] });
  const portRef = useRef<Runtime.Port | null>(null);

  useEffect(() => {
    let port: Runtime.Port | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let closed = false;
    function connect() {
      if (closed) return;
      port = browser.runtime.connect({ name: PANEL_STATE_PORT }) as Runtime.Port;
      portRef.current = port;
      const since = Date.now();
      port.onMessage.addListener((raw: unknown) => {
        attempts = 0;
        const message = parseFrameMessage(raw);
        if (!message) return;
        if (message.type === 'focus') {
          setFocusRequest((value) => value + 1);
          return;
        }
        saved.current.saving = message.saving;
        if (!message.saving) for (const resolve of saved.current.waiters.splice(0)) resolve();
        setPage(message);
      });
      port.onDisconnect.addListener(() => {
        port = null;
        portRef.current = null;
        if (Date.now() - since >= STABLE_MS) attempts = 0;
        if (!closed && attempts++ < MAX_RECONNECTS) timer = setTimeout(connect, RECONNECT_MS);
      });
    }
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, []);

  const bumpFocus = useCallback(() => setFocusRequest((value) => value + 1), []);
  /** Resolves once what the page shows is in the store (a tag of a dossier not yet stored would fail). */
  const whenSaved = useCallback(
    () => (saved.current.saving ? new Promise<void>((resolve) => saved.current.waiters.push(resolve)) : Promise.resolve()),
    [],
  );
  /** Asks the page (through the background) to point at a candidate's headings, or to stop. */
  const send = useCallback((message: PanelToPage) => {
    try {
      portRef.current?.postMessage(message);
    } catch {
      // The port closed; it reconnects, and staff press again.
    }
  }, []);
  return { page, focusRequest, bumpFocus, whenSaved, send };
}
