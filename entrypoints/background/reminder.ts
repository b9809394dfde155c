import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings/settings';
import { nextReminderTime, REMINDER_ALARM } from '@/lib/calendar/reminder';
import { createTranslator } from '@/lib/i18n/translate';
import { followupQuery } from '@/lib/reports/followup';
import type { monitorStore } from './badge';

/**
 * The notification when nothing is in lists (a) or (b) but some dossiers are due soon: a message of its
 * own ("0 … 0 …" would say nothing) and a click that opens the due-soon list instead of two empty ones.
 */
const DUE_SOON_NOTIFICATION = `${REMINDER_ALARM}:due-soon`;

/** The reminder needs the count and the settings, not when the count next changes. */
type Monitor = () => Promise<Pick<NonNullable<Awaited<ReturnType<typeof monitorStore>>>, 'current' | 'result'> | null>;

/**
 * The opt-in daily reminder. `alarms` and `notifications` are optional permissions asked for in
 * options: their APIs exist only once granted, so the alarm listener is added when they appear.
 */
export function createReminder(monitor: Monitor) {
  async function remind() {
    const monitored = await monitor().catch(() => null);
    if (!monitored || monitored.result.actionCount === 0 || !browser.notifications) return;
    const t = createTranslator(monitored.current.language);
    const returned = monitored.result.returnedNotClosed.length;
    const { overdue } = monitored.result;
    const urgent = returned + overdue > 0;
    await browser.notifications.create(urgent ? REMINDER_ALARM : DUE_SOON_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminder.title'),
      message: urgent
        ? t('dashboard.reminderMessage', { returned, overdue })
        : t('dashboard.reminderDueSoon', { count: monitored.result.dueSoon.length - overdue }),
    });
  }

  function onAlarm(alarm: { name: string }) {
    if (alarm.name === REMINDER_ALARM) void remind();
  }

  /** A click on the reminder opens the dashboard on the lists it names. */
  function onNotificationClick(id: string) {
    if (id !== REMINDER_ALARM && id !== DUE_SOON_NOTIFICATION) return;
    const kinds = id === REMINDER_ALARM ? (['returned-not-closed', 'overdue'] as const) : (['due-soon'] as const);
    void browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${followupQuery(kinds)}`) });
    void browser.notifications.clear(id);
  }

  return {
    /** Listens for the alarm, if the alarms API is there (again after a permission is granted). */
    listen() {
      if (browser.alarms && !browser.alarms.onAlarm.hasListener(onAlarm)) browser.alarms.onAlarm.addListener(onAlarm);
      if (browser.notifications && !browser.notifications.onClicked.hasListener(onNotificationClick)) {
        browser.notifications.onClicked.addListener(onNotificationClick);
      }
    },
    /** Sets or clears the daily alarm to match the settings. */
    async sync(current: Settings, now = Date.now()) {
      if (!browser.alarms) return;
      await browser.alarms.clear(REMINDER_ALARM);
      if (current.reminder.enabled) {
        await browser.alarms.create(REMINDER_ALARM, { when: nextReminderTime(current.reminder.time, now), periodInMinutes: 24 * 60 });
      }
    },
    remind,
  };
}
