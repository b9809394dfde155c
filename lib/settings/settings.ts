import * as z from 'zod/mini';
import type { WxtStorage } from 'wxt/utils/storage';
import { isIsoDay } from '../calendar/day';
import { DOSSIER_FIELDS } from '../dossier/model';
import type { ProblemOf } from '../i18n/problem';
import { columnMappingSchemas, validMappings } from '../portal/column-mappings';

/**
 * User settings: one WXT storage item (`local:settings`) whose version WXT keeps beside it, migrated by
 * WXT, watched with `.watch()`. One zod/mini schema checks every field (holiday overrides and extra portal
 * origins included), on read and before a save, so no reader checks a field again. A stored value that
 * is partly broken keeps every field that still parses; the others fall back to the defaults.
 *
 * zod/mini like lib/messaging/protocol.ts: the content script reads the settings on every portal page.
 * This file only takes WXT's `storage` as a parameter, so lib/ stays free of browser APIs.
 */

export const SETTINGS_STORAGE_KEY = 'settings';
/**
 * The item's WXT version. Version 1 is the format from before the item: the value under `settings` held
 * its own `version` field (1: `csvSeparator` and no monitoring, holidays or reminder; 2: today's fields)
 * and WXT kept no version beside it, which WXT reads as version 1.
 */
export const SETTINGS_ITEM_VERSION = 2;

/** Built on first use, like the protocol's schemas: not a cost of the content script's start. */
function buildSchemas() {
  const headerSynonymsSchema = z.partialRecord(
    z.enum(DOSSIER_FIELDS),
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))).check(z.maxLength(30)),
  );

  /** An origin such as `https://dichvucong.quangngai.gov.vn` (scheme + host, optional port, no path). */
  const portalOriginSchema = z.pipe(
    z.string().check(z.trim()),
    z.transform((value: string, ctx) => {
      let url: URL;
      try {
        url = new URL(value.includes('://') ? value : `https://${value}`);
      } catch {
        ctx.issues.push({ code: 'custom', message: 'invalid-origin', input: value });
        return z.NEVER;
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
        ctx.issues.push({ code: 'custom', message: 'invalid-origin', input: value });
        return z.NEVER;
      }
      return url.origin;
    }),
  );

  const isoDaySchema = z.string().check(z.refine(isIsoDay));
  /** Real `yyyy-MM-dd` days, no day both off and working. */
  const holidayOverridesSchema = z
    .object({
      daysOff: z.array(isoDaySchema).check(z.maxLength(400)),
      workingDays: z.array(isoDaySchema).check(z.maxLength(400)),
    })
    .check(
      z.refine((value) => {
        const off = new Set(value.daysOff);
        return !value.workingDays.some((day) => off.has(day));
      }),
    );

  const settingsSchema = z.object({
    language: z.enum(['vi', 'en']),
    unitName: z.string().check(z.trim(), z.maxLength(200)),
    staffName: z.string().check(z.trim(), z.maxLength(120)),
    delimiter: z.enum([',', ';']),
    headerSynonyms: headerSynonymsSchema,
    extraOrigins: z.array(portalOriginSchema).check(z.maxLength(50)),
    /** Monitoring window: dossiers due within the next N working days. */
    monitorWindowDays: z.int().check(z.minimum(0), z.maximum(30)),
    holidayOverrides: holidayOverridesSchema,
    reminder: z.object({
      enabled: z.boolean(),
      time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    }),
    // The office documents' header and signatures (lib/appendix/document-header.ts): blank prints a
    // dotted gap to fill by hand. Defaults fill them in a value stored before they existed.
    parentBody: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
    letterNumber: z._default(z.string().check(z.trim(), z.maxLength(60)), ''),
    /** The letter's day, `yyyy-MM-dd`, or ''. */
    letterDate: z._default(z.string().check(z.refine((s) => s === '' || isIsoDay(s))), ''),
    letterIssuer: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
    place: z._default(z.string().check(z.trim(), z.maxLength(80)), ''),
    headTitle: z._default(z.string().check(z.trim(), z.maxLength(120)), ''),
    headName: z._default(z.string().check(z.trim(), z.maxLength(120)), ''),
    /** "Người lập biểu"; where blank the documents name the staff member (`staffName`). */
    preparerName: z._default(z.string().check(z.trim(), z.maxLength(120)), ''),
    // Columns staff pointed at on the page (lib/portal/column-mappings.ts); absent in older values.
    columnMappings: z.optional(columnMappingSchemas().mappings),
  });
  /** The value's own version 1: no monitoring, holiday or reminder settings; the separator as `csvSeparator`. */
  const legacyV1Schema = z.object({
    version: z.literal(1),
    language: z.optional(z.enum(['vi', 'en'])),
    unitName: z.optional(z.string()),
    staffName: z.optional(z.string()),
    csvSeparator: z.optional(z.enum(['comma', 'semicolon'])),
    headerSynonyms: z.optional(headerSynonymsSchema),
    extraOrigins: z.optional(z.array(z.string())),
  });

  return { settingsSchema, legacyV1Schema, portalOriginSchema, holidayOverridesSchema };
}

type SettingsSchemas = ReturnType<typeof buildSchemas>;
let built: SettingsSchemas | undefined;
export function settingsSchemas(): SettingsSchemas {
  return (built ??= buildSchemas());
}

export type Settings = z.infer<SettingsSchemas['settingsSchema']>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'vi',
  unitName: '',
  staffName: '',
  delimiter: ',',
  headerSynonyms: {},
  extraOrigins: [],
  monitorWindowDays: 1,
  holidayOverrides: { daysOff: [], workingDays: [] },
  reminder: { enabled: false, time: '08:00' },
  parentBody: '',
  letterNumber: '',
  letterDate: '',
  letterIssuer: '',
  place: '',
  headTitle: '',
  headName: '',
  preparerName: '',
  // columnMappings: absent means none (read as `?? []`), so values stored before the field read unchanged.
};

/** A value of the old format's version 1 in today's fields; null when it does not parse. */
function fromLegacyV1(stored: unknown): Record<string, unknown> | null {
  const v1 = settingsSchemas().legacyV1Schema.safeParse(stored);
  if (!v1.success) return null;
  return {
    ...DEFAULT_SETTINGS,
    language: v1.data.language ?? DEFAULT_SETTINGS.language,
    unitName: v1.data.unitName ?? '',
    staffName: v1.data.staffName ?? '',
    delimiter: v1.data.csvSeparator === 'semicolon' ? ';' : ',',
    headerSynonyms: v1.data.headerSynonyms ?? {},
    extraOrigins: v1.data.extraOrigins ?? [],
  };
}

/**
 * Whatever is stored, as current settings. Never throws. Takes today's shape, the old format (its own
 * `version` field: 1 is converted, 2 is today's fields) and anything else: every field that parses on
 * its own is kept, the others are the defaults. Also reads a value written under the key directly (an
 * older extension, a test) before WXT's migration has run.
 */
export function parseSettings(stored: unknown): Settings {
  const version = (stored as { version?: unknown } | null)?.version;
  const value = version === 1 ? fromLegacyV1(stored) : stored;
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS;
  const { settingsSchema } = settingsSchemas();
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const field = shape[key].safeParse((value as Record<string, unknown>)[key]);
    if (field.success) merged[key] = field.data;
    // One damaged mapping must not take the others with it.
    else if (key === 'columnMappings') merged[key] = validMappings((value as Record<string, unknown>)[key]);
  }
  return settingsSchema.parse(merged);
}

/** Why a field of a settings draft was refused, as the options page shows it beside the field. */
export type SettingProblem = ProblemOf<'setting-invalid' | 'setting-too-long' | 'setting-window-range'>;

export type SettingsCheck =
  | { ok: true; settings: Settings }
  | { ok: false; problems: Partial<Record<keyof Settings, SettingProblem>> };

/** Checks a draft with the same schema as the stored value; one problem per refused field. */
export function checkSettings(draft: Settings): SettingsCheck {
  const parsed = settingsSchemas().settingsSchema.safeParse(draft);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const problems: Partial<Record<keyof Settings, SettingProblem>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof Settings;
    if (problems[field]) continue;
    if (field === 'monitorWindowDays') problems[field] = { code: 'setting-window-range', min: 0, max: 30 };
    else if (issue.code === 'too_big' && issue.origin === 'string') problems[field] = { code: 'setting-too-long', max: Number(issue.maximum) };
    else problems[field] = { code: 'setting-invalid' };
  }
  return { ok: false, problems };
}

/**
 * The settings item of one extension context, given WXT's `storage` (`wxt/utils/storage`). Reads go
 * through `parseSettings`, so a value written behind WXT's back is still checked; writes go through
 * the schema, so nothing invalid is stored.
 */
export function defineSettings(storage: WxtStorage) {
  const item = storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`, {
    version: SETTINGS_ITEM_VERSION,
    fallback: DEFAULT_SETTINGS,
    migrations: { 2: parseSettings },
  });
  return {
    item,
    get: async (): Promise<Settings> => parseSettings(await item.getValue()),
    /** Calls back with the new settings after every change; returns the unwatch function. */
    watch: (callback: (settings: Settings) => void) => item.watch((value) => callback(parseSettings(value))),
    set: async (next: Settings): Promise<void> => item.setValue(settingsSchemas().settingsSchema.parse(next)),
  };
}

export type SettingsStore = ReturnType<typeof defineSettings>;
