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
import { dmyKey } from '../../calendar/dmy';
import { DOSSIER_CODE_PATTERN, extractDossierCode, firstDossierCode, isWholeDossierCode } from '../../dossier/code';
import type { HeaderMatcher } from '../headers';
import { parseNormalizedPortalDate, parseWholePortalDate, type PortalDateResult } from '../portal-date';
import { asOneLine, cellLines, firstLine, normalizeText } from '../text';
import { overdueDaysVerdict, rowVerdict } from '../verdict';
import type { LabelReader } from './composite';
import type { Grid } from './grids';
import { RowLayout } from './row-layout';

/** Bound of a table's cache of normalised texts (columns of distinct values just stop filling it). */
const MAX_CACHED_TEXTS = 4096;
const HAS_LETTER = /\p{L}/u;
/** A column number as register forms print under their header: "(6)", "6". */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;
/**
 * A word every verdict phrase holds (lib/portal/verdict.ts): "hạn" or "muộn", in any case. Lines are
 * NFC, and each of these letters has one other case, so the classes match what `/hạn|muộn/iu` matches;
 * in Chromium the flags' case folding makes that test cost twice as much on every line.
 */
const VERDICT_WORD = /[hH][ạẠ][nN]|[mM][uU][ộỘ][nN]/;

const DIGIT = /\d/;

/**
 * Each field's index in DOSSIER_FIELDS. A row's per-field state is kept in arrays by this index: a
 * property looked up by a field name that varies costs several times more on every row.
 */
const FIELD_INDEX = Object.fromEntries(DOSSIER_FIELDS.map((field, index) => [field, index])) as Record<DossierField, number>;
const CODE = FIELD_INDEX.code;
const PROCEDURE = FIELD_INDEX.procedure;
const SECTOR = FIELD_INDEX.sector;
const APPLICANT = FIELD_INDEX.applicant;
const STATUS = FIELD_INDEX.status;
const UNIT = FIELD_INDEX.unit;
const HANDLER = FIELD_INDEX.handler;
const OVERDUE = FIELD_INDEX.overdue;
/** The date fields, by their index in a row's date state. */
const DATE_FIELDS = ['received', 'due', 'closed'] as const;
/** Their field indexes. */
const DATE_FIELD_INDEX = DATE_FIELDS.map((field) => FIELD_INDEX[field]);
const RECEIVED_DATE = 0;
const DUE_DATE = 1;
const CLOSED_DATE = 2;

/**
 * What a piece of a row's other cells holds, for the fields without a column (composite cells), when it
 * holds no digit (and so no code).
 */
interface PieceFacts {
  /** Its labelled values, field then value, in the order of its lines; null where none. */
  labelled: readonly string[] | null;
  /** Its lines holding a verdict word. */
  verdictLines: readonly string[];
}

function badDate(field: 'received' | 'due' | 'closed', result: PortalDateResult | undefined): UnreadableReason | null {
  return result?.kind === 'invalid' ? { kind: 'bad-date', field, text: result.text } : null;
}

/** How a table's rows are read: its layout, and where the fields without a column come from. */
export interface RowPlan {
  /** Labels to look for in the other cells (composite cells); null when the list needs none. */
  labels: LabelReader | null;
  /** No code column: the code is the first dossier code in the row's other cells. */
  codeInRow: boolean;
  /**
   * Columns whose heading says they hold no dossier data (the row number, the actions), not looked at
   * for labels, codes or verdict words.
   */
  dataless?: readonly number[];
}

/** Per-table reader, computed once, so a row costs one pass over its cells. */
export class RowReader {
  private readonly layout: RowLayout;
  private readonly texts: (string | null)[];
  /** Slot index per field index, -1 where the field is not mapped. */
  private readonly slotAt: Int32Array;
  /** The optional fields this table has no column for and reads from no label (shared by its dossiers). */
  private readonly unmapped: OptionalField[];
  /**
   * The optional fields a row may lack though its table shows them, by field index: none unless labels
   * or cells placed by index give fields (else every row shows all its table shows).
   */
  private readonly mayLack: readonly number[];
  /** Labelled values of the row being read, by field index (composite cells; reused, emptied for each row). */
  private readonly labelled: (string | undefined)[] = new Array<string | undefined>(DOSSIER_FIELDS.length).fill(undefined);
  /** The indexes of the fields labels can give. */
  private readonly labelFields: readonly number[];
  /** The first dossier code in the other cells of the row being read, when the list has no code column. */
  private codeInOthers = '';
  /**
   * Texts of the row being read that may hold a verdict: its date texts with letters, and its other
   * cells' lines holding a verdict word ("Quá hạn 2 ngày") (reused).
   */
  private readonly verdictLines: string[] = [];

  constructor(
    columns: Partial<Record<DossierField, number>>,
    widths: Partial<Record<DossierField, number>>,
    grid: Grid,
    private readonly matcher: HeaderMatcher,
    private readonly plan: RowPlan = { labels: null, codeInRow: false },
  ) {
    this.layout = new RowLayout(columns, widths, grid, plan.labels !== null || plan.codeInRow, plan.dataless);
    this.texts = this.layout.texts;
    const slotOf = this.layout.slotOf;
    this.slotAt = Int32Array.from(DOSSIER_FIELDS, (field) => slotOf[field]);
    const labelled = plan.labels?.fields ?? [];
    this.labelFields = labelled.map((field) => FIELD_INDEX[field]);
    this.unmapped = OPTIONAL_FIELDS.filter((field) => slotOf[field] < 0 && !labelled.includes(field));
    const mayMiss = plan.labels !== null || grid.positioned;
    this.mayLack = mayMiss ? OPTIONAL_FIELDS.filter((field) => !this.unmapped.includes(field)).map((field) => FIELD_INDEX[field]) : [];
  }

  /**
   * Normalised texts seen in this table's repetitive columns (procedure, sector, status, unit: a handful
   * of values over thousands of rows). Keyed by the raw text, so a hit is exactly normalizeText's result.
   */
  private readonly normalized = new Map<string, string>();

  /** The verdict each status text shows (a handful of values over thousands of rows). */
  private readonly statusVerdicts = new Map<string, PortalVerdict | undefined>();
  /** The verdict each overdue-days text shows (as few). */
  private readonly overdueVerdicts = new Map<string, PortalVerdict | undefined>();

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
    // The other cells' lines of a composite list holding a verdict word ("Quá hạn 2 ngày") count too.
    const texts = this.verdictLines;
    // A text read as one whole date token holds no letter.
    this.pushIfWords(DUE_DATE, texts);
    this.pushIfWords(CLOSED_DATE, texts);
    // Overdue-days cells hold a handful of values ("0 Ngày", "3 Ngày"): each read once per table.
    const overdueText = this.repeatedField(OVERDUE);
    let overdue = this.overdueVerdicts.get(overdueText);
    if (overdue === undefined && !this.overdueVerdicts.has(overdueText)) {
      overdue = overdueDaysVerdict(overdueText);
      if (this.overdueVerdicts.size < MAX_CACHED_TEXTS) this.overdueVerdicts.set(overdueText, overdue);
    }
    // Most rows have no such text: no call (and no iterator) for them.
    const others = overdue === 'late' ? 'late' : texts.length > 0 ? rowVerdict(texts) : undefined;
    return others === 'late' || fromStatus === 'late' ? 'late' : (fromStatus ?? others);
  }

  /** A date field's text onto `texts` where it may hold words ("Đã quá hạn 3 ngày" under the date). */
  private pushIfWords(date: number, texts: string[]): void {
    const text = this.dateTexts[date]!;
    if (!this.wholeDate[date] && HAS_LETTER.test(text)) texts.push(text);
  }

  /**
   * One pass over the other cells' lines of the row being read (composite cells): their labelled values,
   * the first dossier code, and the lines holding a verdict word. Lines, not one text: a label's value
   * and a verdict phrase both end with their line.
   */
  private scanOthers(): void {
    for (const field of this.labelFields) this.labelled[field] = undefined;
    this.codeInOthers = '';
    const pieces = this.layout.otherPieces;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces.get(i);
      if (!piece) continue;
      // Pieces without a digit (a procedure, a state, a button's word) repeat from row to row, and are
      // read once per table. Looked up first: a text the page has not changed comes back as the same
      // string, its hash already computed, which costs less than looking for a digit in it.
      let facts = this.pieceFacts.get(piece);
      if (facts === undefined) {
        // Dates, codes and counts make a piece unique: read straight into the row, never cached.
        if (DIGIT.test(piece)) {
          this.scanPiece(piece);
          continue;
        }
        facts = this.factsOf(piece);
        if (this.pieceFacts.size < MAX_CACHED_TEXTS) this.pieceFacts.set(piece, facts);
      }
      if (facts.labelled !== null) this.takeLabelled(facts.labelled);
      for (const line of facts.verdictLines) this.verdictLines.push(line);
    }
  }

  /** A piece's lines, normalised, into the row being read. */
  private scanPiece(piece: string): void {
    // A piece that is one dossier code (the code line of a composite cell) holds no label (no colon) and
    // no verdict word: nothing else to look for.
    if (this.plan.codeInRow && !this.codeInOthers && isWholeDossierCode(piece)) {
      this.codeInOthers = piece;
      return;
    }
    const line = asOneLine(piece);
    if (line === null) {
      for (const each of cellLines(piece)) this.scanLine(each);
    } else if (line) {
      this.scanLine(line);
    }
  }

  /** One normalised line of the other cells into the row being read: its code, labels, verdict words. */
  private scanLine(line: string): void {
    if (this.plan.codeInRow && !this.codeInOthers) this.codeInOthers = firstDossierCode(line);
    const found = this.plan.labels?.readLine(line);
    if (found) this.takeLabelled(found);
    // Most lines hold no verdict word: no phrase matching.
    if (VERDICT_WORD.test(line)) this.verdictLines.push(line);
  }

  /** Labelled values (field then value) into the row being read: the first label of a field wins. */
  private takeLabelled(found: readonly string[]): void {
    for (let k = 0; k < found.length; k += 2) {
      const field = FIELD_INDEX[found[k] as DossierField];
      if (this.labelled[field] === undefined) this.labelled[field] = found[k + 1]!;
    }
  }

  /** What a piece without a digit holds (see {@link PieceFacts}). */
  private factsOf(piece: string): PieceFacts {
    const lines = asOneLine(piece);
    let labelled: string[] | null = null;
    let verdictLines: string[] = [];
    for (const line of lines === null ? cellLines(piece) : lines ? [lines] : []) {
      const found = this.plan.labels?.readLine(line);
      if (found) labelled = labelled ? [...labelled, ...found] : found;
      if (VERDICT_WORD.test(line)) verdictLines = [...verdictLines, line];
    }
    return { labelled, verdictLines };
  }

  /** Facts of the other cells' pieces that repeat (see scanOthers), by raw piece. */
  private readonly pieceFacts = new Map<string, PieceFacts>();

  /**
   * Raw text of a field (by index): its cell where the row shows one, else its labelled value; null
   * where neither.
   */
  private shown(field: number): string | null {
    return this.inCell(field) ?? this.labelled[field] ?? null;
  }

  /** Raw text of a field's cell (by index) in the row being read; null where the row shows no cell for it. */
  private inCell(field: number): string | null {
    const slot = this.slotAt[field]!;
    return slot >= 0 ? (this.texts[slot] ?? null) : null;
  }

  /** Normalised text of a field; '' where the row does not show it. */
  private field(field: number): string {
    return normalizeText(this.shown(field) ?? '');
  }

  /** {@link field} for a column whose values repeat, through the table's cache. */
  private repeatedField(field: number): string {
    const text = this.shown(field) ?? '';
    let normalized = this.normalized.get(text);
    if (normalized === undefined) {
      normalized = normalizeText(text);
      if (this.normalized.size < MAX_CACHED_TEXTS) this.normalized.set(text, normalized);
    }
    return normalized;
  }

  /**
   * Dates read from texts that are one whole date token: rows share their days and hours, and their
   * dossiers share the (never changed) date objects. A cell's text is the string the page holds, its hash
   * computed once: by the text. A labelled value is a new slice of its line on every read, which would
   * have to be hashed: by its {@link dmyKey} where it has one (the portal's usual shape).
   */
  private readonly datesByKey = new Map<number, PortalDateResult | null>();
  private readonly wholeDates = new Map<string, PortalDateResult | null>();

  /** Normalised text of the date fields of the row being read (received, due, closed). */
  private readonly dateTexts = ['', '', ''];
  /** Whether that text is one whole date token (no letter in it). */
  private readonly wholeDate = [false, false, false];

  /**
   * A date field's parse (RECEIVED_DATE, DUE_DATE, CLOSED_DATE), its normalised text kept in `dateTexts`;
   * undefined where the row does not show the field. Text that is one whole date token is its own
   * normalisation (see parseWholePortalDate).
   */
  private date(date: number): PortalDateResult | undefined {
    const field = DATE_FIELD_INDEX[date]!;
    const cell = this.inCell(field);
    const text = cell ?? this.labelled[field] ?? null;
    this.dateTexts[date] = '';
    this.wholeDate[date] = false;
    if (text === null) return undefined;
    const key = cell === null ? dmyKey(text) : -1;
    let whole = key >= 0 ? this.datesByKey.get(key) : this.wholeDates.get(text);
    if (whole === undefined) {
      whole = text ? parseWholePortalDate(text) : null;
      if (key >= 0) {
        if (this.datesByKey.size < MAX_CACHED_TEXTS) this.datesByKey.set(key, whole);
      } else if (this.wholeDates.size < MAX_CACHED_TEXTS) {
        this.wholeDates.set(text, whole);
      }
    }
    if (whole) {
      this.dateTexts[date] = text;
      this.wholeDate[date] = true;
      return whole;
    }
    const normalized = normalizeText(text);
    this.dateTexts[date] = normalized;
    return parseNormalizedPortalDate(normalized);
  }

  /** The row's normalised texts by field it shows (for unreadable rows). */
  private raw(): Partial<Record<DossierField, string>> {
    const raw: Partial<Record<DossierField, string>> = {};
    DOSSIER_FIELDS.forEach((field, index) => {
      if (this.shown(index) === null) return;
      const date = DATE_FIELD_INDEX.indexOf(index);
      raw[field] = date >= 0 ? this.dateTexts[date] : this.field(index);
    });
    return raw;
  }

  /** Whether the code of the row being read matched the dossier code pattern (set by {@link code}). */
  private codeMatched = false;

  /** The code: its cell's, else the first dossier code in the other cells, else a labelled one. */
  private code(): string {
    const rawCode = this.inCell(CODE);
    if (rawCode !== null) {
      const code = firstDossierCode(rawCode);
      this.codeMatched = code !== '';
      // No code in the cell: its first line, as extractDossierCode gives it (without looking again).
      return this.codeMatched ? code : firstLine(rawCode);
    }
    this.codeMatched = this.codeInOthers !== '';
    if (this.codeMatched) return this.codeInOthers;
    const labelled = this.labelled[CODE];
    return labelled ? extractDossierCode(labelled) : '';
  }

  /** The optional fields the row does not show: the table's, plus cells and labels this row lacks. */
  private notShown(): OptionalField[] {
    // Which of the fields a row may lack it lacks, as bits: rows lack the same few sets (a label the
    // list never shows, a column out of view), each built once and shared, as the table's list is.
    let lacking = 0;
    for (let k = 0; k < this.mayLack.length; k++) {
      if (this.shown(this.mayLack[k]!) === null) lacking |= 1 << k;
    }
    if (lacking === 0) return this.unmapped;
    let fields = this.notShownSets.get(lacking);
    if (fields === undefined) {
      const bits = lacking;
      fields = OPTIONAL_FIELDS.filter((field) => {
        const k = this.mayLack.indexOf(FIELD_INDEX[field]);
        return this.unmapped.includes(field) || (k >= 0 && (bits & (1 << k)) !== 0);
      });
      this.notShownSets.set(lacking, fields);
    }
    return fields;
  }

  /** The lists {@link notShown} gave, by the bits of the fields lacking. */
  private readonly notShownSets = new Map<number, OptionalField[]>();

  /**
   * One body row: its dossier; or null where the row is no dossier, after pushing it onto `unreadable`
   * where it is a dossier row that cannot be read. No wrapper object per row: the dossier is the result.
   */
  read(row: Element, rowIndex: number, unreadable: UnreadableRow[]): ReadDossier | null {
    if (!this.layout.fill(row)) return null;
    if (this.verdictLines.length > 0) this.verdictLines.length = 0; // most rows have none to drop
    if (this.plan.labels !== null || this.plan.codeInRow) this.scanOthers();
    const code = this.code();
    const matched = this.codeMatched;
    const due = this.date(DUE_DATE);
    const dueText = this.dateTexts[DUE_DATE]!;
    if (!code && !dueText) return null;
    const received = this.date(RECEIVED_DATE);
    const closed = this.date(CLOSED_DATE);
    // A row whose code is no dossier code, or with a date that is missing or no date, is looked at apart:
    // few rows are, and this method, kept small, is optimised by the engine after fewer rows.
    const odd = !matched || (due !== undefined && due.kind !== 'ok') || received?.kind === 'invalid' || closed?.kind === 'invalid';
    if (odd && !this.isReadable(code, matched, due, received, closed, rowIndex, unreadable)) return null;
    const status = this.repeatedField(STATUS);
    const verdict = this.verdict(status);
    const unmapped = this.notShown();
    const dossier: ReadDossier = {
      code,
      procedure: this.repeatedField(PROCEDURE),
      sector: this.repeatedField(SECTOR),
      applicant: this.field(APPLICANT),
      received: received?.kind === 'ok' ? received.value : null,
      due: due?.kind === 'ok' ? due.value : null,
      closed: closed?.kind === 'ok' ? closed.value : null,
      status,
      unit: this.repeatedField(UNIT),
    };
    // Set only where present (as the store expects), without a spread of a new object per field.
    if (this.shown(HANDLER) !== null) dossier.handler = this.repeatedField(HANDLER);
    if (verdict) dossier.verdict = verdict;
    if (unmapped.length) dossier.unmapped = unmapped;
    return dossier;
  }

  /**
   * Whether a row {@link read} found odd is a dossier it can read. False for a row that is no dossier (a
   * repeated header row, a register form's column numbers), and for a dossier row that cannot be read,
   * after pushing it onto `unreadable`.
   */
  private isReadable(
    code: string,
    matched: boolean,
    due: PortalDateResult | undefined,
    received: PortalDateResult | undefined,
    closed: PortalDateResult | undefined,
    rowIndex: number,
    unreadable: UnreadableRow[],
  ): boolean {
    const dueText = this.dateTexts[DUE_DATE]!;
    // A repeated header row inside the body ("Mã hồ sơ" | … | "Ngày hẹn trả").
    if (!matched && !DOSSIER_CODE_PATTERN.test(code) && this.matcher(code) === 'code' && this.matcher(dueText) === 'due') {
      return false;
    }
    // The column-numbering row of a register form ("(1)" | "(2)" | … under the header).
    if (!matched && COLUMN_NUMBER.test(code) && COLUMN_NUMBER.test(dueText)) return false;

    if (!code) return this.setAside(unreadable, { rowIndex, code: '', reason: { kind: 'missing-code' }, raw: this.raw() });
    // An appointment cell shown empty makes the row unreadable; one the row does not show at all (no
    // column, no label: a list read with the portal's verdict) leaves the appointment unknown.
    if (due?.kind === 'empty') {
      return this.setAside(unreadable, { rowIndex, code, reason: { kind: 'missing-due', text: dueText }, raw: this.raw() });
    }
    // Which bad date a row reports when several are bad: due, then received, then closed.
    const bad = badDate('due', due) ?? badDate('received', received) ?? badDate('closed', closed);
    if (bad) return this.setAside(unreadable, { rowIndex, code, reason: bad, raw: this.raw() });
    return true;
  }

  /** Pushes a dossier row that cannot be read onto `list`; false, as {@link isReadable} gives for it. */
  private setAside(list: UnreadableRow[], row: UnreadableRow): false {
    list.push(row);
    return false;
  }
}
