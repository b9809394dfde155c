import { describe, expect, it } from 'vitest';
import { DOSSIER_FIELDS, type DossierField } from '../../../lib/dossier/model';
import {
  DEFAULT_HEADER_SYNONYMS,
  createHeaderMatcher,
  findColumnMapping,
  isDossierList,
} from '../../../lib/portal/headers';

const match = createHeaderMatcher();

const SPEC_SYNONYMS: Record<DossierField, string[]> = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'Số biên nhận'],
  procedure: ['Tên thủ tục hành chính', 'Thủ tục hành chính', 'Tên thủ tục', 'Thủ tục', 'Tên TTHC'],
  sector: ['Lĩnh vực', 'Tên lĩnh vực'],
  applicant: ['Chủ hồ sơ', 'Người nộp', 'Tổ chức, cá nhân', 'Tên tổ chức, cá nhân', 'Người đứng tên'],
  received: ['Ngày tiếp nhận', 'Ngày nhận', 'Ngày nộp', 'Thời gian tiếp nhận', 'Nhận hồ sơ', 'Ngày nộp hồ sơ'],
  due: ['Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết', 'Ngày hẹn', 'Hẹn trả kết quả', 'Hạn trả'],
  closed: ['Ngày kết thúc', 'Ngày kết thúc xử lý', 'Ngày hoàn thành', 'Ngày có kết quả', 'Ngày trả kết quả', 'Trả kết quả'],
  status: ['Trạng thái', 'Trạng thái hồ sơ', 'Tình trạng'],
  unit: ['Đơn vị xử lý', 'Cơ quan xử lý', 'Đơn vị tiếp nhận', 'Phòng ban'],
  // The optional handler column the dashboard's "who closes late" counts by.
  handler: ['Cán bộ xử lý', 'Người xử lý', 'Cán bộ đang xử lý', 'Cán bộ xử lý hiện tại'],
  // The optional overdue-days column: the portal's own verdict where above 0.
  overdue: ['Số ngày quá hạn', 'Số ngày trễ hạn'],
};

describe('DEFAULT_HEADER_SYNONYMS', () => {
  it('holds exactly the lists of docs/domain.md, in NFC', () => {
    expect(DEFAULT_HEADER_SYNONYMS).toEqual(SPEC_SYNONYMS);
    for (const field of DOSSIER_FIELDS) {
      for (const synonym of DEFAULT_HEADER_SYNONYMS[field]) expect(synonym).toBe(synonym.normalize('NFC'));
    }
  });
});

/** Ways the portal writes a header. Each returns the variant of a synonym. */
const VARIANTS: [string, (s: string) => string][] = [
  ['NFC', (s) => s.normalize('NFC')],
  ['NFD', (s) => s.normalize('NFD')],
  ['NBSP between words', (s) => s.replaceAll(' ', '\u00a0')],
  ['NBSP, NFD', (s) => s.normalize('NFD').replaceAll(' ', '\u00a0')],
  ['doubled spaces', (s) => s.replaceAll(' ', '  ')],
  ['line break inside', (s) => s.replace(' ', '\n')],
  ['CRLF and tab inside, padded', (s) => ` \t${s.replace(' ', '\r\n\t')}\n`],
  ['trailing colon', (s) => `${s}:`],
  ['trailing asterisk', (s) => `${s} *`],
  ['trailing colon and asterisk', (s) => `${s}*:`],
  ['upper case', (s) => s.toLocaleUpperCase('vi')],
  ['upper case, NFD', (s) => s.toLocaleUpperCase('vi').normalize('NFD')],
];

const CASES = DOSSIER_FIELDS.flatMap((field) =>
  SPEC_SYNONYMS[field].flatMap((synonym) =>
    VARIANTS.map(([variant, make]) => ({ field, synonym, variant, text: make(synonym) })),
  ),
);

describe('createHeaderMatcher: every synonym of every field', () => {
  it.each(CASES)('$field ← "$synonym" ($variant)', ({ field, text }) => {
    expect(match(text)).toBe(field);
  });

  it('the NFD variants really differ from NFC where there are diacritics', () => {
    expect('Mã hồ sơ'.normalize('NFD')).not.toBe('Mã hồ sơ');
    expect(CASES.filter((c) => c.variant === 'NFD' && c.text !== c.synonym).length).toBeGreaterThan(30);
  });
});

describe('createHeaderMatcher: prefixes at a word boundary', () => {
  it.each<[string, DossierField]>([
    ['Ngày hẹn trả kết quả (dự kiến)', 'due'],
    ['Ngày hẹn trả kết quả', 'due'],
    ['Ngày trả kết quả', 'closed'],
    ['Mã hồ sơ arrow_upward', 'code'],
    ['Mã hồ sơ\nunfold_more', 'code'],
    ['Số hồ sơ/Mã biên nhận', 'code'],
    ['Ngày tiếp nhận ▲', 'received'],
    ['Hạn xử lý (ngày)', 'due'],
    ['Trạng thái xử lý', 'status'],
    ['Thủ tục hành chính', 'procedure'],
    ['Thủ tục hành chính arrow_downward', 'procedure'],
    ['Tổ chức, cá nhân nộp hồ sơ', 'applicant'],
    ['Ngày kết thúc xử lý', 'closed'],
    ['Ngày hẹn (dự kiến)', 'due'],
    ['Ngày có kết quả:', 'closed'],
    ['Đơn vị tiếp nhận hồ sơ', 'unit'],
    ['Lĩnh vực:', 'sector'],
  ])('%j → %s', (header, field) => {
    expect(match(header)).toBe(field);
  });
});

describe('createHeaderMatcher: headers that are no field', () => {
  it.each([
    'STT',
    'Thao tác',
    '',
    '  \u00a0 ',
    'Ngày',
    'Hạn',
    'Hồ sơ',
    'Thời hạn xử lý',
    'Mã hồ sơn',
    'Ngày hẹnx',
    'Mã',
    'check_box_outline_blank',
    'Ghi chú',
    'Tổ chức',
  ])('%j → null', (header) => {
    expect(match(header)).toBeNull();
  });
});

describe('createHeaderMatcher: user extras', () => {
  const custom = createHeaderMatcher({
    code: ['Mã HS'],
    due: ['Hạn trả:'],
    closed: ['Ngày hẹn'],
    unit: ['Bộ phận'.normalize('NFD')],
  });

  it.each<[string, DossierField | null]>([
    ['Mã HS', 'code'],
    ['mã hs *', 'code'],
    ['Hạn trả', 'due'],
    ['HẠN TRẢ kết quả', 'due'],
    ['Bộ phận', 'unit'],
    ['Bộ phận xử lý', 'unit'],
    // defaults still there
    ['Mã hồ sơ', 'code'],
    ['Ngày hẹn trả', 'due'],
    // the user's field wins over a default of another field
    ['Ngày hẹn', 'closed'],
    ['Mã HSx', null],
  ])('%j → %s', (header, field) => {
    expect(custom(header)).toBe(field);
  });

  it('does not change the default matcher', () => {
    expect(match('Mã HS')).toBeNull();
    expect(match('Ngày hẹn')).toBe('due');
  });

  it('ignores empty extras', () => {
    const m = createHeaderMatcher({ code: ['', ' : '] });
    expect(m('')).toBeNull();
    expect(m(':')).toBeNull();
  });
});

describe('findColumnMapping / isDossierList', () => {
  it('maps columns in any order; the first column wins per field', () => {
    const mapping = findColumnMapping(
      ['STT', 'Số hồ sơ', 'Thủ tục hành chính', 'Ngày hẹn trả', 'Mã hồ sơ', 'Hạn xử lý', 'Trạng thái', 'Thao tác'],
      match,
    );
    expect(mapping).toEqual({ code: 1, procedure: 2, due: 3, status: 6 });
    expect(isDossierList(mapping)).toBe(true);
  });

  it.each<[string, string[], boolean]>([
    ['code and due', ['Mã hồ sơ', 'Ngày hẹn trả'], true],
    ['code at index 0 counts', ['Mã hồ sơ', 'x', 'Hạn giải quyết'], true],
    ['no due', ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày kết thúc'], false],
    ['no code', ['STT', 'Thủ tục', 'Ngày hẹn trả'], false],
    ['nothing', ['Họ tên', 'Địa chỉ'], false],
    ['empty', [], false],
  ])('%s → %s', (_name, headers, expected) => {
    expect(isDossierList(findColumnMapping(headers, match))).toBe(expected);
  });
});
