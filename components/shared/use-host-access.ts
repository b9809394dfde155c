import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { BUILT_IN_PORTAL_MATCHES } from '@/lib/portal/hosts';

/**
 * Whether the browser lets the extension run on the built-in portals. Chromium grants a manifest's host
 * permissions at install; Firefox may withhold them under Manifest V3 until the user allows them (or
 * the user may take them back in about:addons), and then the content script silently never runs. The
 * popup and the options page read this, say so, and ask (docs/architecture.md, "Firefox").
 */
export type HostAccess = 'checking' | 'granted' | 'missing';

/** `refused` is true after the user declined the request; `justGranted` after the notice's own grant. */
export function useHostAccess() {
  const [access, setAccess] = useState<HostAccess>('checking');
  const [refused, setRefused] = useState(false);
  const [justGranted, setJustGranted] = useState(false);

  useEffect(() => {
    let alive = true;
    const check = () => {
      browser.permissions.contains({ origins: BUILT_IN_PORTAL_MATCHES }).then(
        (granted) => alive && setAccess(granted ? 'granted' : 'missing'),
        // A browser that cannot answer has no way to grant either: nothing to ask.
        () => alive && setAccess('granted'),
      );
    };
    check();
    // Granted or taken back elsewhere (about:addons, another page): follow it.
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      alive = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  /**
   * Asks for the portals' host permissions. Call it straight from the click handler: Firefox only asks
   * within the user's gesture, and the gesture is lost after any await.
   */
  function request() {
    void browser.permissions.request({ origins: BUILT_IN_PORTAL_MATCHES }).then(
      (granted) => {
        setRefused(!granted);
        setJustGranted(granted);
        setAccess(granted ? 'granted' : 'missing');
      },
      () => setRefused(true),
    );
  }

  return { access, refused, justGranted, request };
}
