import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { openDossierDatabase, type DossierDatabase } from '@/lib/store/db';
import { isBuiltInPortalUrl } from '@/lib/portal/hosts';
import { CHANGES_PORT, type ChangeEvent, type ChangeKind } from '@/lib/messaging/protocol';
import { handleRequest, type SenderPolicy } from '@/lib/messaging/handler';
import { readSettings, settingsSchemas, SETTINGS_STORAGE_KEY, type Settings } from '@/lib/settings/settings';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { vietnamDay } from '@/lib/calendar/day';
import { badgeText, monitorDossiers } from '@/lib/reports/monitor';
import { nextReminderTime, REMINDER_ALARM } from '@/lib/calendar/reminder';
import { createTranslator } from '@/lib/i18n/translate';
import { followupQuery } from '@/lib/reports/followup';
import { EXTRA_PORTALS_SCRIPT_ID, isExtraPortalUrl, originPattern } from '@/lib/portal/extra-portals';

/** The scripts of the content-script entrypoints, as built (entrypoints/content, entrypoints/panel.content). */
const CONTENT_SCRIPT = 'content-scripts/content.js';
const PANEL_SCRIPT = '/content-scripts/panel.js';

/**
 * The background owns the dossier database (in the extension's origin) and answers the typed protocol of
 * lib/messaging/protocol.ts. It is thin: validation and the store logic live in lib/.
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

  /** The toolbar badge: how many dossiers need action (lib/reports/monitor.ts). Recomputed after writes. */
  async function monitorNow() {
    if (!db) return null;
    const current = await settings();
    const today = vietnamDay();
    const all = await db.dossiers.toArray();
    return { current, result: monitorDossiers(all, today, createWorkingCalendar(current.holidayOverrides), current.monitorWindowDays) };
  }

  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleBadge() {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(async () => {
      try {
        const monitored = await monitorNow();
        if (!monitored) return;
        await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
        await browser.action.setBadgeText({ text: badgeText(monitored.result.actionCount) });
      } catch (error) {
        console.error('[motcua-phu-luc] badge', error);
      }
    }, 400);
  }

  /** The opt-in daily reminder; `alarms` and `notifications` are optional permissions asked for in options. */
  async function syncReminder(current: Settings) {
    if (!browser.alarms) return;
    await browser.alarms.clear(REMINDER_ALARM);
    if (current.reminder.enabled) {
      await browser.alarms.create(REMINDER_ALARM, { when: nextReminderTime(current.reminder.time, Date.now()), periodInMinutes: 24 * 60 });
    }
  }

  async function remind() {
    const monitored = await monitorNow().catch(() => null);
    if (!monitored || monitored.result.actionCount === 0 || !browser.notifications) return;
    const t = createTranslator(monitored.current.language);
    await browser.notifications.create(REMINDER_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminder.title'),
      message: t('dashboard.reminderMessage', {
        returned: monitored.result.returnedNotClosed.length,
        overdue: monitored.result.overdue,
      }),
    });
  }

  /** A click on the reminder opens the dashboard on the two lists it names. */
  function onNotificationClick(id: string) {
    if (id !== REMINDER_ALARM) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${followupQuery(['returned-not-closed', 'overdue'])}`) });
    void browser.notifications.clear(id);
  }

  // Alarms and notifications exist only once the user granted them; listen when they appear.
  function listenReminder() {
    if (browser.alarms && !browser.alarms.onAlarm.hasListener(onAlarm)) browser.alarms.onAlarm.addListener(onAlarm);
    if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClick)) {
      browser.notifications.onClicked.addListener(onNotificationClick);
    }
  }
  function onAlarm(alarm: { name: string }) {
    if (alarm.name === REMINDER_ALARM) void remind();
  }
  listenReminder();

  /**
   * Registers the content script on the extra portals that are both in the settings and granted; an
   * origin whose permission was revoked (here or in the browser's own UI) is dropped from the script.
   */
  async function syncExtraPortals(current: Settings) {
    const granted: string[] = [];
    for (const origin of current.extraOrigins) {
      const checked = settingsSchemas().portalOriginSchema.safeParse(origin);
      if (!checked.success) continue; // a damaged stored entry is skipped, the others still register
      const pattern = originPattern(checked.data);
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    }
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [EXTRA_PORTALS_SCRIPT_ID] });
    if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [EXTRA_PORTALS_SCRIPT_ID] });
    if (granted.length) {
      await browser.scripting.registerContentScripts([
        { id: EXTRA_PORTALS_SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    }
  }
  // One sync at a time: adding a portal fires both a permission and a settings event, and two
  // interleaved unregister/register runs would fight over the same script id.
  let portalSync: Promise<void> = Promise.resolve();
  const syncPortals = () => {
    portalSync = portalSync
      .then(() => settings().then(syncExtraPortals))
      .catch((error) => console.error('[motcua-phu-luc] extra portals', error));
  };
  syncPortals();
  browser.permissions.onAdded.addListener(() => {
    listenReminder();
    void settings()
      .then(syncReminder)
      .catch((error) => console.error('[motcua-phu-luc] reminder', error));
    syncPortals();
  });
  browser.permissions.onRemoved.addListener(syncPortals);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_STORAGE_KEY]) return;
    const next = readSettings(changes[SETTINGS_STORAGE_KEY].newValue);
    void syncReminder(next).catch(() => {});
    syncPortals();
    scheduleBadge();
  });
  void ready.then(scheduleBadge);

  function broadcast(codes: string[], kind: ChangeKind) {
    scheduleBadge();
    const event: ChangeEvent = { type: 'changed', kind, codes };
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

  /**
   * The panel has a script of its own, injected only into a frame whose page shows a dossier list (the
   * content script asks for it): each script then compiles and starts in a task of its own, and pages
   * without a list never load the panel at all (issue 3).
   */
  async function injectPanel(tabId: number, frameId: number) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PANEL_SCRIPT] });
  }

  const extensionOrigin = browser.runtime.getURL('/');
  const policy = (extraOrigins: string[]): SenderPolicy => ({
    extensionId: browser.runtime.id,
    extensionOrigin,
    isPortalUrl: (url) => isBuiltInPortalUrl(url) || isExtraPortalUrl(url, extraOrigins),
  });

  browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
    const tabId = sender.tab?.id;
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
        loadPanel: tabId === undefined ? undefined : () => injectPanel(tabId, sender.frameId ?? 0),
      },
    );
  });
});
