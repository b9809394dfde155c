import { browser } from 'wxt/browser';
import { readSettings, SETTINGS_STORAGE_KEY, type Settings } from '@/lib/settings/settings';

/** The settings as stored now (each background module reads them when it needs them). */
export async function currentSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  return readSettings(stored[SETTINGS_STORAGE_KEY]);
}

/** Calls `listener` with the new settings whenever they change. */
export function onSettingsChanged(listener: (next: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_STORAGE_KEY]) return;
    listener(readSettings(changes[SETTINGS_STORAGE_KEY].newValue));
  });
}
