import { browser } from 'wxt/browser';
import type { DossierDatabase } from '@/lib/store/db';
import type { Settings } from '@/lib/settings/settings';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { vietnamDay } from '@/lib/calendar/day';
import { badgeText, monitorDossiers } from '@/lib/reports/monitor';

/** What the badge and the reminder count: the dossiers that need action (lib/reports/monitor.ts). */
export async function monitorStore(db: DossierDatabase | null, settings: () => Promise<Settings>, now = Date.now()) {
  if (!db) return null;
  const current = await settings();
  const all = await db.dossiers.toArray();
  const calendar = createWorkingCalendar(current.holidayOverrides);
  return { current, result: monitorDossiers(all, vietnamDay(now), calendar, current.monitorWindowDays) };
}

/** Waits this long after a write before recounting, so that a burst of writes costs one count. */
export const BADGE_DELAY_MS = 400;

/** The toolbar badge: how many dossiers need action, recounted (debounced) after writes. */
export function createBadge(db: () => DossierDatabase | null, settings: () => Promise<Settings>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  async function update() {
    try {
      const monitored = await monitorStore(db(), settings);
      if (!monitored) return;
      await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
      await browser.action.setBadgeText({ text: badgeText(monitored.result.actionCount) });
    } catch (error) {
      console.error('[motcua-phu-luc] badge', error);
    }
  }
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void update(), BADGE_DELAY_MS);
    },
  };
}
