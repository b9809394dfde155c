import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import type { DossierDatabase } from '@/lib/store/db';
import type { Settings } from '@/lib/settings/settings';
import { CHANGES_PORT, type ChangeEvent, type ChangeKind } from '@/lib/messaging/protocol';
import { handleRequest, type SenderPolicy } from '@/lib/messaging/handler';
import type { MappingStore } from '@/lib/messaging/requests';
import { TabCodes } from '@/lib/messaging/tab-codes';
import { RELAY_PORTS } from '@/lib/messaging/page-ports';

/** Extension pages that may be served at a per-session address (`use_dynamic_url`). */
export const DYNAMIC_PAGES = ['/panel.html'];

export interface MessagesDeps {
  /** Resolves once the database is open (or failed to open). */
  database: () => Promise<{ db: DossierDatabase | null; databaseError: string | null }>;
  settings: () => Promise<Settings>;
  isPortalUrl: (url: string) => boolean;
  /** Called after every write (the badge recounts). */
  onWrite: () => void;
  /** The saved column mappings (settings), for the panel's saves and for backups. */
  mappings?: MappingStore;
}

/**
 * The background's side of the protocol: answers requests (lib/messaging/requests.ts) and broadcasts
 * what changed on the `changes` port to every open extension page and content script.
 */
export function startMessages(deps: MessagesDeps) {
  const changePorts = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    // The page-state relay (page-relay.ts) listens for its own ports.
    if (RELAY_PORTS.has(port.name)) return;
    if (port.name !== CHANGES_PORT || port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    changePorts.add(port);
    port.onDisconnect.addListener(() => changePorts.delete(port));
  });

  function broadcast(codes: string[], kind: ChangeKind) {
    deps.onWrite();
    const event: ChangeEvent = { type: 'changed', kind, codes };
    for (const port of changePorts) {
      try {
        port.postMessage(event);
      } catch {
        changePorts.delete(port);
      }
    }
  }

  const tabCodes = new TabCodes();
  browser.tabs.onRemoved.addListener((tabId) => tabCodes.forget(tabId));

  const policy: SenderPolicy = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    isPortalUrl: deps.isPortalUrl,
    dynamicPages: DYNAMIC_PAGES,
  };

  browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
    const tabId = sender.tab?.id;
    const { db, databaseError } = await deps.database();
    return handleRequest(message, { id: sender.id, url: sender.url, fromTab: sender.tab !== undefined, tabId }, policy, {
      db,
      databaseError,
      // Read from storage only by the requests that sign a decision: a page's saves come in messages of
      // a thousand dossiers each, and need no settings.
      staffName: async () => (await deps.settings()).staffName,
      now: () => Date.now(),
      onChanged: broadcast,
      tabCodes,
      mappings: deps.mappings,
    });
  });

  return { broadcast, policy };
}
