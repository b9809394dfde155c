import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReminder } from '../../../entrypoints/background/reminder';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { REMINDER_ALARM } from '../../../lib/calendar/reminder';
import type { MonitorResult } from '../../../lib/reports/monitor';

const result = (count: number): MonitorResult => ({ returnedNotClosed: [], dueSoon: Array.from({ length: count }, () => ({}) as MonitorResult['dueSoon'][number]), overdue: count, actionCount: count } as MonitorResult);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reminder', () => {
  it('sets a daily alarm when enabled, and clears it when disabled', async () => {
    const reminder = createReminder(async () => null);
    await reminder.sync({ ...DEFAULT_SETTINGS, reminder: { enabled: true, time: '08:00' } }, Date.UTC(2026, 1, 10, 3));
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm).toMatchObject({ name: REMINDER_ALARM, periodInMinutes: 24 * 60 });
    await reminder.sync(DEFAULT_SETTINGS);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('notifies on its alarm when something needs action, in the chosen language, and not otherwise', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    let count = 2;
    const reminder = createReminder(async () => ({ current: { ...DEFAULT_SETTINGS, language: 'en' }, result: result(count) }));
    reminder.listen();
    reminder.listen(); // listening twice must not notify twice
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: 0 });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]).toBe(REMINDER_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'another-alarm', scheduledTime: 0 });
    count = 0;
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(create).toHaveBeenCalledTimes(1);
  });
});
