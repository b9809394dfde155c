import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_DELAY_MS, createBadge, monitorStore } from '../../../entrypoints/background/badge';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { vietnamDay, vietnamInstant } from '../../../lib/calendar/day';
import type { StoredDossier } from '../../../lib/dossier/model';
import { freshDb } from '../store/fresh-db';

function dossier(code: string, dueDay: string): StoredDossier {
  return {
    code,
    procedure: 'p',
    sector: 's',
    applicant: 'a',
    received: null,
    due: { day: dueDay },
    closed: null,
    status: 'Đang xử lý',
    unit: 'u',
    firstSeen: 1,
    lastSeen: 1,
    pageUrl: 'p',
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('badge', () => {
  it('counts the dossiers that need action, once for a burst of writes', async () => {
    const db = await freshDb('badge');
    // Due today: needs action whatever the calendar.
    await db.dossiers.bulkPut([dossier('A', vietnamDay()), dossier('B', vietnamDay()), dossier('C', '2099-01-01')]);
    const settings = vi.fn(async () => DEFAULT_SETTINGS);
    const expected = (await monitorStore(db, settings))!.result.actionCount;
    settings.mockClear();
    const badge = createBadge(() => db, settings);
    badge.schedule();
    badge.schedule();
    badge.schedule();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(String(expected)), { timeout: 2_000 });
    expect(expected).toBeGreaterThan(0);
    expect(settings).toHaveBeenCalledTimes(1);
  });

  it('does nothing while the database is not open', async () => {
    const badge = createBadge(() => null, async () => DEFAULT_SETTINGS);
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    badge.schedule();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(setText).not.toHaveBeenCalled();
  });
});

describe('badge at an appointment', () => {
  it('recounts when the next open appointment passes, without a write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      // 09:00 Vietnam time on a Monday; one open dossier due today at 10:30, none else.
      vi.setSystemTime(vietnamInstant('2026-11-30', '09:00'));
      const db = await freshDb('badge-appointment');
      await db.dossiers.bulkPut([{ ...dossier('A', '2026-11-30'), due: { day: '2026-11-30', time: '10:30' } }]);
      const settings = vi.fn(async () => ({ ...DEFAULT_SETTINGS, monitorWindowDays: 0 }));
      const badge = createBadge(() => db, settings);
      badge.schedule();
      await vi.advanceTimersByTimeAsync(BADGE_DELAY_MS);
      await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(1));
      // Nothing happens until the minute after 10:30 …
      await vi.advanceTimersByTimeAsync(vietnamInstant('2026-11-30', '10:31') - Date.now() - 1_000);
      expect(settings).toHaveBeenCalledTimes(1);
      // … then the badge is counted again on its own.
      await vi.advanceTimersByTimeAsync(2_000);
      await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
