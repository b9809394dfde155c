import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  APPENDIX_HEADINGS,
  APPENDIX_KEYS,
  appendixFileName,
  buildAppendixRows,
  defaultReason,
  summarizeDossiers,
  type AppendixKey,
  type AppendixValues,
} from '../../../lib/appendix/rows';
import { appendixCsv } from '../../../lib/appendix/csv';
import type { DossierTag, PortalDate, StoredDossier } from '../../../lib/dossier/model';
import { appendixRow, day, storedDossier, tag } from '../../support/factories';

const TODAY = '2026-11-27';

interface Make {
  code: string;
  received?: PortalDate | null;
  due?: string;
  closed?: string | null;
  tag?: Partial<DossierTag> | null;
  unit?: string;
  procedure?: string;
  applicant?: string;
}

/** A dossier late on the system (due 2026-11-20, not closed) tagged on time unless overridden. */
function make(m: Make): StoredDossier {
  const due = m.due ?? '2026-11-20';
  return storedDossier({
    code: m.code,
    ...(m.procedure === undefined ? {} : { procedure: m.procedure }),
    ...(m.applicant === undefined ? {} : { applicant: m.applicant }),
    ...(m.unit === undefined ? {} : { unit: m.unit }),
    ...(m.received === undefined ? {} : { received: m.received }),
    due: day(due),
    closed: m.closed ? day(m.closed) : null,
    ...(m.tag === null ? {} : { tag: tag({ realReturn: due, ...(m.tag ?? {}) }) }),
  });
}

function parse(csv: string, delimiter: ',' | ';'): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const row = (over: Partial<AppendixValues> = {}) => appendixRow({ reason: 'Lý do', ...over });

describe('headings', () => {
  it('has exactly the 14 headings in order', () => {
    expect(APPENDIX_HEADINGS).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Lĩnh vực',
      'Tổ chức, cá nhân nộp hồ sơ',
      'Ngày tiếp nhận',
      'Ngày hẹn trả kết quả',
      'Ngày kết thúc trên Hệ thống',
      'Tình trạng trên Hệ thống',
      'Ngày trả kết quả thực tế',
      'Kết quả thực tế',
      'Lý do chưa kết thúc hoặc kết thúc muộn trên Hệ thống',
      'Cơ quan, đơn vị',
      'Ghi chú',
    ]);
  });

  it.each([',', ';'] as const)('writes them as the header row with delimiter %j', (delimiter) => {
    const data = parse(appendixCsv([], { delimiter }), delimiter);
    expect(data).toEqual([APPENDIX_HEADINGS]);
  });

  it('writes the exact header line for both delimiters', () => {
    const comma = appendixCsv([], { delimiter: ',' });
    expect(comma).toBe(
      '\uFEFFSTT,Mã hồ sơ,Tên thủ tục hành chính,Lĩnh vực,"Tổ chức, cá nhân nộp hồ sơ",Ngày tiếp nhận,' +
        'Ngày hẹn trả kết quả,Ngày kết thúc trên Hệ thống,Tình trạng trên Hệ thống,Ngày trả kết quả thực tế,' +
        'Kết quả thực tế,Lý do chưa kết thúc hoặc kết thúc muộn trên Hệ thống,"Cơ quan, đơn vị",Ghi chú\r\n',
    );
    const semi = appendixCsv([], { delimiter: ';' });
    expect(semi).toBe(`\uFEFF${APPENDIX_HEADINGS.join(';')}\r\n`);
  });
});

describe('CSV bytes', () => {
  it('starts with the UTF-8 BOM EF BB BF', () => {
    const bytes = new TextEncoder().encode(appendixCsv([row()], { delimiter: ',' }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes[3]).toBe('S'.charCodeAt(0));
  });

  it('ends every record with CRLF and has no bare LF or CR', () => {
    const csv = appendixCsv([row(), row({ code: 'B' })], { delimiter: ',' });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4); // header, 2 rows, '' after the final CRLF
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('renumbers STT 1..n in the given order', () => {
    const csv = appendixCsv([row({ stt: '9', code: 'A' }), row({ stt: '3', code: 'B' }), row({ stt: '', code: 'C' })], {
      delimiter: ',',
    });
    const data = parse(csv, ',').slice(1);
    expect(data.map((r) => [r[0], r[1]])).toEqual([
      ['1', 'A'],
      ['2', 'B'],
      ['3', 'C'],
    ]);
  });
});

describe('buildAppendixRows: selection', () => {
  it.each([
    ['late unclosed, on time', make({ code: 'A' }), true],
    ['late unclosed, early', make({ code: 'A', tag: { realReturn: '2026-11-15' } }), true],
    ['late closed, on time', make({ code: 'A', closed: '2026-11-25' }), true],
    ['really late', make({ code: 'A', tag: { realReturn: '2026-11-21' } }), false],
    ['untagged', make({ code: 'A', tag: null }), false],
    ['tag with an unreadable day', make({ code: 'A', tag: { realReturn: '2026-02-31' } }), false],
    ['closed on the due day (not late)', make({ code: 'A', closed: '2026-11-20' }), false],
    ['not closed, due today (not late)', make({ code: 'A', due: TODAY, tag: { realReturn: TODAY } }), false],
    ['not closed, due yesterday', make({ code: 'A', due: '2026-11-26', tag: { realReturn: '2026-11-26' } }), true],
  ])('%s → listed: %s', (_name, dossier, listed) => {
    expect(buildAppendixRows([dossier], { today: TODAY })).toHaveLength(listed ? 1 : 0);
  });

  it('fills every column of a late-unclosed on-time dossier', () => {
    const [r] = buildAppendixRows([make({ code: 'X', tag: { note: 'Sổ theo dõi trang 12' } })], { today: TODAY });
    expect(r).toEqual({
      stt: '1',
      code: 'X',
      procedure: 'Đăng ký khai sinh',
      sector: 'Hộ tịch',
      applicant: 'Nguyễn Văn An',
      // the page showed the receipt's time: the appendix shows it too
      received: '10/11/2026 08:00',
      due: '20/11/2026',
      closed: '',
      state: 'Chưa kết thúc',
      realReturn: '20/11/2026',
      outcome: 'Đúng hạn',
      reason: 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống',
      unit: 'UBND xã Đăk Cấm',
      note: 'Sổ theo dõi trang 12',
      sortKey: '2026-11-10 08:00:00',
    });
  });

  it('writes zero-padded dates and the closing day for a late-closed early dossier', () => {
    const [r] = buildAppendixRows(
      [
        make({
          code: 'X',
          received: { day: '2026-01-05' },
          due: '2026-02-03',
          closed: '2026-03-09',
          tag: { realReturn: '2026-02-01' },
        }),
      ],
      { today: TODAY },
    );
    expect(r).toMatchObject({
      received: '05/01/2026',
      due: '03/02/2026',
      closed: '09/03/2026',
      state: 'Kết thúc muộn',
      realReturn: '01/02/2026',
      outcome: 'Trước hạn',
    });
  });
});

describe('buildAppendixRows: ordering', () => {
  it('orders by receipt day and time, missing time as 00:00, ties by code, no receipt date last', () => {
    const dossiers = [
      make({ code: 'NO-DATE-B', received: null }),
      make({ code: 'NO-DATE-A', received: null }),
      make({ code: 'D2-0930', received: { day: '2026-11-11', time: '09:30' } }),
      make({ code: 'D1-1400', received: { day: '2026-11-10', time: '14:00' } }),
      make({ code: 'D1-0800-B', received: { day: '2026-11-10', time: '08:00' } }),
      make({ code: 'D1-0800-A', received: { day: '2026-11-10', time: '08:00:00' } }),
      make({ code: 'D1-NOTIME', received: { day: '2026-11-10' } }),
      make({ code: 'D1-0759', received: { day: '2026-11-10', time: '07:59:59' } }),
      make({ code: 'D0-2300', received: { day: '2026-11-09', time: '23:00' } }),
    ];
    const rows = buildAppendixRows(dossiers, { today: TODAY });
    expect(rows.map((r) => r.code)).toEqual([
      'D0-2300',
      'D1-NOTIME',
      'D1-0759',
      'D1-0800-A',
      'D1-0800-B',
      'D1-1400',
      'D2-0930',
      'NO-DATE-A',
      'NO-DATE-B',
    ]);
    expect(rows.map((r) => r.stt)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(rows[7]!.received).toBe('');
  });

  it('keeps that order in the CSV', () => {
    const rows = buildAppendixRows(
      [
        make({ code: 'B', received: { day: '2026-11-10', time: '10:00' } }),
        make({ code: 'A', received: { day: '2026-11-10', time: '10:00' } }),
        make({ code: 'C', received: { day: '2026-11-10', time: '09:00' } }),
      ],
      { today: TODAY },
    );
    const data = parse(appendixCsv(rows, { delimiter: ',' }), ',').slice(1);
    expect(data.map((r) => `${r[0]}:${r[1]}`)).toEqual(['1:C', '2:A', '3:B']);
  });
});

describe('period filter on the appointment day (inclusive)', () => {
  const dossiers = [
    make({ code: 'OCT31', due: '2026-10-31' }),
    make({ code: 'NOV01', due: '2026-11-01' }),
    make({ code: 'NOV15', due: '2026-11-15' }),
    make({ code: 'NOV26', due: '2026-11-26' }),
  ];
  it.each([
    [undefined, ['OCT31', 'NOV01', 'NOV15', 'NOV26']],
    [{}, ['OCT31', 'NOV01', 'NOV15', 'NOV26']],
    [{ from: '2026-11-01' }, ['NOV01', 'NOV15', 'NOV26']],
    [{ to: '2026-11-01' }, ['OCT31', 'NOV01']],
    [{ from: '2026-11-01', to: '2026-11-15' }, ['NOV01', 'NOV15']],
    [{ from: '2026-11-16', to: '2026-11-25' }, []],
  ])('period %j', (period, codes) => {
    const rows = buildAppendixRows(dossiers, { today: TODAY, period });
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
    expect(summarizeDossiers(dossiers, TODAY, period).appendix).toBe(codes.length);
  });
});

describe('column 13: unit', () => {
  it.each([
    ['UBND xã Đăk Cấm', 'Phòng Tư pháp', 'UBND xã Đăk Cấm'],
    [undefined, 'Phòng Tư pháp', 'Phòng Tư pháp'],
    ['', 'Phòng Tư pháp', 'Phòng Tư pháp'],
    ['   ', 'Phòng Tư pháp', 'Phòng Tư pháp'],
    [undefined, '', ''],
    ['  UBND phường A  ', '', 'UBND phường A'],
  ])('option %j, page unit %j → %j', (unitName, pageUnit, expected) => {
    const [r] = buildAppendixRows([make({ code: 'A', unit: pageUnit })], { today: TODAY, unitName });
    expect(r!.unit).toBe(expected);
  });
});

describe('column 12: reason', () => {
  it.each([
    ['late-unclosed', 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống'],
    ['late-closed', 'Đã trả kết quả cho công dân đúng hạn nhưng kết thúc hồ sơ trên Hệ thống muộn'],
  ] as const)('default sentence for %s', (state, sentence) => {
    expect(defaultReason(state)).toBe(sentence);
  });

  it.each([
    [null, '', 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống'],
    [null, '  \n ', 'Đã trả kết quả cho công dân nhưng chưa kết thúc hồ sơ trên Hệ thống'],
    ['2026-11-25', '', 'Đã trả kết quả cho công dân đúng hạn nhưng kết thúc hồ sơ trên Hệ thống muộn'],
    [null, 'Mất kết nối mạng', 'Mất kết nối mạng'],
    ['2026-11-25', ' Cán bộ nghỉ phép ', 'Cán bộ nghỉ phép'],
  ])('closed %j, staff reason %j → %j', (closed, reason, expected) => {
    const [r] = buildAppendixRows([make({ code: 'A', closed, tag: { reason } })], { today: TODAY });
    expect(r!.reason).toBe(expected);
  });
});

describe('delimiters and quoting', () => {
  const tricky: [string, string][] = [
    ['comma', 'a, b'],
    ['semicolon', 'a; b'],
    ['quote', 'Ông "Ba" nộp'],
    ['CRLF', 'dòng 1\r\ndòng 2'],
    ['LF', 'dòng 1\ndòng 2'],
    ['leading space kept inside the cell', 'x  y'],
  ];
  it.each(
    [',', ';'].flatMap((delimiter) => tricky.map(([name, value]) => [delimiter as ',' | ';', name, value] as const)),
  )('delimiter %j round-trips a note with %s', (delimiter, _name, value) => {
    const csv = appendixCsv([row({ note: value, applicant: value })], { delimiter });
    const data = parse(csv, delimiter);
    expect(data).toHaveLength(2);
    expect(data[1]).toHaveLength(14);
    expect(data[1]![13]).toBe(value);
    expect(data[1]![4]).toBe(value);
  });

  it('quotes a cell only when needed and doubles quotes', () => {
    const csv = appendixCsv([row({ note: 'Ông "Ba"', applicant: 'A, B', sector: 'C; D' })], { delimiter: ',' });
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain(',"A, B",');
    expect(line).toContain(',C; D,');
    expect(line.endsWith(',"Ông ""Ba"""')).toBe(true);
    const semi = appendixCsv([row({ applicant: 'A, B', sector: 'C; D' })], { delimiter: ';' }).split('\r\n')[1]!;
    expect(semi).toContain(';A, B;');
    expect(semi).toContain(';"C; D";');
  });
});

describe('formula neutralisation', () => {
  const prefixes = ['=', '+', '-', '@', '\t', '\r', '\n'];
  const columns = APPENDIX_KEYS.filter((k) => k !== 'stt');
  it.each(
    columns.flatMap((key) => prefixes.map((p) => [key, JSON.stringify(p), p] as [AppendixKey, string, string])),
  )('column %s: a cell starting with %s gets a leading apostrophe', (key, _shown, prefix) => {
    const value = `${prefix}SUM(A1:A9)`;
    for (const delimiter of [',', ';'] as const) {
      const data = parse(appendixCsv([row({ [key]: value })], { delimiter }), delimiter);
      const index = APPENDIX_KEYS.indexOf(key);
      expect(data[1]![index]).toBe(`'${value}`);
    }
  });

  it.each([
    ['plain text', 'Hộ tịch'],
    ['formula sign inside', 'a=b+c-d@e'],
    ['an apostrophe first', "'abc"],
    ['a leading space', ' =x'],
  ])('leaves %s alone', (_name, value) => {
    const data = parse(appendixCsv([row({ note: value })], { delimiter: ',' }), ',');
    expect(data[1]![13]).toBe(value);
  });

  it('neutralises a cell starting with a line break in the raw text too', () => {
    const csv = appendixCsv([row({ note: '\n=HYPERLINK("x")' })], { delimiter: ',' });
    expect(csv).toContain(`,"'\n=HYPERLINK(""x"")"\r\n`);
  });

  it('neutralises formula-like text coming from the store', () => {
    const rows = buildAppendixRows(
      [make({ code: '-123', applicant: '=cmd|calc', tag: { reason: '+1', note: '@SUM(1)' } })],
      { today: TODAY },
    );
    const r = parse(appendixCsv(rows, { delimiter: ',' }), ',')[1]!;
    expect([r[1], r[4], r[11], r[13]]).toEqual(["'-123", "'=cmd|calc", "'+1", "'@SUM(1)"]);
  });
});

describe('NFC', () => {
  const nfd = 'Nguyễn Văn Ước, Đăk Cấm'.normalize('NFD');
  it('the test input really is decomposed', () => {
    expect(nfd).not.toBe(nfd.normalize('NFC'));
  });

  it('buildAppendixRows normalises every text field', () => {
    const [r] = buildAppendixRows(
      [make({ code: 'A', applicant: nfd, procedure: nfd, unit: nfd, tag: { reason: nfd, note: nfd } })],
      { today: TODAY },
    );
    for (const key of ['applicant', 'procedure', 'unit', 'reason', 'note'] as const) {
      expect(r![key]).toBe(nfd.normalize('NFC'));
    }
    const [o] = buildAppendixRows([make({ code: 'A' })], { today: TODAY, unitName: nfd });
    expect(o!.unit).toBe(nfd.normalize('NFC'));
  });

  it('appendixCsv writes NFC even for NFD rows', () => {
    const csv = appendixCsv([row({ applicant: nfd, note: nfd })], { delimiter: ';' });
    expect(csv).toBe(csv.normalize('NFC'));
    expect(csv).toContain('Nguyễn Văn Ước, Đăk Cấm'.normalize('NFC'));
  });
});

describe('round trip through Papa', () => {
  it.each([',', ';'] as const)('delimiter %j gives back every cell', (delimiter) => {
    const rows = buildAppendixRows(
      [
        make({ code: 'A', tag: { note: 'Ghi chú\r\nhai dòng; có "ngoặc", phẩy' } }),
        make({ code: 'B', closed: '2026-11-24', received: { day: '2026-11-12' }, tag: { realReturn: '2026-11-18' } }),
      ],
      { today: TODAY, unitName: 'UBND xã Đăk Cấm' },
    );
    const data = parse(appendixCsv(rows, { delimiter }), delimiter);
    expect(data[0]).toEqual(APPENDIX_HEADINGS);
    expect(data.slice(1)).toEqual(rows.map((r) => APPENDIX_KEYS.map((k) => r[k])));
  });
});

describe('summarizeDossiers', () => {
  it('counts late, tagged, appendix, really late and untagged', () => {
    const dossiers = [
      make({ code: 'ON', tag: {} }),
      make({ code: 'EARLY', tag: { realReturn: '2026-11-12' } }),
      make({ code: 'CLOSED-LATE', closed: '2026-11-22' }),
      make({ code: 'REALLY', tag: { realReturn: '2026-11-23' } }),
      make({ code: 'UNTAGGED', tag: null }),
      make({ code: 'UNTAGGED2', closed: '2026-11-21', tag: null }),
      make({ code: 'NOT-LATE', closed: '2026-11-19' }),
      make({ code: 'NOT-LATE2', due: '2026-11-30', tag: null }),
    ];
    expect(summarizeDossiers(dossiers, TODAY)).toEqual({
      late: 6,
      tagged: 4,
      appendix: 3,
      reallyLate: 1,
      untagged: 2,
    });
    expect(summarizeDossiers(dossiers, TODAY, { from: '2026-12-01' })).toEqual({
      late: 0,
      tagged: 0,
      appendix: 0,
      reallyLate: 0,
      untagged: 0,
    });
  });
});

describe('appendixFileName', () => {
  it.each([
    ['2026-11-27', undefined, 'phu-luc-ho-so-tre-han-20261127.csv'],
    ['2026-01-05', '', 'phu-luc-ho-so-tre-han-20260105.csv'],
    ['2026-11-27', '  ', 'phu-luc-ho-so-tre-han-20261127.csv'],
    ['2026-11-27', 'UBND xã Đăk Cấm', 'phu-luc-ho-so-tre-han-ubnd-xa-dak-cam-20261127.csv'],
    ['2026-11-27', 'UBND xã Đăk Cấm'.normalize('NFD'), 'phu-luc-ho-so-tre-han-ubnd-xa-dak-cam-20261127.csv'],
    ['2026-11-27', 'ĐẮK HÀ / Phòng Tư pháp!', 'phu-luc-ho-so-tre-han-dak-ha-phong-tu-phap-20261127.csv'],
    ['2026-11-27', '"><script>', 'phu-luc-ho-so-tre-han-script-20261127.csv'],
    ['2026-11-27', '***', 'phu-luc-ho-so-tre-han-20261127.csv'],
    [
      '2026-11-27',
      'Ủy ban nhân dân thành phố Kon Tum tỉnh Kon Tum cũ',
      'phu-luc-ho-so-tre-han-uy-ban-nhan-dan-thanh-pho-kon-tum-tinh-20261127.csv',
    ],
    ['2026-11-27', 'a'.repeat(50), `phu-luc-ho-so-tre-han-${'a'.repeat(40)}-20261127.csv`],
  ])('%s, %j → %s', (today, unit, name) => {
    expect(appendixFileName(today, unit)).toBe(name);
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
  });

  it('throws on a bad day', () => {
    expect(() => appendixFileName('27/11/2026')).toThrow(RangeError);
  });
});

describe('NFC: decomposed input comes out composed', () => {
  const nfdText = 'Đăng ký khai sinh cho trẻ, Nguyễn Thị Ước'.normalize('NFD');
  const nfc = nfdText.normalize('NFC');

  it('from the store through buildAppendixRows and appendixCsv', () => {
    const rows = buildAppendixRows(
      [make({ code: 'H34-261110-0001', procedure: nfdText, applicant: nfdText, unit: nfdText, tag: { reason: nfdText, note: nfdText } })],
      { today: TODAY },
    );
    for (const delimiter of [',', ';'] as const) {
      const csv = appendixCsv(rows, { delimiter });
      expect(csv).toBe(csv.normalize('NFC'));
      const cells = parse(csv, delimiter)[1]!;
      for (const index of [2, 4, 11, 12, 13]) expect(cells[index]).toBe(nfc);
    }
  });

  it('in every column of a row given to appendixCsv', () => {
    const r = row();
    for (const key of APPENDIX_KEYS) if (key !== 'stt') r[key] = nfdText;
    const cells = parse(appendixCsv([r], { delimiter: ',' }), ',')[1]!;
    expect(cells.slice(1)).toEqual(Array(13).fill(nfc));
  });
});

describe('dates through the export fast paths', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['2026-11-2a', false],
  ])('real return day %s counts as a tag: %s', (realReturn, valid) => {
    const d = make({ code: 'A', due: '2026-11-20', tag: { realReturn } });
    expect(summarizeDossiers([d], '3000-01-01').untagged).toBe(valid ? 0 : 1);
  });

  it('formats days dd/MM/yyyy with the time as HH:mm where shown, seconds dropped, and sorts receipts with odd times as before', () => {
    const rows = buildAppendixRows(
      [
        make({ code: 'C', received: { day: '2026-11-10', time: '8:5' } }),
        make({ code: 'B', received: { day: '2026-11-10', time: '08:05:00' } }),
        make({ code: 'A', received: { day: '2026-11-10', time: '08:04:59' } }),
        make({ code: 'D', received: { day: '2026-02-30', time: '08:00' } }),
        make({ code: 'E', received: { day: '2026-11-10' } }),
      ],
      { today: TODAY },
    );
    expect(rows.map((r) => [r.code, r.sortKey, r.received])).toEqual([
      ['E', '2026-11-10 00:00:00', '10/11/2026'],
      ['A', '2026-11-10 08:04:59', '10/11/2026 08:04'],
      ['B', '2026-11-10 08:05:00', '10/11/2026 08:05'],
      ['C', '2026-11-10 08:05:00', '10/11/2026 08:05'],
      ['D', '\uFFFF', ''],
    ]);
    expect(rows[0]!.due).toBe('20/11/2026');
  });
});

describe('staff-typed reason and note', () => {
  it('lose invisible direction controls in the export, nothing else', () => {
    const [r] = buildAppendixRows(
      [make({ code: 'A', tag: { reason: 'Lý do \u202Eabc\u202C', note: 'dòng 1\n\u2066ghi\u2069 chú\u200F' } })],
      { today: TODAY },
    );
    expect(r!.reason).toBe('Lý do abc');
    expect(r!.note).toBe('dòng 1\nghi chú');
    const cells = parse(appendixCsv([r!], { delimiter: ',' }), ',')[1]!;
    expect(cells[11]).toBe('Lý do abc');
  });
});

describe('buildAppendixRows: times of day', () => {
  it('columns 6–8 carry HH:mm where the page showed a time, column 10 where staff gave one', () => {
    const dossier = storedDossier({
      code: 'T',
      received: { day: '2026-11-10', time: '08:15:42' },
      due: { day: '2026-11-20', time: '17:00' },
      closed: { day: '2026-11-20', time: '17:40:05' },
      tag: tag({ realReturn: '2026-11-20', time: '16:45' }),
    });
    const [r] = buildAppendixRows([dossier], { today: TODAY });
    expect(r).toMatchObject({
      received: '10/11/2026 08:15',
      due: '20/11/2026 17:00',
      closed: '20/11/2026 17:40',
      state: 'Kết thúc muộn',
      realReturn: '20/11/2026 16:45',
      outcome: 'Đúng hạn',
    });
    expect(parse(appendixCsv([r!], { delimiter: ',' }), ',')[1]!.slice(5, 11)).toEqual([
      '10/11/2026 08:15',
      '20/11/2026 17:00',
      '20/11/2026 17:40',
      'Kết thúc muộn',
      '20/11/2026 16:45',
      'Đúng hạn',
    ]);
  });

  it('a return after a timed appointment on its day is really late, not in the appendix', () => {
    const dossier = storedDossier({
      code: 'L',
      due: { day: '2026-11-20', time: '17:00' },
      closed: { day: '2026-11-20', time: '17:40' },
      tag: tag({ realReturn: '2026-11-20', time: '17:30' }),
    });
    expect(buildAppendixRows([dossier], { today: TODAY })).toEqual([]);
    expect(summarizeDossiers([dossier], TODAY)).toMatchObject({ late: 1, tagged: 1, reallyLate: 1, appendix: 0 });
  });
});
