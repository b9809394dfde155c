import { storage } from 'wxt/utils/storage';
import { defineSettings, type Settings } from '@/lib/settings/settings';
import type { SavedColumnMapping } from '@/lib/portal/column-mappings';

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

/** The saved column mappings (absent in settings stored before them: none). */
export async function currentColumnMappings(): Promise<SavedColumnMapping[]> {
  return (await settingsStore.get()).columnMappings ?? [];
}

/** Replaces the saved column mappings, every other setting as stored now. */
export async function writeColumnMappings(list: SavedColumnMapping[]): Promise<void> {
  await settingsStore.set({ ...(await settingsStore.get()), columnMappings: list });
}
