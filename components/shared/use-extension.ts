import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createClient } from '@/lib/messaging/client';
import { createTranslator } from '@/lib/i18n/translate';
import type { Request } from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS, defineSettings, type Settings } from '@/lib/settings/settings';
import { openDossierDatabase, type DossierDatabase } from '@/lib/store/db';
import { allDossiers } from '@/lib/store/dossiers';

/**
 * The browser wiring shared by the extension pages (popup, options, printable appendix): the settings
 * item, and the stored dossiers read live from the database. The views themselves receive plain data
 * and callbacks.
 */

export const client = createClient((message: Request) => browser.runtime.sendMessage(message));

const settingsStore = defineSettings(storage);

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void settingsStore.get().then((value) => {
      if (alive) setSettings(value);
    });
    const unwatch = settingsStore.watch(setSettings);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  const current = settings ?? DEFAULT_SETTINGS;
  const t = useMemo(() => createTranslator(current.language), [current.language]);
  useEffect(() => {
    document.documentElement.lang = current.language;
  }, [current.language]);
  return { settings: current, loaded: settings !== null, save: settingsStore.set, t };
}

/**
 * The database lives in the extension's origin, so an extension page opens it too, and only reads it:
 * every write still goes through the background, which owns the store. Opened once per page.
 */
let database: DossierDatabase | undefined;

/**
 * Every stored dossier, kept current by Dexie's live query (it sees the background's writes), or why
 * the database cannot be read (`error`: the browser's own text, e.g. a VersionError).
 */
export function useStoredDossiers(): { dossiers: StoredDossiers | null; error: string | null } {
  const result = useLiveQuery(async () => {
    try {
      return { dossiers: await allDossiers((database ??= openDossierDatabase())), error: null };
    } catch (error) {
      return { dossiers: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }, []);
  return result ?? { dossiers: null, error: null };
}

type StoredDossiers = Awaited<ReturnType<typeof allDossiers>>;

/** Starts a plain browser download of a text file from an extension page (no `downloads` permission). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** A made file (the workbook, the Word document: lib/appendix/office-file.ts's OfficeFile), downloaded. */
export function downloadFile(file: { fileName: string; type: string; bytes: Uint8Array }) {
  downloadBlob(file.fileName, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
}

/** The same for any file's bytes. */
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
