import { storage } from 'wxt/utils/storage';
import { defineSettings, type Settings } from '@/lib/settings/settings';

/** The background's settings item (lib/settings): each background module reads it when it needs it. */
const settingsStore = defineSettings(storage);

/** The settings as stored now. */
export function currentSettings(): Promise<Settings> {
  return settingsStore.get();
}

/** Calls `listener` with the new settings whenever they change. */
export function onSettingsChanged(listener: (next: Settings) => void): void {
  settingsStore.watch(listener);
}
