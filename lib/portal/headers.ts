import { DOSSIER_FIELDS, type DossierField } from '../dossier/model';
import { normalizeHeader } from './text';

/** Known header texts per field (docs/domain.md, "What the reader must do", step 2), as written there. */
export const DEFAULT_HEADER_SYNONYMS: Record<DossierField, readonly string[]> = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'Số biên nhận'],
  procedure: ['Tên thủ tục hành chính', 'Thủ tục hành chính', 'Tên thủ tục', 'Thủ tục', 'Tên TTHC'],
  sector: ['Lĩnh vực', 'Tên lĩnh vực'],
  applicant: ['Chủ hồ sơ', 'Người nộp', 'Tổ chức, cá nhân', 'Tên tổ chức, cá nhân', 'Người đứng tên'],
  received: ['Ngày tiếp nhận', 'Ngày nhận', 'Ngày nộp', 'Thời gian tiếp nhận', 'Nhận hồ sơ', 'Ngày nộp hồ sơ'],
  due: ['Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết', 'Ngày hẹn', 'Hẹn trả kết quả', 'Hạn trả'],
  closed: ['Ngày kết thúc', 'Ngày kết thúc xử lý', 'Ngày hoàn thành', 'Ngày có kết quả', 'Ngày trả kết quả', 'Trả kết quả'],
  status: ['Trạng thái', 'Trạng thái hồ sơ', 'Tình trạng'],
  unit: ['Đơn vị xử lý', 'Cơ quan xử lý', 'Đơn vị tiếp nhận', 'Phòng ban'],
  handler: ['Cán bộ xử lý', 'Người xử lý', 'Cán bộ đang xử lý', 'Cán bộ xử lý hiện tại'],
  overdue: ['Số ngày quá hạn', 'Số ngày trễ hạn'],
};

export type HeaderMatcher = (headerText: string) => DossierField | null;

/**
 * Headings of columns that hold no dossier data: the row number and the actions (buttons "Xem",
 * "Sửa"). A list of composite cells does not look for labels, codes or verdict words in them.
 */
const DATALESS_HEADINGS = new Set(['STT', 'TT', 'Số TT', 'Số thứ tự', 'Thao tác', 'Chức năng', 'Hành động', 'Tác vụ'].map(normalizeHeader));

/** Whether a (normalised) heading names a column that holds no dossier data (see DATALESS_HEADINGS). */
export function isDatalessHeading(heading: string): boolean {
  return DATALESS_HEADINGS.has(normalizeHeader(heading));
}

/** A character that continues a word: after a prefix match, the header must not go on with one. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * A matcher from header text to field. Header and synonyms are compared after {@link normalizeHeader}.
 * An exact match wins; otherwise the longest synonym the header starts with at a word boundary
 * ("Ngày hẹn trả kết quả (dự kiến)" → due; "Mã hồ sơ arrow_upward" → code). User extras are added to
 * the defaults; where an extra equals a default synonym of another field, the user's field wins.
 * `mapped` (headings staff pointed at on the page) are matched exactly, before every synonym.
 */
export function createHeaderMatcher(
  extra?: Partial<Record<DossierField, readonly string[]>>,
  mapped?: Readonly<Record<string, DossierField>>,
): HeaderMatcher {
  // Headings staff mapped on the page: exact, and before every synonym (docs/domain.md, "Headers").
  const first = new Map<string, DossierField>();
  for (const [heading, field] of Object.entries(mapped ?? {})) {
    const key = normalizeHeader(heading);
    if (key && DOSSIER_FIELDS.includes(field)) first.set(key, field);
  }
  const exact = new Map<string, DossierField>();
  const add = (field: DossierField, synonym: string, override: boolean): void => {
    const key = normalizeHeader(synonym);
    if (!key) return;
    if (override || !exact.has(key)) exact.set(key, field);
  };
  for (const field of DOSSIER_FIELDS) {
    for (const synonym of DEFAULT_HEADER_SYNONYMS[field]) add(field, synonym, false);
  }
  if (extra) {
    for (const field of DOSSIER_FIELDS) {
      for (const synonym of extra[field] ?? []) add(field, synonym, true);
    }
  }
  // Longest first, so the first prefix hit is the longest one.
  const byLength = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);

  return (headerText: string): DossierField | null => {
    const header = normalizeHeader(headerText);
    if (!header) return null;
    const hit = first.get(header) ?? exact.get(header);
    if (hit) return hit;
    for (const [synonym, field] of byLength) {
      if (synonym.length < header.length && header.startsWith(synonym)) {
        const next = header.charAt(synonym.length);
        if (!WORD_CHAR.test(next)) return field;
      }
    }
    return null;
  };
}

/** Column index per field, from header texts by column; the first column wins per field. */
export function findColumnMapping(
  headerTexts: readonly string[],
  matcher: HeaderMatcher,
): Partial<Record<DossierField, number>> {
  const mapping: Partial<Record<DossierField, number>> = {};
  headerTexts.forEach((text, index) => {
    const field = matcher(text);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** A dossier list needs at least the code and the due-date columns. */
export function isDossierList(mapping: Partial<Record<DossierField, number>>): boolean {
  return mapping.code !== undefined && mapping.due !== undefined;
}
