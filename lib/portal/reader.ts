/**
 * The pure reader of dossier tables (portal-model.md, "What the reader must do"). The DOM is passed in;
 * nothing here touches browser extension APIs, layout or computed style, and cells are read as text
 * only (never as HTML), so it runs the same in happy-dom and in a content script.
 */
import {
  DOSSIER_FIELDS,
  OPTIONAL_FIELDS,
  type DossierField,
  type OptionalField,
  type ReadDossier,
  type UnreadableReason,
  type UnreadableRow,
} from '../dossier/model';
import { DOSSIER_CODE_PATTERN, extractDossierCode } from '../dossier/code';
import { createHeaderMatcher, findColumnMapping, isDossierList, type HeaderMatcher } from './headers';
import { parseNormalizedPortalDate, parseWholePortalDate, type PortalDateResult } from './portal-date';
import { normalizeText } from './text';

export interface ReadDossierRow {
  /** 0-based index among the table's body rows (rows after the header row, skipped ones included). */
  rowIndex: number;
  row: Element;
  dossier: ReadDossier;
}

export interface DossierTable {
  element: Element;
  markup: 'table' | 'aria';
  /** Header texts (normalised) by column; columns covered by a header's colspan hold ''. */
  headers: string[];
  /** Column index per mapped field (first column of the header cell). */
  columns: Partial<Record<DossierField, number>>;
  dossiers: ReadDossierRow[];
  unreadable: UnreadableRow[];
  /** Body rows that are not dossiers: empty state, group headers, footers, misaligned or empty rows. */
  skippedRows: number;
}

export interface ReadOptions {
  /** User synonyms added to the defaults (options page). */
  synonyms?: Partial<Record<DossierField, readonly string[]>>;
}

const TABLE_SELECTORS = ['table', '[role="table"]', '[role="grid"]'] as const;
const TABLE_SELECTOR = TABLE_SELECTORS.join(', ');
/** What counts as "the nearest table" of an ARIA row. */
const NEAREST_TABLE_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const ARIA_CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const ARIA_STOP_ROLES = new Set(['row', 'table', 'grid', 'treegrid']);
/** How many leading rows may hold the header row. */
const HEADER_ROW_CANDIDATES = 3;
const MAX_SPAN = 1000;
/** Bound of a table's cache of normalised texts (columns of distinct values just stop filling it). */
const MAX_CACHED_TEXTS = 4096;

/** Elements whose text sits on its own line (so "code<br>Trực tuyến" or "<div>code</div><span>…" give lines). */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr',
  'td', 'th', 'caption', 'ul', 'mat-chip', 'mat-chip-listbox', 'mat-chip-set', 'mat-chip-list',
]);
/** Elements whose text is never shown. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const CDATA_SECTION_NODE = 4;

// Inside rows and cells, sibling pointers (no NodeList objects). Over a table's rows, indexed access
// to `children`: one collection per section, and O(1) per step in happy-dom too (whose nextSibling is a
// linear search, quadratic over 20,000 rows).
function appendText(node: Node, text: string): string {
  let out = text;
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      out += (child as CharacterData).data;
    } else if (type === ELEMENT_NODE) {
      const name = (child as Element).localName;
      if (name === 'br') {
        out += '\n';
      } else if (BLOCK_ELEMENTS.has(name)) {
        out = `${appendText(child, `${out}\n`)}\n`;
      } else if (!SKIPPED_ELEMENTS.has(name)) {
        out = appendText(child, out);
      }
    }
  }
  return out;
}

/**
 * A cell's text, `textContent`-style (never HTML), with a line break for `<br>` and around block-level
 * children. Not normalised.
 */
export function cellText(cell: Element): string {
  const first = cell.firstChild;
  if (first === null) return '';
  if (first.nextSibling === null && first.nodeType === TEXT_NODE) return (first as CharacterData).data;
  // Element children that are all inline leaves (`<a>code</a>`, `<span>…</span>`): nothing gives a line
  // break or is skipped, so the text is exactly the native textContent (Text and CDATA descendants).
  for (let child = cell.firstElementChild; child !== null; child = child.nextElementSibling) {
    const name = child.localName;
    if (name === 'br' || child.firstElementChild !== null || BLOCK_ELEMENTS.has(name) || SKIPPED_ELEMENTS.has(name)) {
      return appendText(cell, '');
    }
  }
  return cell.textContent ?? '';
}

function spanOf(cell: Element, markup: 'table' | 'aria'): number {
  const attr = cell.getAttribute(markup === 'table' ? 'colspan' : 'aria-colspan');
  if (attr === null) return 1;
  const span = parseInt(attr, 10);
  return span >= 1 ? Math.min(span, MAX_SPAN) : 1;
}

/* ---------------- rows and cells ---------------- */

interface TableRows {
  rows: Element[];
  /** Rows inside <thead>. */
  head: Set<Element>;
  /** Rows inside <tfoot>. */
  foot: Set<Element>;
}

function htmlTableRows(table: Element): TableRows {
  const rows: Element[] = [];
  const head = new Set<Element>();
  const foot = new Set<Element>();
  const sections = table.children;
  for (let i = 0, n = sections.length; i < n; i++) {
    const child = sections[i]!;
    const name = child.localName;
    if (name === 'tr') {
      rows.push(child);
    } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      const sectionRows = child.children;
      for (let j = 0, m = sectionRows.length; j < m; j++) {
        const row = sectionRows[j]!;
        if (row.localName !== 'tr') continue;
        rows.push(row);
        if (name === 'thead') head.add(row);
        else if (name === 'tfoot') foot.add(row);
      }
    }
  }
  return { rows, head, foot };
}

function ariaTableRows(table: Element): TableRows {
  const rows: Element[] = [];
  for (const row of table.querySelectorAll('[role="row"]')) {
    if (row.parentElement?.closest(NEAREST_TABLE_SELECTOR) === table) rows.push(row);
  }
  return { rows, head: new Set(), foot: new Set() };
}

function collectAriaCells(node: Element, out: Element[]): void {
  for (let child = node.firstElementChild; child !== null; child = child.nextElementSibling) {
    const role = child.getAttribute('role');
    if (role !== null && ARIA_CELL_ROLES.has(role)) out.push(child);
    else if (role === null || !ARIA_STOP_ROLES.has(role)) {
      if (child.localName !== 'table') collectAriaCells(child, out);
    }
  }
}

function rowCells(row: Element, markup: 'table' | 'aria'): Element[] {
  const cells: Element[] = [];
  if (markup === 'table') {
    for (let child = row.firstElementChild; child !== null; child = child.nextElementSibling) {
      const name = child.localName;
      if (name === 'td' || name === 'th') cells.push(child);
    }
  } else {
    collectAriaCells(row, cells);
  }
  return cells;
}

/* ---------------- header ---------------- */

interface HeaderChoice {
  index: number;
  headers: string[];
  columns: Partial<Record<DossierField, number>>;
  /** Header span per mapped field. */
  widths: Partial<Record<DossierField, number>>;
}

function readHeaderRow(row: Element, markup: 'table' | 'aria', matcher: HeaderMatcher): Omit<HeaderChoice, 'index'> {
  const headers: string[] = [];
  const starts: number[] = [];
  const spans: number[] = [];
  for (const cell of rowCells(row, markup)) {
    const span = spanOf(cell, markup);
    // A cell that holds a whole table (layout tables) is not a header.
    const nested = cell.querySelector(TABLE_SELECTOR) !== null;
    starts.push(headers.length);
    spans.push(span);
    headers.push(nested ? '' : normalizeText(cellText(cell)));
    for (let i = 1; i < span; i++) headers.push('');
  }
  const columns = findColumnMapping(headers, matcher);
  const widths: Partial<Record<DossierField, number>> = {};
  for (const field of DOSSIER_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const at = starts.indexOf(column);
    widths[field] = at >= 0 ? (spans[at] ?? 1) : 1;
  }
  return { headers, columns, widths };
}

function chooseHeader(table: TableRows, markup: 'table' | 'aria', matcher: HeaderMatcher): HeaderChoice | null {
  const order: number[] = [];
  const push = (index: number): void => {
    if (index >= 0 && index < table.rows.length && !order.includes(index)) order.push(index);
  };
  // Last <thead> row first, then earlier <thead> rows.
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const row = table.rows[i];
    if (row && table.head.has(row)) push(i);
  }
  const leading = Math.min(HEADER_ROW_CANDIDATES, table.rows.length);
  if (markup === 'aria') {
    // Rows made of columnheader cells first.
    for (let i = 0; i < leading; i++) {
      const row = table.rows[i];
      if (row && rowCells(row, markup).some((cell) => cell.getAttribute('role') === 'columnheader')) push(i);
    }
  }
  for (let i = 0; i < leading; i++) push(i);

  for (const index of order) {
    const row = table.rows[index];
    if (!row) continue;
    const read = readHeaderRow(row, markup, matcher);
    if (isDossierList(read.columns)) return { index, ...read };
  }
  return null;
}

/* ---------------- body ---------------- */

interface FieldSlot {
  field: DossierField;
  start: number;
  end: number;
}

type RowRead = { kind: 'skip' } | { kind: 'dossier'; dossier: ReadDossier } | { kind: 'unreadable'; row: UnreadableRow };

const SKIP: RowRead = { kind: 'skip' };

function badDate(field: 'received' | 'due' | 'closed', result: PortalDateResult | undefined): UnreadableReason | null {
  return result?.kind === 'invalid' ? { kind: 'bad-date', field, text: result.text } : null;
}

/** `HTMLTableCellElement` of this realm, where there is one (the instanceof test needs no DOM call). */
const TABLE_CELL_CLASS: (abstract new () => Element) | undefined =
  typeof HTMLTableCellElement === 'function' ? HTMLTableCellElement : undefined;

function isCell(element: Element): boolean {
  // Only <td> and <th> are HTMLTableCellElement; anything else (another realm, namespace) asks localName.
  if (TABLE_CELL_CLASS !== undefined && element instanceof TABLE_CELL_CLASS) return true;
  const name = element.localName;
  return name === 'td' || name === 'th';
}

/** First `<td>`/`<th>` child at or after `element` (element siblings), or null. */
function cellFrom(element: Element | null): Element | null {
  let child = element;
  while (child !== null && !isCell(child)) child = child.nextElementSibling;
  return child;
}

/** Per-table layout, computed once, so a row costs one pass over its cells. */
class RowReader {
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
    private readonly markup: 'table' | 'aria',
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
        status: this.repeatedField('status'),
        unit: this.repeatedField('unit'),
        ...(this.slotOf.handler >= 0 ? { handler: this.repeatedField('handler') } : {}),
        ...(this.unmapped.length ? { unmapped: this.unmapped } : {}),
      },
    };
  }
}

/* ---------------- tables ---------------- */

/** Reads one table; yields after every `rowsPerStep` body rows so a caller can spread the work over tasks. */
function* readTableStepwise(element: Element, matcher: HeaderMatcher, rowsPerStep: number): Generator<void, DossierTable | null> {
  const markup: 'table' | 'aria' = element.localName === 'table' ? 'table' : 'aria';
  const rows = markup === 'table' ? htmlTableRows(element) : ariaTableRows(element);
  const header = chooseHeader(rows, markup, matcher);
  if (!header) return null;

  const reader = new RowReader(header.columns, header.widths, markup, matcher);
  const table: DossierTable = {
    element,
    markup,
    headers: header.headers,
    columns: header.columns,
    dossiers: [],
    unreadable: [],
    skippedRows: 0,
  };
  let rowIndex = 0;
  let sinceYield = 0;
  for (let i = header.index + 1; i < rows.rows.length; i++) {
    if (++sinceYield > rowsPerStep) {
      sinceYield = 1;
      yield;
    }
    const row = rows.rows[i];
    if (!row || rows.head.has(row)) continue; // other header rows (titles, filters) are not body rows
    const index = rowIndex++;
    if (rows.foot.has(row)) {
      table.skippedRows++;
      continue;
    }
    const read = reader.read(row, index);
    if (read.kind === 'dossier') table.dossiers.push({ rowIndex: index, row, dossier: read.dossier });
    else if (read.kind === 'unreadable') table.unreadable.push(read.row);
    else table.skippedRows++;
  }
  return table;
}

const DOCUMENT_POSITION_FOLLOWING = 4;

/** The matcher of the last read, keyed by the synonyms' content (the page is re-read after every change). */
let lastMatcher: { key: string; matcher: HeaderMatcher } | null = null;

function headerMatcher(synonyms: ReadOptions['synonyms']): HeaderMatcher {
  // By content, not identity: a caller may change its synonyms object between reads.
  const key = synonyms === undefined ? '' : `+${JSON.stringify(synonyms)}`;
  if (lastMatcher?.key !== key) lastMatcher = { key, matcher: createHeaderMatcher(synonyms) };
  return lastMatcher.matcher;
}

/**
 * `root` when it matches TABLE_SELECTOR, then every element under it that does, in document order.
 * One query per selector of the list: a single-selector `querySelectorAll` is several times faster in
 * Chromium than the selector list, which walks and matches the whole page. Merged without duplicates,
 * sorted back into document order only when more than one query added elements.
 */
function findCandidates(root: Document | Element): Element[] {
  const candidates: Element[] = [];
  if ('matches' in root && root.matches(TABLE_SELECTOR)) candidates.push(root);
  const start = candidates.length;
  const seen = new Set<Element>();
  let sources = 0;
  for (const selector of TABLE_SELECTORS) {
    let added = false;
    for (const element of root.querySelectorAll(selector)) {
      if (element === root || seen.has(element)) continue;
      seen.add(element);
      candidates.push(element);
      added = true;
    }
    if (added) sources++;
  }
  if (sources > 1) {
    const found = candidates.splice(start);
    found.sort((a, b) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    candidates.push(...found);
  }
  return candidates;
}

/**
 * Every dossier table under `root` (document order), in `<table>` or ARIA markup, found by header texts.
 * Tables whose headers do not give both the code and the due-date column are not returned.
 */
export function readDossierTables(root: Document | Element, options: ReadOptions = {}): DossierTable[] {
  const steps = readDossierTablesStepwise(root, options, Number.POSITIVE_INFINITY);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same read, as steps: the generator yields after every `rowsPerStep` body rows and returns the
 * tables. A caller on a live page (the content script) runs steps until its time slice is used, then
 * lets the page run, so reading a long list never makes one long task.
 */
export function* readDossierTablesStepwise(
  root: Document | Element,
  options: ReadOptions = {},
  rowsPerStep = 200,
): Generator<void, DossierTable[]> {
  const matcher = headerMatcher(options.synonyms);
  const candidates = findCandidates(root);
  const tables: DossierTable[] = [];
  for (const element of candidates) {
    const table = yield* readTableStepwise(element, matcher, rowsPerStep);
    if (table) tables.push(table);
  }
  return tables;
}
