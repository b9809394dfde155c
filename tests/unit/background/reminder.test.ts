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

  it('names the counts (a) returned not closed and (b) overdue, and a click opens the dashboard on those two lists', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const clear = vi.spyOn(fakeBrowser.notifications, 'clear');
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const monitored: MonitorResult = {
      returnedNotClosed: Array.from({ length: 3 }, () => ({}) as MonitorResult['returnedNotClosed'][number]),
      dueSoon: Array.from({ length: 1_250 }, () => ({}) as MonitorResult['dueSoon'][number]),
      overdue: 1_240,
      actionCount: 1_253,
    };
    const reminder = createReminder(async () => ({ current: DEFAULT_SETTINGS, result: monitored }));
    reminder.listen();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: 0 });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const [, options] = create.mock.calls[0] as unknown as [string, { message: string }];
    // Vietnamese, the default language: both counts, in Vietnamese number format.
    expect(options.message).toBe('3 hồ sơ đã trả nhưng chưa kết thúc; 1.240 hồ sơ quá hạn chưa kết thúc. Bấm để mở danh sách cần đôn đốc.');

    await fakeBrowser.notifications.onClicked.trigger('another-notification');
    expect(open).not.toHaveBeenCalled();
    await fakeBrowser.notifications.onClicked.trigger(REMINDER_ALARM);
    expect(open).toHaveBeenCalledTimes(1);
    const url = new URL((open.mock.calls[0]![0] as { url: string }).url);
    expect(url.pathname).toBe('/dashboard.html');
    expect(url.searchParams.getAll('kind')).toEqual(['returned-not-closed', 'overdue']);
    expect(clear).toHaveBeenCalledWith(REMINDER_ALARM);
  });

  it('with nothing in (a) or (b) but dossiers due soon, says so and opens the due-soon list', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const monitored: MonitorResult = {
      returnedNotClosed: [],
      dueSoon: Array.from({ length: 4 }, () => ({}) as MonitorResult['dueSoon'][number]),
      overdue: 0,
      actionCount: 4,
    };
    const reminder = createReminder(async () => ({ current: DEFAULT_SETTINGS, result: monitored }));
    reminder.listen();
    await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: 0 });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const [id, options] = create.mock.calls[0] as unknown as [string, { message: string }];
    expect(options.message).toBe('4 hồ sơ sắp đến hạn, chưa kết thúc. Bấm để mở danh sách.');
    await fakeBrowser.notifications.onClicked.trigger(id);
    const url = new URL((open.mock.calls[0]![0] as { url: string }).url);
    expect(url.searchParams.getAll('kind')).toEqual(['due-soon']);
  });
});
