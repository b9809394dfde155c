import * as z from 'zod/mini';
import { DOSSIER_FIELDS } from '../dossier/model';

/**
 * User settings, stored in `browser.storage.local` under one key with a schema version. Every stored
 * value is parsed with zod on read; an older version is migrated step by step; anything unreadable falls
 * back to defaults field by field rather than losing the rest.
 *
 * zod/mini like lib/messaging/protocol.ts: the content script reads the settings on every portal page.
 */

export const SETTINGS_STORAGE_KEY = 'settings';
export const SETTINGS_VERSION = 2;

/**
 * Built on first use, like the protocol's schemas: not a cost of the content script's start.
 */
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

  const settingsSchema = z.object({
    version: z.literal(SETTINGS_VERSION),
    language: z.enum(['vi', 'en']),
    unitName: z.string().check(z.trim(), z.maxLength(200)),
    staffName: z.string().check(z.trim(), z.maxLength(120)),
    delimiter: z.enum([',', ';']),
    headerSynonyms: headerSynonymsSchema,
    extraOrigins: z.array(z.string()).check(z.maxLength(50)),
    /** Monitoring window: dossiers due within the next N working days (issue 6). */
    monitorWindowDays: z.int().check(z.minimum(0), z.maximum(30)),
    holidayOverrides: z.object({
      daysOff: z.array(z.string()).check(z.maxLength(400)),
      workingDays: z.array(z.string()).check(z.maxLength(400)),
    }),
    reminder: z.object({
      enabled: z.boolean(),
      time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    }),
    // The office documents' header and signatures (lib/appendix/document-header.ts); blank = a gap to fill.
    parentBody: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    letterNumber: z.optional(z.string().check(z.trim(), z.maxLength(60))),
    letterDate: z.optional(z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/))),
    letterIssuer: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    place: z.optional(z.string().check(z.trim(), z.maxLength(80))),
    headTitle: z.optional(z.string().check(z.trim(), z.maxLength(120))),
    headName: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  });
  /** Version 1 had no monitoring, holiday or reminder settings and kept the separator as `csvSeparator`. */
  const settingsV1Schema = z.object({
    version: z.literal(1),
    language: z.optional(z.enum(['vi', 'en'])),
    unitName: z.optional(z.string()),
    staffName: z.optional(z.string()),
    csvSeparator: z.optional(z.enum(['comma', 'semicolon'])),
    headerSynonyms: z.optional(headerSynonymsSchema),
    extraOrigins: z.optional(z.array(z.string())),
  });

  return { settingsSchema, settingsV1Schema, portalOriginSchema };
}

type SettingsSchemas = ReturnType<typeof buildSchemas>;
let built: SettingsSchemas | undefined;
export function settingsSchemas(): SettingsSchemas {
  return (built ??= buildSchemas());
}

export type Settings = z.infer<SettingsSchemas['settingsSchema']>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'vi',
  unitName: '',
  staffName: '',
  delimiter: ',',
  headerSynonyms: {},
  extraOrigins: [],
  monitorWindowDays: 1,
  holidayOverrides: { daysOff: [], workingDays: [] },
  reminder: { enabled: false, time: '08:00' },
};

/** Migration steps, one per version: each takes the stored value of version N to version N + 1. */
export const SETTINGS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  1: (stored) => {
    const v1 = settingsSchemas().settingsV1Schema.parse(stored);
    return {
      ...DEFAULT_SETTINGS,
      language: v1.language ?? DEFAULT_SETTINGS.language,
      unitName: v1.unitName ?? '',
      staffName: v1.staffName ?? '',
      delimiter: v1.csvSeparator === 'semicolon' ? ';' : ',',
      headerSynonyms: v1.headerSynonyms ?? {},
      extraOrigins: v1.extraOrigins ?? [],
      version: 2,
    };
  },
};

/**
 * Reads whatever is stored into current settings. Never throws: an unknown shape gives the defaults,
 * and a partly broken current value keeps every field that still parses.
 */
export function readSettings(stored: unknown): Settings {
  let value: unknown = stored;
  for (let guard = 0; guard < 10; guard++) {
    const version = (value as { version?: unknown } | null)?.version;
    if (typeof version !== 'number' || version >= SETTINGS_VERSION) break;
    const step = SETTINGS_MIGRATIONS[version];
    if (!step) break;
    try {
      value = step(value);
    } catch {
      return DEFAULT_SETTINGS;
    }
  }
  const { settingsSchema } = settingsSchemas();
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS;
  // Keep each field that is still valid on its own.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const field = shape[key].safeParse((value as Record<string, unknown>)[key]);
    if (field.success) merged[key] = field.data;
  }
  merged.version = SETTINGS_VERSION;
  return settingsSchema.parse(merged);
}
