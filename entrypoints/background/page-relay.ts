import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { PageRelay, relayRole } from '@/lib/messaging/page-relay';
import { RELAY_PORTS } from '@/lib/messaging/page-ports';
import type { SenderPolicy } from '@/lib/messaging/handler';
import { combinePageStates, parseFrameMessage, type PageState } from '../panel/page-state';

export interface PageRelayDeps {
  policy: SenderPolicy;
  /** Resolves once `policy.isPortalUrl` knows the granted portals (a restarted worker reloads them). */
  ready: () => Promise<void>;
}

/**
 * Wires lib/messaging/page-relay.ts to the browser: the page-state ports of a tab's frames and the panel
 * frame's port meet here, keyed by tab and frame id. Ports of other names are left to their own listener; a relay port from a
 * sender the relay refuses is closed. Messages that come while the sender is being checked are kept
 * and handled in order once it is accepted.
 */
export function startPageRelay(deps: PageRelayDeps) {
  const relay = new PageRelay({
    // Only parsed page states are ever kept (below), so each is a PageState.
    combine: (states) => combinePageStates(states as PageState[]),
    lists: (state) => (state as PageState).model.tableCount,
  });
  browser.tabs.onRemoved.addListener((tabId) => relay.forget(tabId));

  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (!RELAY_PORTS.has(port.name)) return;
    let accept: ((raw: unknown) => void) | null = null;
    const early: unknown[] = [];
    port.onMessage.addListener((raw: unknown) => (accept ? accept(raw) : early.push(raw)));
    let gone = false;
    port.onDisconnect.addListener(() => void (gone = true));

    void deps.ready().then(() => {
      const sender = port.sender;
      const role = relayRole(port.name, { id: sender?.id, url: sender?.url, tabId: sender?.tab?.id, frameId: sender?.frameId }, deps.policy);
      if (gone) return;
      if (!role) {
        port.disconnect();
        return;
      }
      const { tabId } = role;
      if (role.role === 'panel') {
        relay.addPanel(tabId, port);
        port.onDisconnect.addListener(() => relay.removePanel(tabId, port));
        accept = () => {};
        return;
      }
      const { frameId, origin } = role;
      relay.addSource(tabId, frameId, origin, port);
      port.onDisconnect.addListener(() => relay.removeSource(tabId, frameId, port));
      accept = (raw) => {
        const message = parseFrameMessage(raw);
        if (message) relay.fromSource(tabId, frameId, port, message);
      };
      for (const raw of early.splice(0)) accept(raw);
    });
  });

  return relay;
}
