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
import { joinedLines, normalizeText } from '../text';
import { rowVerdict } from '../verdict';
import type { LabelReader } from './composite';
import type { Grid } from './grids';
import { RowLayout } from './row-layout';

/** Bound of a table's cache of normalised texts (columns of distinct values just stop filling it). */
const MAX_CACHED_TEXTS = 4096;
const HAS_LETTER = /\p{L}/u;
/** A column number as register forms print under their header: "(6)", "6". */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;
/** A word every verdict phrase holds (lib/portal/verdict.ts): "hạn" or "muộn". */
const VERDICT_WORD = /hạn|muộn/iu;

export type RowRead = { kind: 'skip' } | { kind: 'dossier'; dossier: ReadDossier } | { kind: 'unreadable'; row: UnreadableRow };

const SKIP: RowRead = { kind: 'skip' };

function badDate(field: 'received' | 'due' | 'closed', result: PortalDateResult | undefined): UnreadableReason | null {
  return result?.kind === 'invalid' ? { kind: 'bad-date', field, text: result.text } : null;
}

/** How a table's rows are read: its layout, and where the fields without a column come from. */
export interface RowPlan {
  /** Labels to look for in the other cells (composite cells); null when the list needs none. */
  labels: LabelReader | null;
  /** No code column: the code is the first dossier code in the row's other cells. */
  codeInRow: boolean;
}

/** Per-table reader, computed once, so a row costs one pass over its cells. */
export class RowReader {
  private readonly layout: RowLayout;
  private readonly texts: (string | null)[];
  /** Normalised text of the date slots of the row being read (reused from row to row). */
  private readonly norm: string[];
  /** Slot index per field, -1 where the field is not mapped. */
  private readonly slotOf: Record<DossierField, number>;
  /** The optional fields this table has no column for and reads from no label (shared by its dossiers). */
  private readonly unmapped: OptionalField[];
  /** Whether a row may lack a field its table shows (labels, cells placed by index); else every row shows them all. */
  private readonly mayMiss: boolean;
  /** Labelled values of the row being read (composite cells). */
  private labelled: Partial<Record<DossierField, string>> = {};

  constructor(
    columns: Partial<Record<DossierField, number>>,
    widths: Partial<Record<DossierField, number>>,
    grid: Grid,
    private readonly matcher: HeaderMatcher,
    private readonly plan: RowPlan = { labels: null, codeInRow: false },
  ) {
    this.layout = new RowLayout(columns, widths, grid, plan.labels !== null || plan.codeInRow);
    this.mayMiss = plan.labels !== null || grid.positioned;
    this.texts = this.layout.texts;
    this.slotOf = this.layout.slotOf;
    this.norm = new Array<string>(this.texts.length).fill('');
    const labelled = plan.labels?.fields;
    this.unmapped = OPTIONAL_FIELDS.filter((field) => this.slotOf[field] < 0 && !labelled?.has(field));
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
   * the words around its dates ("Đã quá hạn 3 ngày" under the appointment), its overdue-days cell, and
   * in a list of composite cells their other lines ("Quá hạn 2 ngày").
   */
  private verdict(status: string): PortalVerdict | undefined {
    let fromStatus = this.statusVerdicts.get(status);
    if (fromStatus === undefined && !this.statusVerdicts.has(status)) {
      fromStatus = rowVerdict([status]);
      if (this.statusVerdicts.size < MAX_CACHED_TEXTS) this.statusVerdicts.set(status, fromStatus);
    }
    const texts: string[] = [];
    for (const field of ['due', 'closed'] as const) {
      const text = this.dateText[field];
      if (HAS_LETTER.test(text)) texts.push(text);
    }
    // The other cells of a composite list, as one text: a verdict there ("Quá hạn 2 ngày") counts too.
    if (this.plan.labels !== null || this.plan.codeInRow) {
      const other = this.otherText();
      if (VERDICT_WORD.test(other)) texts.push(other); // most rows hold no verdict word: no phrase matching
    }
    const others = rowVerdict(texts, this.field('overdue'));
    return others === 'late' || fromStatus === 'late' ? 'late' : (fromStatus ?? others);
  }

  /** The other cells' lines of the row being read, normalised, '\n' between lines (built once per row). */
  private joined: string | null = null;

  private otherText(): string {
    this.joined ??= rowLines(this.layout.otherTexts);
    return this.joined;
  }

  /** Raw text of a field: its cell where the row shows one, else its labelled value; null where neither. */
  private shown(field: DossierField): string | null {
    const index = this.slotOf[field];
    const text = index >= 0 ? this.texts[index] : null;
    return text ?? this.labelled[field] ?? null;
  }

  /** Normalised text of a field; '' where the row does not show it. */
  private field(field: DossierField): string {
    return normalizeText(this.shown(field) ?? '');
  }

  /** {@link field} for a column whose values repeat, through the table's cache. */
  private repeatedField(field: DossierField): string {
    const text = this.shown(field) ?? '';
    let normalized = this.normalized.get(text);
    if (normalized === undefined) {
      normalized = normalizeText(text);
      if (this.normalized.size < MAX_CACHED_TEXTS) this.normalized.set(text, normalized);
    }
    return normalized;
  }

  /** Normalised text of the date fields of the row being read. */
  private readonly dateText = { received: '', due: '', closed: '' };

  /**
   * A date field's parse, its normalised text kept in `dateText`; undefined where the row does not show
   * the field. Text that is one whole date token is its own normalisation (see parseWholePortalDate).
   */
  private date(field: 'received' | 'due' | 'closed'): PortalDateResult | undefined {
    const text = this.shown(field);
    this.dateText[field] = '';
    if (text === null) return undefined;
    const whole = text ? parseWholePortalDate(text) : null;
    if (whole) {
      this.dateText[field] = text;
      return whole;
    }
    const normalized = normalizeText(text);
    this.dateText[field] = normalized;
    return parseNormalizedPortalDate(normalized);
  }

  /** The row's normalised texts by field it shows (for unreadable rows). */
  private raw(): Partial<Record<DossierField, string>> {
    const raw: Partial<Record<DossierField, string>> = {};
    for (const field of DOSSIER_FIELDS) {
      if (field === 'received' || field === 'due' || field === 'closed') {
        if (this.shown(field) !== null) raw[field] = this.dateText[field];
      } else if (this.shown(field) !== null) {
        raw[field] = this.field(field);
      }
    }
    return raw;
  }

  /** The code: its cell's, else the first dossier code in the other cells, else a labelled one. */
  private code(): { code: string; matched: boolean } {
    const rawCode = this.slotOf.code >= 0 ? this.texts[this.slotOf.code] : null;
    if (rawCode !== null && rawCode !== undefined) {
      const match = rawCode ? DOSSIER_CODE_PATTERN.exec(rawCode) : null;
      return match ? { code: match[0], matched: true } : { code: extractDossierCode(rawCode), matched: false };
    }
    if (this.plan.codeInRow) {
      for (const text of this.layout.otherTexts) {
        const match = DOSSIER_CODE_PATTERN.exec(text);
        if (match) return { code: match[0], matched: true };
      }
    }
    const labelled = this.labelled.code;
    return { code: labelled ? extractDossierCode(labelled) : '', matched: false };
  }

  /** The optional fields the row does not show: the table's, plus cells and labels this row lacks. */
  private notShown(): OptionalField[] {
    if (!this.mayMiss) return this.unmapped;
    let extra = false;
    for (const field of OPTIONAL_FIELDS) {
      if (!this.unmapped.includes(field) && this.shown(field) === null) extra = true;
    }
    // Most rows show what their table shows: its shared list, no array per row.
    if (!extra) return this.unmapped;
    return OPTIONAL_FIELDS.filter((field) => this.unmapped.includes(field) || this.shown(field) === null);
  }

  read(row: Element, rowIndex: number): RowRead {
    if (!this.layout.fill(row)) return SKIP;
    const labels = this.plan.labels;
    this.joined = null;
    this.labelled = labels !== null && this.layout.otherTexts.length > 0 ? labels.read(this.otherText()) : {};
    const { code, matched } = this.code();
    const due = this.date('due');
    const dueText = this.dateText.due;
    if (!code && !dueText) return SKIP;
    const received = this.date('received');
    const closed = this.date('closed');

    // A repeated header row inside the body ("Mã hồ sơ" | … | "Ngày hẹn trả").
    if (!matched && !DOSSIER_CODE_PATTERN.test(code) && this.matcher(code) === 'code' && this.matcher(dueText) === 'due') {
      return SKIP;
    }
    // The column-numbering row of a register form ("(1)" | "(2)" | … under the header).
    if (!matched && COLUMN_NUMBER.test(code) && COLUMN_NUMBER.test(dueText)) return SKIP;

    if (!code) return { kind: 'unreadable', row: { rowIndex, code: '', reason: { kind: 'missing-code' }, raw: this.raw() } };
    // An appointment cell shown empty makes the row unreadable; one the row does not show at all (no
    // column, no label: a list read with the portal's verdict) leaves the appointment unknown.
    if (due?.kind === 'empty') {
      return { kind: 'unreadable', row: { rowIndex, code, reason: { kind: 'missing-due', text: dueText }, raw: this.raw() } };
    }
    // Which bad date a row reports when several are bad: due, then received, then closed.
    const bad = badDate('due', due) ?? badDate('received', received) ?? badDate('closed', closed);
    if (bad) return { kind: 'unreadable', row: { rowIndex, code, reason: bad, raw: this.raw() } };
    const status = this.repeatedField('status');
    const verdict = this.verdict(status);
    const unmapped = this.notShown();
    const handler = this.shown('handler');
    return {
      kind: 'dossier',
      dossier: {
        code,
        procedure: this.repeatedField('procedure'),
        sector: this.repeatedField('sector'),
        applicant: this.field('applicant'),
        received: received?.kind === 'ok' ? received.value : null,
        due: due?.kind === 'ok' ? due.value : null,
        closed: closed?.kind === 'ok' ? closed.value : null,
        status,
        unit: this.repeatedField('unit'),
        ...(handler !== null ? { handler: this.repeatedField('handler') } : {}),
        ...(verdict ? { verdict } : {}),
        ...(unmapped.length ? { unmapped } : {}),
      },
    };
  }
}

/** The non-empty lines of the other cells' texts, normalised, one text ('\n' between lines). */
function rowLines(texts: readonly string[]): string {
  let out = '';
  for (const text of texts) {
    // Most cells are one line: normalised whole, no split.
    const lines = text.includes('\n') ? joinedLines(text) : normalizeText(text);
    if (lines) out = out ? `${out}\n${lines}` : lines;
  }
  return out;
}
