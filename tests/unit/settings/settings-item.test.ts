import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { checkSettings, DEFAULT_SETTINGS, defineSettings, SETTINGS_ITEM_VERSION, type Settings } from '../../../lib/settings/settings';

/** The value stored under `settings` by the extension before the WXT item: its own version field, no WXT meta. */
const TODAY_FORMAT = {
  version: 2,
  language: 'en',
  unitName: 'UBND xã Đắk Cấm',
  staffName: 'Nguyễn Thị Hoa',
  delimiter: ';',
  headerSynonyms: { due: ['Hạn trả'] },
  extraOrigins: ['https://dichvucong.quangngai.gov.vn'],
  monitorWindowDays: 3,
  holidayOverrides: { daysOff: ['2026-01-02'], workingDays: ['2026-01-10'] },
  reminder: { enabled: true, time: '07:30' },
};
const { version: _dropped, ...TODAY_FIELDS } = TODAY_FORMAT;
/** The migration gives the document fields added since (blank: a dotted gap in the exports). */
const MIGRATED = {
  ...TODAY_FIELDS,
  parentBody: '',
  letterNumber: '',
  letterDate: '',
  letterIssuer: '',
  place: '',
  headTitle: '',
  headName: '',
  preparerName: '',
};

const stored = async () => fakeBrowser.storage.local.get(null);

describe('the settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('with nothing stored gives the defaults and stores nothing', async () => {
    const settings = defineSettings(storage);
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await stored()).toEqual({});
  });

  it("migrates today's stored value once: same fields, no inner version, WXT's version beside it", async () => {
    await fakeBrowser.storage.local.set({ settings: structuredClone(TODAY_FORMAT) });
    const settings = defineSettings(storage);
    expect(await settings.get()).toEqual(MIGRATED);
    expect(await stored()).toEqual({ settings: MIGRATED, settings$: { v: SETTINGS_ITEM_VERSION } });
  });

  it("migrates the old format's version 1 (csvSeparator, no monitoring)", async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, language: 'en', csvSeparator: 'semicolon', staffName: 'An' } });
    const settings = defineSettings(storage);
    expect(await settings.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', delimiter: ';', staffName: 'An' });
    expect((await stored()).settings$).toEqual({ v: SETTINGS_ITEM_VERSION });
  });

  it('a broken stored value keeps the fields that parse', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...MIGRATED, monitorWindowDays: 99 }, settings$: { v: SETTINGS_ITEM_VERSION } });
    expect(await defineSettings(storage).get()).toEqual({ ...MIGRATED, monitorWindowDays: DEFAULT_SETTINGS.monitorWindowDays });
  });

  it('saves checked settings, writes the version, and .watch() reports the change parsed', async () => {
    const settings = defineSettings(storage);
    const seen = vi.fn();
    const unwatch = settings.watch(seen);
    await settings.set({ ...DEFAULT_SETTINGS, staffName: '  Lan  ' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, staffName: 'Lan' }));
    unwatch();
    expect(await stored()).toEqual({ settings: { ...DEFAULT_SETTINGS, staffName: 'Lan' }, settings$: { v: SETTINGS_ITEM_VERSION } });
  });

  it('refuses to save invalid settings and stores nothing', async () => {
    const settings = defineSettings(storage);
    await expect(settings.set({ ...DEFAULT_SETTINGS, monitorWindowDays: 45 })).rejects.toThrow();
    expect(await stored()).toEqual({});
  });

  it('a value written under the key behind WXT (an older build, a test) is read parsed', async () => {
    const settings = defineSettings(storage);
    const seen = vi.fn();
    settings.watch(seen);
    await fakeBrowser.storage.local.set({ settings: { ...TODAY_FORMAT, language: 'klingon' } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...MIGRATED, language: 'vi' }));
  });
});

describe('checkSettings', () => {
  it('accepts good settings, trimmed', () => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, unitName: ' Xã A ' })).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, unitName: 'Xã A' } });
  });

  it.each<[string, Partial<Settings>, Record<string, unknown>]>([
    ['window above 30', { monitorWindowDays: 45 }, { monitorWindowDays: { code: 'setting-window-range', min: 0, max: 30 } }],
    ['window not a number', { monitorWindowDays: NaN }, { monitorWindowDays: { code: 'setting-window-range', min: 0, max: 30 } }],
    ['unit name too long', { unitName: 'x'.repeat(201) }, { unitName: { code: 'setting-too-long', max: 200 } }],
    ['a bad reminder time', { reminder: { enabled: true, time: '25:00' } }, { reminder: { code: 'setting-invalid' } }],
    ['a bad extra origin', { extraOrigins: ['ftp://x.vn'] }, { extraOrigins: { code: 'setting-invalid' } }],
    [
      'a day both off and working',
      { holidayOverrides: { daysOff: ['2026-01-02'], workingDays: ['2026-01-02'] } },
      { holidayOverrides: { code: 'setting-invalid' } },
    ],
  ])('%s: refused with a problem per field', (_label, patch, problems) => {
    expect(checkSettings({ ...DEFAULT_SETTINGS, ...patch })).toEqual({ ok: false, problems });
  });
});
