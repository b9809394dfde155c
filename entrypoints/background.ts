import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { openDossierDatabase, type DossierDatabase } from '@/lib/db';
import { isBuiltInPortalUrl } from '@/lib/portal-hosts';
import { CHANGES_PORT, type ChangeEvent } from '@/lib/protocol';
import { handleRequest, type SenderPolicy } from '@/lib/request-handler';
import { readSettings, SETTINGS_STORAGE_KEY } from '@/lib/settings';

/**
 * The background owns the dossier database (in the extension's origin) and answers the typed protocol of
 * lib/protocol.ts. It is thin: validation and the store logic live in lib/.
 */
export default defineBackground(() => {
  let db: DossierDatabase | null = null;
  let databaseError: string | null = null;
  const ready = (async () => {
    try {
      const opened = openDossierDatabase();
      await opened.open();
      db = opened;
    } catch (error) {
      databaseError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error('[motcua-phu-luc] database could not be opened', error);
    }
  })();

  const changePorts = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CHANGES_PORT || port.sender?.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    changePorts.add(port);
    port.onDisconnect.addListener(() => changePorts.delete(port));
  });

  function broadcast(codes: string[]) {
    const event: ChangeEvent = { type: 'changed', codes };
    for (const port of changePorts) {
      try {
        port.postMessage(event);
      } catch {
        changePorts.delete(port);
      }
    }
  }

  async function settings() {
    const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
    return readSettings(stored[SETTINGS_STORAGE_KEY]);
  }

  const extensionOrigin = browser.runtime.getURL('/');
  const policy = (extraOrigins: string[]): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin,
    isPortalUrl: (url) => isBuiltInPortalUrl(url) || extraOrigins.some((origin) => url.startsWith(`${origin}/`)),
  });

  browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
    await ready;
    const current = await settings();
    return handleRequest(
      message,
      { id: sender.id, url: sender.url, fromTab: sender.tab !== undefined },
      policy(current.extraOrigins),
      {
        db,
        databaseError,
        staffName: async () => current.staffName,
        now: () => Date.now(),
        onChanged: broadcast,
      },
    );
  });
});
