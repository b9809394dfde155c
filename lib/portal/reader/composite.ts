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

/**
 * Whether the character at `index` is a letter, mark or digit: whether a label's first character follows
 * a word (then it is no label). ASCII by its code (most characters there, with no one-character string
 * made), the rest by the regular expression.
 */
function isWordCharAt(line: string, index: number): boolean {
  const code = line.charCodeAt(index);
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
  return WORD_CHAR.test(line.charAt(index));
}

/**
 * What a value ends without: white space, `,;.-|` and the en dash. Lines are normalised, so their only
 * white space is the ASCII space.
 */
function isTrailingSeparator(code: number): boolean {
  return code === 32 || code === 44 || code === 59 || code === 46 || code === 45 || code === 124 || code === 0x2013;
}

/**
 * A label compared letter by letter in either case, with no lower-cased copy of the line: the reader
 * runs on every line of every row.
 */
class CaselessLabel {
  readonly length: number;
  /** The label's UTF-16 code units in lower case, and each unit's upper case (itself where none is one unit). */
  readonly lower: Uint16Array;
  readonly upper: Uint16Array;

  constructor(
    label: string,
    readonly field: DossierField,
  ) {
    this.length = label.length;
    this.lower = new Uint16Array(label.length);
    this.upper = new Uint16Array(label.length);
    for (let i = 0; i < label.length; i++) {
      const upper = label.charAt(i).toUpperCase();
      this.lower[i] = label.charCodeAt(i);
      this.upper[i] = upper.length === 1 ? upper.charCodeAt(0) : label.charCodeAt(i);
    }
  }

  /** Whether `line` holds the label at `start`, in any mix of cases. */
  isAt(line: string, start: number): boolean {
    for (let i = 0; i < this.length; i++) {
      const code = line.charCodeAt(start + i);
      if (code !== this.lower[i] && code !== this.upper[i]) return false;
    }
    return true;
  }
}

export interface LabelReader {
  /** Which fields a label can give, each once. */
  fields: readonly DossierField[];
  /**
   * The labelled values of one normalised line, field then value, in the order of the line (null where
   * it holds none): a value runs to the next label or the end of the line, without trailing separators.
   * Where a field comes twice, the first wins (as `read` does).
   */
  readLine(line: string): string[] | null;
  /** The labelled values of `text` (normalised lines joined by '\n'), line after line. */
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
  // By their last character in either case, longest first (so "Tiếp nhận trực tiếp" is taken before
  // "Tiếp nhận" at the same place): at a colon only the few labels ending in the character before it are
  // compared.
  const byLastChar = new Map<number, CaselessLabel[]>();
  for (const [label, field] of fieldOf) {
    const caseless = new CaselessLabel(label, field);
    const last = caseless.length - 1;
    for (const code of new Set([caseless.lower[last]!, caseless.upper[last]!])) {
      const group = byLastChar.get(code);
      if (group) group.push(caseless);
      else byLastChar.set(code, [caseless]);
    }
  }
  for (const group of byLastChar.values()) group.sort((a, b) => b.length - a.length);
  // Reused from line to line: the labels found on the line being read (the first `found` entries; a
  // count, not `length = 0`, which costs a runtime call).
  const foundFields: DossierField[] = [];
  const foundStarts: number[] = [];
  const foundEnds: number[] = [];
  let found = 0;
  const readLine = (line: string): string[] | null => {
    // From each colon back to a label: a line holds a colon or two, and a scan with a regular expression
    // of every label at every character costs several times more.
    let colon = line.indexOf(':');
    // The full-width colon (rare) by the regular expression, only where the line holds one.
    const wide = line.indexOf('：') >= 0;
    if (colon < 0 && !wide) return null;
    found = 0;
    if (wide) {
      COLON.lastIndex = 0;
      colon = COLON.exec(line)?.index ?? -1;
    }
    for (; colon >= 0; colon = wide ? (COLON.exec(line)?.index ?? -1) : line.indexOf(':', colon + 1)) {
      let end = colon;
      while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
      // A label ends with a letter: the colon of a time ("08:15") is none.
      const last = line.charCodeAt(end - 1);
      if (end === 0 || (last >= 48 && last <= 57)) continue;
      const group = byLastChar.get(last);
      if (group === undefined) continue;
      for (const label of group) {
        const start = end - label.length;
        if (start < 0 || !label.isAt(line, start)) continue;
        // A label starts its line or follows a non-letter ("- ", ", ").
        if (start > 0 && isWordCharAt(line, start - 1)) continue;
        foundFields[found] = label.field;
        foundStarts[found] = start;
        foundEnds[found] = colon + 1;
        found++;
        break;
      }
    }
    if (found === 0) return null;
    const values = new Array<string>(found * 2);
    for (let k = 0; k < found; k++) {
      let start = foundEnds[k]!;
      let end = k + 1 < found ? foundStarts[k + 1]! : line.length;
      // Trimmed by index (a normalised line's only white space is the space): one slice per value.
      while (end > start && isTrailingSeparator(line.charCodeAt(end - 1))) end--;
      while (start < end && line.charCodeAt(start) === 32) start++;
      values[2 * k] = foundFields[k]!;
      values[2 * k + 1] = line.slice(start, end);
    }
    return values;
  };
  return {
    fields: [...new Set(fieldOf.values())],
    readLine,
    read(text) {
      const values: Partial<Record<DossierField, string>> = {};
      for (const line of text.split('\n')) {
        const found = readLine(line) ?? [];
        for (let k = 0; k < found.length; k += 2) values[found[k] as DossierField] ??= found[k + 1];
      }
      return values;
    },
  };
}
