import { browser } from 'wxt/browser';
import { isBuiltInPortalUrl } from '@/lib/portal/hosts';
import { EXTRA_PORTALS_SCRIPT_ID, isExtraPortalUrl } from '@/lib/portal/extra-portals';

/**
 * Extra portals: the granted host permissions are the one source of truth. The content script is
 * registered on every granted origin by `webext-dynamic-content-scripts` (imported for its effect in
 * index.ts); this module only tells the message policy which pages are portals, from the same grants.
 *
 * Why the library rather than the registration this extension wrote by hand (one script id re-registered
 * from the settings' list on every permission or settings event), judged on the same grants:
 * - it registers and unregisters per origin as permissions are added or removed, with nothing to keep
 *   in step with the settings: an origin revoked in the browser's own UI stops at once;
 * - it also injects the content script into the tabs already open on a newly granted origin (by hand,
 *   staff had to reload the portal);
 * - it reads the content scripts from the manifest, so a change of the content entrypoint needs no edit
 *   here;
 * - measured cost: background.js 221,592 → 231,698 bytes (+10 KB, +3.5 KB gzip) in the Chromium build,
 *   parsed once per service-worker start; nothing is added to the portal pages' scripts.
 * It depends on WXT's "content-script-started" handshake to stop the older copy where it injects into a
 * tab that already runs the script (after an update, say), as a reload of the extension does.
 * What it does not do: after a service-worker restart it forgets which scripts it registered, so an
 * origin revoked then keeps a registration; Chromium and Firefox inject nothing without the host
 * permission, so that registration is inert.
 */

/** The origins (`https://host`) of the granted host permissions that are not built-in portals. */
export async function grantedPortalOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const result: string[] = [];
  for (const pattern of origins) {
    // Only exact hosts count as portals; a wildcard grant ("on all sites") does not make every page one.
    const match = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
    if (match?.[1] && !isBuiltInPortalUrl(`${match[1]}/`)) result.push(match[1]);
  }
  return result;
}

/** Whether a URL is a portal page, from the built-in hosts and the grants (kept current). */
export function createPortalMatcher() {
  let origins: string[] = [];
  let loaded: Promise<void> = Promise.resolve();
  const refresh = () => {
    loaded = grantedPortalOrigins()
      .then((next) => {
        origins = next;
      })
      .catch((error) => console.error('[motcua-phu-luc] extra portals', error));
    return loaded;
  };
  void refresh();
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
  return {
    /** Resolves once the latest grants are read. */
    ready: () => loaded,
    isPortalUrl: (url: string) => isBuiltInPortalUrl(url) || isExtraPortalUrl(url, origins),
  };
}

/**
 * The hand-made registration of earlier versions persists across sessions under its own id; the
 * library registers its own, so the old one is dropped once (else the script would run twice there).
 */
export async function dropLegacyRegistration(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_PORTALS_SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_PORTALS_SCRIPT_ID] });
}
