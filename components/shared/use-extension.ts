import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import type { StoredDossier } from '@/lib/dossier/model';
import { createTranslator } from '@/lib/i18n/translate';
import { CHANGES_PORT, protocolSchemas, type Request } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_STORAGE_KEY, settingsSchemas, type Settings } from '@/lib/settings/settings';

/**
 * The browser wiring shared by the extension pages (popup, options, printable appendix): settings from
 * extension storage, and the stored dossiers through the background, kept current by its change events.
 * The views themselves receive plain data and callbacks.
 */

export const client = createClient((message: Request) => browser.runtime.sendMessage(message));

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void browser.storage.local.get(SETTINGS_STORAGE_KEY).then((stored) => {
      if (alive) setSettings(readSettings(stored[SETTINGS_STORAGE_KEY]));
    });
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SETTINGS_STORAGE_KEY];
      if (area === 'local' && change) setSettings(readSettings(change.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  const save = useCallback(async (next: Settings) => {
    const checked = settingsSchemas().settingsSchema.parse(next);
    await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: checked });
  }, []);
  const current = settings ?? DEFAULT_SETTINGS;
  return { settings: current, loaded: settings !== null, save, t: createTranslator(current.language) };
}

export function useStoredDossiers() {
  const [dossiers, setDossiers] = useState<StoredDossier[] | null>(null);
  const [error, setError] = useState<{ message: string; messageEn?: string } | null>(null);
  const reload = useCallback(async () => {
    const response = await client.request({ type: 'dossiers/all' });
    if (response.ok) {
      setDossiers(response.dossiers as StoredDossier[]);
      setError(null);
    } else {
      setError(response.error);
    }
  }, []);
  useEffect(() => {
    void reload();
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      port = browser.runtime.connect({ name: CHANGES_PORT });
      port.onMessage.addListener((message: unknown) => {
        if (!protocolSchemas().changeEventSchema.safeParse(message).success) return;
        // Many tabs may write at once: coalesce bursts into one reload.
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), 100);
      });
    } catch {
      port = null;
    }
    return () => {
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [reload]);
  return { dossiers, error, reload };
}

/** Starts a plain browser download of a text file from an extension page (no `downloads` permission). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** The same for any file's bytes (the workbook, the Word document). */
export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
