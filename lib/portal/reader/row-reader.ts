/**
 * Reading one body row of a dossier table into a dossier, an unreadable row (kept with its text, never
 * classified) or nothing (empty, group header, repeated header, misaligned). The hot path of the reader:
 * the content script runs it for every row after every change of the list.
 */
import {
  DOSSIER_FIELDS,
  OPTIONAL_FIELDS,
  type DossierField,
  type OptionalField,
  type PortalVerdict,
  type ReadDossier,
  type UnreadableReason,
  type UnreadableRow,
} from '../../dossier/model';
import { DOSSIER_CODE_PATTERN, extractDossierCode } from '../../dossier/code';
import type { HeaderMatcher } from '../headers';
import { parseNormalizedPortalDate, parseWholePortalDate, type PortalDateResult } from '../portal-date';
import { normalizeText } from '../text';
import { rowVerdict } from '../verdict';
import { cellText, spanOf, type Markup } from './cell-text';
import { cellFrom, rowCells } from './table-rows';

/** Bound of a table's cache of normalised texts (columns of distinct values just stop filling it). */
const MAX_CACHED_TEXTS = 4096;
const HAS_LETTER = /\p{L}/u;

interface FieldSlot {
  field: DossierField;
  start: number;
  end: number;
}

export type RowRead = { kind: 'skip' } | { kind: 'dossier'; dossier: ReadDossier } | { kind: 'unreadable'; row: UnreadableRow };

const SKIP: RowRead = { kind: 'skip' };

function badDate(field: 'received' | 'due' | 'closed', result: PortalDateResult | undefined): UnreadableReason | null {
  return result?.kind === 'invalid' ? { kind: 'bad-date', field, text: result.text } : null;
}

/** Per-table layout, computed once, so a row costs one pass over its cells. */
export class RowReader {
  private readonly slots: FieldSlot[];
  /** Slot index owning each column below `width`, or -1. */
  private readonly owner: Int32Array;
  /** Smallest mapped column ≥ c, for c below `width`. */
  private readonly nextMapped: Int32Array;
  private readonly width: number;
  /** Raw text per slot of the row being read (reused from row to row). */
  private readonly texts: (string | null)[];
  /** Normalised text of the date slots of the row being read (reused from row to row). */
  private readonly norm: string[];
  /** Slot index per field, -1 where the field is not mapped. */
  private readonly slotOf: Record<DossierField, number>;
  /** The optional fields this table has no column for (shared by every dossier it gives). */
  private readonly unmapped: OptionalField[];

  constructor(
    columns: Partial<Record<DossierField, number>>,
    widths: Partial<Record<DossierField, number>>,
    private readonly markup: Markup,
    private readonly matcher: HeaderMatcher,
  ) {
    const slots: FieldSlot[] = [];
    for (const field of DOSSIER_FIELDS) {
      const start = columns[field];
      if (start === undefined) continue;
      slots.push({ field, start, end: start + (widths[field] ?? 1) });
    }
    this.slots = slots;
    this.width = slots.reduce((max, slot) => Math.max(max, slot.end), 0);
    this.owner = new Int32Array(this.width).fill(-1);
    slots.forEach((slot, index) => {
      for (let c = slot.start; c < slot.end; c++) if (this.owner[c] === -1) this.owner[c] = index;
    });
    this.nextMapped = new Int32Array(this.width + 1).fill(this.width);
    for (let c = this.width - 1; c >= 0; c--) {
      this.nextMapped[c] = this.owner[c] !== -1 ? c : (this.nextMapped[c + 1] ?? this.width);
    }
    this.texts = new Array<string | null>(slots.length).fill(null);
    this.norm = new Array<string>(slots.length).fill('');
    const slotOf = {} as Record<DossierField, number>;
    for (const field of DOSSIER_FIELDS) slotOf[field] = slots.findIndex((slot) => slot.field === field);
    this.slotOf = slotOf;
    this.unmapped = OPTIONAL_FIELDS.filter((field) => slotOf[field] < 0);
  }

  /**
   * Places one cell starting at `column`: its text goes to the slot owning that column. The next column,
   * or -1 when the row does not line up with the header.
   */
  private place(cell: Element, span: number, column: number): number {
    const end = column + span;
    const slotIndex = this.owner[column] ?? -1;
    if (slotIndex >= 0) {
      const slot = this.slots[slotIndex];
      if (!slot || end > slot.end) return -1; // spans out of its header's columns
      const text = cellText(cell);
      const previous = this.texts[slotIndex];
      this.texts[slotIndex] = previous === null || previous === undefined ? text : `${previous}\n${text}`;
    } else if ((this.nextMapped[column] ?? this.width) < end) {
      return -1; // an unmapped cell spanning over a mapped column
    }
    return end;
  }

  /** Raw (un-normalised) text per mapped field, or null when the row does not line up with the header. */
  private cellTexts(row: Element): (string | null)[] | null {
    const texts = this.texts;
    texts.fill(null);
    let column = 0;
    if (this.markup === 'table') {
      // The cells straight from the element siblings: no array per row.
      const first = cellFrom(row.firstElementChild);
      if (first === null) return null;
      let next = cellFrom(first.nextElementSibling);
      const firstSpan = spanOf(first, 'table');
      if (next === null && firstSpan > 1) return null;
      column = this.place(first, firstSpan, 0);
      if (column < 0) return null;
      while (next !== null && column < this.width) {
        const cell = next;
        next = cellFrom(cell.nextElementSibling);
        column = this.place(cell, spanOf(cell, 'table'), column);
        if (column < 0) return null;
      }
    } else {
      const cells = rowCells(row, this.markup);
      const first = cells[0];
      if (!first) return null;
      if (cells.length === 1 && spanOf(first, this.markup) > 1) return null;
      for (const cell of cells) {
        if (column >= this.width) break;
        column = this.place(cell, spanOf(cell, this.markup), column);
        if (column < 0) return null;
      }
    }
    if (column < this.width) return null; // fewer cells than the mapped columns need
    return texts;
  }

  /**
   * Normalised texts seen in this table's repetitive columns (procedure, sector, status, unit: a handful
   * of values over thousands of rows). Keyed by the raw text, so a hit is exactly normalizeText's result.
   */
  private readonly normalized = new Map<string, string>();

  /** The verdict each status text shows (a handful of values over thousands of rows). */
  private readonly statusVerdicts = new Map<string, PortalVerdict | undefined>();

  /**
   * The portal's own verdict on the row (docs/domain.md, "The portal's own verdict"): from its status,
   * the words around its dates ("Đã quá hạn 3 ngày" under the appointment) and its overdue-days cell.
   */
  private verdict(status: string): PortalVerdict | undefined {
    let fromStatus = this.statusVerdicts.get(status);
    if (fromStatus === undefined && !this.statusVerdicts.has(status)) {
      fromStatus = rowVerdict([status]);
      if (this.statusVerdicts.size < MAX_CACHED_TEXTS) this.statusVerdicts.set(status, fromStatus);
    }
    const texts: string[] = [];
    for (const field of ['due', 'closed'] as const) {
      const index = this.slotOf[field];
      const text = index >= 0 ? (this.norm[index] ?? '') : '';
      if (HAS_LETTER.test(text)) texts.push(text);
    }
    const others = rowVerdict(texts, this.field('overdue'));
    return others === 'late' || fromStatus === 'late' ? 'late' : (fromStatus ?? others);
  }

  /** Normalised text of a field's slot; '' where the field is not mapped. */
  private field(field: DossierField): string {
    const index = this.slotOf[field];
    return index >= 0 ? normalizeText(this.texts[index] ?? '') : '';
  }

  /** {@link field} for a column whose values repeat, through the table's cache. */
  private repeatedField(field: DossierField): string {
    const index = this.slotOf[field];
    if (index < 0) return '';
    const text = this.texts[index] ?? '';
    let normalized = this.normalized.get(text);
    if (normalized === undefined) {
      normalized = normalizeText(text);
      if (this.normalized.size < MAX_CACHED_TEXTS) this.normalized.set(text, normalized);
    }
    return normalized;
  }

  /**
   * A date field's parse, its normalised text kept in `norm`; undefined where the field is not mapped.
   * Text that is one whole date token is its own normalisation (see parseWholePortalDate).
   */
  private date(field: 'received' | 'due' | 'closed'): PortalDateResult | undefined {
    const index = this.slotOf[field];
    if (index < 0) return undefined;
    const text = this.texts[index] ?? '';
    const whole = text ? parseWholePortalDate(text) : null;
    if (whole) {
      this.norm[index] = text;
      return whole;
    }
    const normalized = normalizeText(text);
    this.norm[index] = normalized;
    return parseNormalizedPortalDate(normalized);
  }

  /** The row's normalised texts by mapped field (for unreadable rows; the dates are in `norm`). */
  private raw(): Partial<Record<DossierField, string>> {
    const raw: Partial<Record<DossierField, string>> = {};
    this.slots.forEach((slot, index) => {
      const field = slot.field;
      raw[field] =
        field === 'received' || field === 'due' || field === 'closed'
          ? (this.norm[index] ?? '')
          : normalizeText(this.texts[index] ?? '');
    });
    return raw;
  }

  read(row: Element, rowIndex: number): RowRead {
    const texts = this.cellTexts(row);
    if (!texts) return SKIP;
    const codeSlot = this.slotOf.code;
    const rawCode = (codeSlot >= 0 ? texts[codeSlot] : null) ?? '';
    const codeMatch = rawCode ? DOSSIER_CODE_PATTERN.exec(rawCode) : null;
    const code = codeMatch ? codeMatch[0] : extractDossierCode(rawCode);
    const due = this.date('due');
    const dueText = this.slotOf.due >= 0 ? (this.norm[this.slotOf.due] ?? '') : '';
    if (!code && !dueText) return SKIP;
    const received = this.date('received');
    const closed = this.date('closed');

    // A repeated header row inside the body ("Mã hồ sơ" | … | "Ngày hẹn trả").
    if (!codeMatch && !DOSSIER_CODE_PATTERN.test(code) && this.matcher(code) === 'code' && this.matcher(dueText) === 'due') {
      return SKIP;
    }

    if (!code) return { kind: 'unreadable', row: { rowIndex, code: '', reason: { kind: 'missing-code' }, raw: this.raw() } };
    if (!due || due.kind === 'empty') {
      return { kind: 'unreadable', row: { rowIndex, code, reason: { kind: 'missing-due', text: dueText }, raw: this.raw() } };
    }
    // Which bad date a row reports when several are bad: due, then received, then closed.
    const bad = badDate('due', due) ?? badDate('received', received) ?? badDate('closed', closed);
    if (bad) return { kind: 'unreadable', row: { rowIndex, code, reason: bad, raw: this.raw() } };
    if (due.kind !== 'ok') return SKIP; // unreachable: due is ok here
    const status = this.repeatedField('status');
    const verdict = this.verdict(status);
    return {
      kind: 'dossier',
      dossier: {
        code,
        procedure: this.repeatedField('procedure'),
        sector: this.repeatedField('sector'),
        applicant: this.field('applicant'),
        received: received?.kind === 'ok' ? received.value : null,
        due: due.value,
        closed: closed?.kind === 'ok' ? closed.value : null,
        status,
        unit: this.repeatedField('unit'),
        ...(this.slotOf.handler >= 0 ? { handler: this.repeatedField('handler') } : {}),
        ...(verdict ? { verdict } : {}),
        ...(this.unmapped.length ? { unmapped: this.unmapped } : {}),
      },
    };
  }
}
