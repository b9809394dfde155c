import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, settingsSchemas, type Settings } from '../../../lib/settings/settings';

const { portalOriginSchema, settingsSchema } = settingsSchemas();

describe('parseSettings: defaults', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'settings'],
    ['true', true],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['a future version', { version: 99, language: 'fr' }],
    ['a v1 value that does not parse', { version: 1, csvSeparator: 'tab' }],
    ['a version that is a string', { version: '2', language: 'xx' }],
  ])('%s → defaults', (_label, stored) => {
    const settings = parseSettings(stored);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
  });
});

describe('parseSettings: version 1', () => {
  it.each<[string, Record<string, unknown>, Partial<Settings>]>([
    [
      'full v1 with semicolon',
      {
        version: 1,
        language: 'en',
        unitName: 'UBND xã Đăk Hà',
        staffName: 'Nguyễn Thị Lan',
        csvSeparator: 'semicolon',
        headerSynonyms: { due: ['Hạn trả'], code: ['Số hồ sơ'] },
        extraOrigins: ['https://dichvucong.quangngai.gov.vn'],
      },
      {
        language: 'en',
        unitName: 'UBND xã Đăk Hà',
        staffName: 'Nguyễn Thị Lan',
        delimiter: ';',
        headerSynonyms: { due: ['Hạn trả'], code: ['Số hồ sơ'] },
        extraOrigins: ['https://dichvucong.quangngai.gov.vn'],
      },
    ],
    ['comma', { version: 1, csvSeparator: 'comma', staffName: 'An' }, { delimiter: ',', staffName: 'An' }],
    ['no separator', { version: 1, language: 'vi' }, { delimiter: ',' }],
    ['only a version', { version: 1 }, {}],
  ])('%s migrates to v2, fields kept', (_label, v1, expected) => {
    const settings = parseSettings(v1);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...expected });
    expect(settings).not.toHaveProperty('csvSeparator');
  });

  it('does not mutate the stored value', () => {
    const v1 = { version: 1, csvSeparator: 'semicolon', staffName: 'An' };
    const copy = structuredClone(v1);
    parseSettings(v1);
    expect(v1).toEqual(copy);
  });
});

describe('parseSettings: current version', () => {
  const GOOD: Settings = {
    language: 'en',
    unitName: 'Bộ phận Một cửa huyện',
    staffName: 'Trần Văn Minh',
    delimiter: ';',
    headerSynonyms: { applicant: ['Người nộp'] },
    extraOrigins: ['https://dvc.quangngai.gov.vn'],
    monitorWindowDays: 3,
    holidayOverrides: { daysOff: ['2026-04-30'], workingDays: ['2026-05-09'] },
    reminder: { enabled: true, time: '07:45' },
    parentBody: 'Ủy ban nhân dân huyện Mộ Đức',
    letterNumber: '125/UBND-VP',
    letterDate: '2026-11-20',
    letterIssuer: 'Ủy ban nhân dân xã Đức Nhuận',
    place: 'Đức Nhuận',
    headTitle: 'Chủ tịch',
    headName: 'Phạm Văn Bình',
    preparerName: 'Lê Thị Hoa',
  };
  const DOCUMENT_FIELDS = ['parentBody', 'letterNumber', 'letterDate', 'letterIssuer', 'place', 'headTitle', 'headName', 'preparerName'] as const;

  it('a valid value reads as is', () => {
    expect(parseSettings(structuredClone(GOOD))).toEqual(GOOD);
  });

  it('a value stored before the document fields existed reads them blank, every other field kept', () => {
    const before: Record<string, unknown> = structuredClone(GOOD);
    for (const key of DOCUMENT_FIELDS) delete before[key];
    const blank = Object.fromEntries(DOCUMENT_FIELDS.map((key) => [key, '']));
    expect(parseSettings(before)).toEqual({ ...GOOD, ...blank });
    expect(parseSettings({ version: 1, staffName: 'An' })).toMatchObject({ staffName: 'An', ...blank });
  });

  it('a value of the old format (its own version 2) reads as the same settings, without the version', () => {
    expect(parseSettings({ version: 2, ...structuredClone(GOOD) })).toEqual(GOOD);
  });

  it.each<[string, keyof Settings, unknown]>([
    ['bad language', 'language', 'fr'],
    ['bad delimiter', 'delimiter', '\t'],
    ['unitName not a string', 'unitName', 12],
    ['staffName too long', 'staffName', 'x'.repeat(121)],
    ['headerSynonyms with an unknown field', 'headerSynonyms', { colour: ['x'] }],
    ['extraOrigins not an array', 'extraOrigins', 'https://a.vn'],
    ['extraOrigins with a damaged entry', 'extraOrigins', ['https://dvc.quangngai.gov.vn', 'javascript:alert(1)']],
    ['monitorWindowDays negative', 'monitorWindowDays', -1],
    ['monitorWindowDays not an integer', 'monitorWindowDays', 1.5],
    ['monitorWindowDays too large', 'monitorWindowDays', 31],
    ['holidayOverrides missing a list', 'holidayOverrides', { daysOff: [] }],
    ['holidayOverrides with a day that does not exist', 'holidayOverrides', { daysOff: ['2026-02-30'], workingDays: [] }],
    ['holidayOverrides with a day both off and working', 'holidayOverrides', { daysOff: ['2026-01-02'], workingDays: ['2026-01-02'] }],
    ['reminder with a bad time', 'reminder', { enabled: true, time: '24:00' }],
    ['reminder missing', 'reminder', undefined],
    ['letterDate not a real day', 'letterDate', '2026-02-30'],
    ['letterDate written day first', 'letterDate', '20/11/2026'],
    ['place too long', 'place', 'x'.repeat(81)],
    ['preparerName not a string', 'preparerName', 7],
    ['headName too long', 'headName', 'x'.repeat(121)],
  ])('%s: that field falls back, every other field kept', (_label, key, bad) => {
    const stored: Record<string, unknown> = { ...structuredClone(GOOD), [key]: bad };
    const settings = parseSettings(stored);
    expect(settings).toEqual({ ...GOOD, [key]: DEFAULT_SETTINGS[key] });
  });

  it('several broken fields at once keep the rest', () => {
    const settings = parseSettings({ ...structuredClone(GOOD), language: 1, delimiter: null, junk: 'x' });
    expect(settings).toEqual({ ...GOOD, language: 'vi', delimiter: ',' });
    expect(settings).not.toHaveProperty('junk');
  });

  it('trims text fields', () => {
    expect(parseSettings({ ...structuredClone(GOOD), staffName: '  Lan  ' }).staffName).toBe('Lan');
  });
});

describe('portalOriginSchema', () => {
  it.each<[string, string, string | null]>([
    ['host only', 'dichvucong.quangngai.gov.vn', 'https://dichvucong.quangngai.gov.vn'],
    ['host with spaces around', '  dichvucong.quangngai.gov.vn  ', 'https://dichvucong.quangngai.gov.vn'],
    ['host and path', 'dichvucong.quangngai.gov.vn/ho-so?x=1', 'https://dichvucong.quangngai.gov.vn'],
    ['https with path', 'https://motcua.binhdinh.gov.vn/a/b#c', 'https://motcua.binhdinh.gov.vn'],
    ['http kept', 'http://motcua.binhdinh.gov.vn/', 'http://motcua.binhdinh.gov.vn'],
    ['port kept', 'https://motcua.binhdinh.gov.vn:8443/x', 'https://motcua.binhdinh.gov.vn:8443'],
    ['default port dropped', 'https://motcua.binhdinh.gov.vn:443', 'https://motcua.binhdinh.gov.vn'],
    ['upper case host lowered', 'HTTPS://MotCua.BinhDinh.GOV.VN', 'https://motcua.binhdinh.gov.vn'],
    ['an IP address', 'http://10.0.0.5:8080/', 'http://10.0.0.5:8080'],
    ['ftp refused', 'ftp://motcua.binhdinh.gov.vn', null],
    ['file refused', 'file:///etc/passwd', null],
    ['javascript refused', 'javascript:alert(1)', null],
    ['junk refused', 'not a host', null],
    ['a word without a dot refused', 'localhost', null],
    ['empty refused', '', null],
    ['spaces only refused', '   ', null],
    ['bad port refused', 'motcua.binhdinh.gov.vn:99999', null],
  ])('%s: %j', (_label, input, expected) => {
    const result = portalOriginSchema.safeParse(input);
    if (expected === null) expect(result.success).toBe(false);
    else expect(result).toEqual({ success: true, data: expected });
  });
});

describe('holidayOverridesSchema (stored value)', () => {
  const { holidayOverridesSchema } = settingsSchemas();
  it.each<[unknown, boolean]>([
    [{ daysOff: ['2026-01-02'], workingDays: ['2026-01-10'] }, true],
    [{ daysOff: ['2026-02-30'], workingDays: [] }, false],
    [{ daysOff: [], workingDays: ['02/01/2026'] }, false],
    [{ daysOff: ['2026-01-02'], workingDays: ['2026-01-02'] }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(holidayOverridesSchema.safeParse(input).success).toBe(valid);
  });
});
