import { browser } from 'wxt/browser';
import type { DossierDatabase } from '@/lib/store/db';
import type { Settings } from '@/lib/settings/settings';
import { createWorkingCalendar } from '@/lib/calendar/working-calendar';
import { vietnamNow } from '@/lib/calendar/day';
import { badgeText, monitorDossiers } from '@/lib/reports/monitor';
import { nextLatenessChange } from '@/lib/dossier/classify';

/** What the badge and the reminder count: the dossiers that need action (lib/reports/monitor.ts). */
export async function monitorStore(db: DossierDatabase | null, settings: () => Promise<Settings>, now = Date.now()) {
  if (!db) return null;
  const current = await settings();
  const all = await db.dossiers.toArray();
  const calendar = createWorkingCalendar(current.holidayOverrides);
  return {
    current,
    result: monitorDossiers(all, vietnamNow(now), calendar, current.monitorWindowDays),
    nextChange: nextLatenessChange(all, now),
  };
}

/**
 * Waits this long after a write before recounting, so that a burst of writes costs one count: a page's
 * save comes in several messages (each a few hundred ms apart on a big page), and a recount reads the
 * whole store.
 */
export const BADGE_DELAY_MS = 1_500;

/** The longest wait before a recount at an appointment (a day; also below `setTimeout`'s limit). */
export const BADGE_MAX_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * The toolbar badge: how many dossiers need action, recounted (debounced) after writes, and again when
 * the next open dossier's appointment passes (docs/domain.md, "Lateness on the system": an open dossier
 * is late from the minute after its appointment), so the count does not wait for midnight or a write.
 */
export function createBadge(db: () => DossierDatabase | null, settings: () => Promise<Settings>) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let appointmentTimer: ReturnType<typeof setTimeout> | undefined;
  async function update() {
    try {
      const monitored = await monitorStore(db(), settings);
      if (!monitored) return;
      clearTimeout(appointmentTimer);
      if (monitored.nextChange !== null) {
        const wait = Math.min(Math.max(0, monitored.nextChange - Date.now()), BADGE_MAX_WAIT_MS);
        appointmentTimer = setTimeout(() => void update(), wait);
      }
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
