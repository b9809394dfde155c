import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PAGE_STATE_PORT, parseFrameMessage, type PageState } from './page-state';

/** A port that does not open (the content script not ready yet) is tried again this much later. */
const RECONNECT_MS = 300;
const MAX_RECONNECTS = 20;

/**
 * The page's state, from the content script of the tab this frame is shown in. The frame opens the
 * port itself, to frame 0 of its own tab (`tabs.connect`), so the other end can only be this
 * extension's content script in the top frame of that tab: neither the portal page nor another tab can
 * answer it. Every message is parsed before use.
 */
export function usePageState() {
  const [page, setPage] = useState<PageState | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const saved = useRef<{ saving: boolean; waiters: (() => void)[] }>({ saving: true, waiters: [] });

  useEffect(() => {
    let port: ReturnType<typeof browser.tabs.connect> | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let closed = false;
    async function connect() {
      const tab = await browser.tabs.getCurrent();
      if (closed || tab?.id === undefined) return;
      port = browser.tabs.connect(tab.id, { frameId: 0, name: PAGE_STATE_PORT });
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
        if (!closed && attempts++ < MAX_RECONNECTS) timer = setTimeout(() => void connect(), RECONNECT_MS);
      });
    }
    void connect();
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
  return { page, focusRequest, bumpFocus, whenSaved };
}
