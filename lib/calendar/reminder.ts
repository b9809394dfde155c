/**
 * When the daily reminder fires next: today at `HH:mm` Vietnam time if that is still ahead, else
 * tomorrow. Vietnam has no daylight saving, so a fixed UTC+7 offset is exact.
 */
import { VIETNAM_OFFSET_MS } from './day';

export const REMINDER_ALARM = 'daily-reminder';

const DAY_MS = 86_400_000;

export function nextReminderTime(time: string, now: number): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a HH:mm time: ${time}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const localMidnight = Math.floor((now + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
  const today = localMidnight + minutes * 60_000;
  return today > now ? today : today + DAY_MS;
}
