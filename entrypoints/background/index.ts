import 'webext-dynamic-content-scripts';
import { openDossierDatabase, type DossierDatabase } from '@/lib/store/db';
import { createBadge, monitorStore } from './badge';
import { createReminder } from './reminder';
import { createPortalMatcher, dropLegacyRegistration } from './portals';
import { startMessages } from './messages';
import { startPageRelay } from './page-relay';
import { currentColumnMappings, currentSettings, onSettingsChanged, writeColumnMappings } from './settings';
import { browser } from 'wxt/browser';

/**
 * The background owns the dossier database (in the extension's origin) and answers the typed protocol of
 * lib/messaging/requests.ts. This file only wires its modules together; see docs/architecture.md.
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

  const badge = createBadge(() => db, currentSettings);
  const reminder = createReminder(() => monitorStore(db, currentSettings));
  const portals = createPortalMatcher();
  void dropLegacyRegistration().catch((error) => console.error('[motcua-phu-luc] extra portals', error));

  const messages = startMessages({
    database: async () => {
      await ready;
      await portals.ready();
      return { db, databaseError };
    },
    settings: currentSettings,
    isPortalUrl: portals.isPortalUrl,
    onWrite: badge.schedule,
    mappings: {
      list: currentColumnMappings,
      write: writeColumnMappings,
      // An origin is a portal when its root page is one (built-in https hosts, granted extra origins).
      isPortalOrigin: (origin) => portals.isPortalUrl(`${origin}/`),
    },
  });
  startPageRelay({ policy: messages.policy, ready: portals.ready });

  reminder.listen();
  browser.permissions.onAdded.addListener(() => {
    reminder.listen();
    void currentSettings()
      .then((current) => reminder.sync(current))
      .catch((error) => console.error('[motcua-phu-luc] reminder', error));
  });
  onSettingsChanged((next) => {
    void reminder.sync(next).catch(() => {});
    badge.schedule();
  });
  void ready.then(badge.schedule);
});
