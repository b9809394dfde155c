/**
 * Labelled values inside a row's cells (docs/domain.md, "Composite cells"): lists that show several
 * fields in one cell ("Thông tin hồ sơ" holding the code, "- Trạng thái hồ sơ : Đang xử lý" and
 * "- Tiếp nhận trực tiếp: 12/03/2024 08:15, hẹn trả: 15/03/2024 17:00"). Used only for the fields a
 * list has no column for.
 */
import type { DossierField } from '../../dossier/model';
import { normalizeHeader } from '../text';

/** Labels seen in real lists, by field (compared after `normalizeHeader`). */
export const DEFAULT_LABELS: Readonly<Partial<Record<DossierField, readonly string[]>>> = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ'],
  procedure: ['Thủ tục', 'Tên thủ tục', 'Thủ tục hành chính', 'Tên TTHC'],
  applicant: ['Chủ hồ sơ', 'Người nộp', 'Người đứng tên'],
  received: ['Tiếp nhận', 'Tiếp nhận trực tiếp', 'Tiếp nhận trực tuyến', 'Ngày tiếp nhận', 'Ngày nộp hồ sơ', 'Ngày nộp', 'Nhận hồ sơ'],
  due: ['Hẹn trả', 'Ngày hẹn trả', 'Hẹn trả kết quả', 'Hạn trả', 'Hạn xử lý', 'Hạn giải quyết'],
  closed: ['Ngày kết thúc', 'Kết thúc', 'Ngày hoàn thành'],
  status: ['Trạng thái hồ sơ', 'Trạng thái', 'Tình trạng'],
  unit: ['Đơn vị xử lý', 'Cơ quan xử lý'],
  handler: ['Người xử lý', 'Cán bộ xử lý', 'Cán bộ xử lý hiện tại'],
};

const COLON = /[:：]/g;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** What a value ends without (checked one character at a time from its end: no scan of the value). */
const TRAILING_SEPARATOR = /[\s,;.\-–|]/u;

export interface LabelReader {
  /** Which fields a label can give. */
  fields: ReadonlySet<DossierField>;
  /**
   * The labelled values in `text` (normalised, lines joined by '\n'), by field: the first label of a
   * field wins; a value runs to the next label or the end of its line, without trailing separators.
   */
  read(text: string): Partial<Record<DossierField, string>>;
}

/**
 * A reader of labels for `wanted` fields. Staff's labels (the mapping) come first and win over the
 * defaults. Null when no label can give a wanted field.
 */
export function createLabelReader(
  wanted: readonly DossierField[],
  mapped: Readonly<Record<string, DossierField>> | undefined,
): LabelReader | null {
  const fieldOf = new Map<string, DossierField>();
  for (const [label, field] of Object.entries(mapped ?? {})) {
    const key = normalizeHeader(label);
    if (key && wanted.includes(field)) fieldOf.set(key, field);
  }
  for (const field of wanted) {
    for (const label of DEFAULT_LABELS[field] ?? []) {
      const key = normalizeHeader(label);
      if (!fieldOf.has(key)) fieldOf.set(key, field);
    }
  }
  if (fieldOf.size === 0) return null;
  // By their last character, longest first (so "Tiếp nhận trực tiếp" is taken before "Tiếp nhận" at the
  // same place): at a colon only the few labels ending in the character before it are compared.
  const byLastChar = new Map<number, { label: string; field: DossierField }[]>();
  for (const [label, field] of fieldOf) {
    const last = label.charCodeAt(label.length - 1);
    const group = byLastChar.get(last);
    if (group) group.push({ label, field });
    else byLastChar.set(last, [{ label, field }]);
  }
  for (const group of byLastChar.values()) group.sort((a, b) => b.label.length - a.label.length);
  const longest = Math.max(...[...fieldOf.keys()].map((label) => label.length));
  return {
    fields: new Set(fieldOf.values()),
    read(text) {
      // From each colon back to a label: a row holds a few colons, and a scan with a regular expression
      // of every label at every character costs several times more.
      const found: { field: DossierField; start: number; end: number }[] = [];
      // The ASCII colon by indexOf; the full-width one (rare) by the regular expression.
      const wide = text.indexOf('：') >= 0;
      COLON.lastIndex = 0;
      const nextColon = (from: number): number => (wide ? (COLON.exec(text)?.index ?? -1) : text.indexOf(':', from));
      for (let colon = nextColon(0); colon >= 0; colon = nextColon(colon + 1)) {
        let end = colon;
        while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
        // A label ends with a letter: the colon of a time ("08:15") is none.
        const last = text.charCodeAt(end - 1);
        if (last >= 48 && last <= 57) continue;
        const lineStart = text.lastIndexOf('\n', end - 1) + 1;
        const before = text.slice(Math.max(lineStart, end - longest), end).toLowerCase();
        for (const { label, field } of byLastChar.get(before.charCodeAt(before.length - 1)) ?? []) {
          if (!before.endsWith(label)) continue;
          const start = end - label.length;
          // A label starts its line or follows a non-letter ("- ", ", ").
          if (start > lineStart && WORD_CHAR.test(text.charAt(start - 1))) continue;
          found.push({ field, start, end: colon + 1 });
          break;
        }
      }
      const values: Partial<Record<DossierField, string>> = {};
      found.forEach(({ field, end: start }, k) => {
        if (values[field] !== undefined) return; // the first label of a field wins
        const lineEnd = text.indexOf('\n', start);
        let end = found[k + 1]?.start ?? text.length;
        if (lineEnd >= 0 && lineEnd < end) end = lineEnd;
        while (end > start && TRAILING_SEPARATOR.test(text.charAt(end - 1))) end--;
        values[field] = text.slice(start, end).trim();
      });
      return values;
    },
  };
}
