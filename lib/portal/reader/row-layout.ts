/**
 * Where a body row's cells go: the text of each mapped column's cell into its field's slot, and, for
 * lists that show fields inside composite cells, the text pieces of the other cells too. The hot path of the
 * reader: the content script runs it for every row after every change of the list.
 */
import { DOSSIER_FIELDS, type DossierField } from '../../dossier/model';
import { cellPieces, cellText, spanOf, tableCellSpan, type Markup } from './cell-text';
import type { Grid } from './grids';
import { colIndexOf, gridRowCellsInto } from './header-choice';
import { ReusedList } from './reused-list';

interface FieldSlot {
  field: DossierField;
  start: number;
  end: number;
}

/** Per-table layout, computed once, so a row costs one pass over its cells. */
export class RowLayout {
  readonly slots: FieldSlot[];
  /** Other columns whose cells are not collected. */
  private readonly dataless: ReadonlySet<number>;
  /** Slot index owning each column below `width`, or -1. */
  private readonly owner: Int32Array;
  /** Smallest mapped column ≥ c, for c below `width`. */
  private readonly nextMapped: Int32Array;
  private readonly width: number;
  /** The columns a row's cells are placed in: all, for composite cells, else up to the last mapped. */
  private readonly limit: number;
  /** Raw text per slot of the row being read; null where the row has no cell for it (reused). */
  readonly texts: (string | null)[];
  /**
   * The other cells' text pieces (see `cellPieces`), in column order, when `others` is on: what the
   * composite-cell reading needs is lines, so no cell text is built to be split again (reused).
   */
  readonly otherPieces = new ReusedList<string>();
  /** Slot index per field, -1 where the field is not mapped. */
  readonly slotOf: Record<DossierField, number>;
  private readonly markup: Markup;
  /** Columns of the row's cells by `aria-colindex` (the first as many as the row's cells; reused). */
  private readonly columnsOf: number[] = [];
  /** Sibling walk straight over `<td>`s: a plain table, neither split over parts nor placed by index. */
  private readonly plain: boolean;
  /** The cells of the row being read, outside plain tables (reused). */
  private readonly cells = new ReusedList<Element>();
  /**
   * Some cell may span columns. An ARIA grid with no `aria-colspan` anywhere (one query per read) spares
   * a lookup per cell.
   */
  private readonly spanned: boolean;

  constructor(
    columns: Partial<Record<DossierField, number>>,
    widths: Partial<Record<DossierField, number>>,
    private readonly grid: Grid,
    /** Also collect the other cells' texts (composite cells, a code without a column). */
    private readonly others: boolean,
    /** Other columns that hold no dossier data (their texts are not collected). */
    dataless: readonly number[] = [],
  ) {
    const slots: FieldSlot[] = [];
    for (const field of DOSSIER_FIELDS) {
      const start = columns[field];
      if (start === undefined) continue;
      slots.push({ field, start, end: start + (widths[field] ?? 1) });
    }
    this.slots = slots;
    this.markup = grid.markup;
    this.plain = grid.markup === 'table' && grid.parts === null && !grid.positioned;
    // A query over a long `<table>` costs more than a `colspan` lookup per cell: only ARIA grids ask.
    this.spanned = grid.markup === 'table' || grid.element.querySelector('[aria-colspan]') !== null;
    this.width = slots.reduce((max, slot) => Math.max(max, slot.end), 0);
    this.limit = others ? Number.POSITIVE_INFINITY : this.width;
    this.owner = new Int32Array(this.width).fill(-1);
    slots.forEach((slot, index) => {
      for (let c = slot.start; c < slot.end; c++) if (this.owner[c] === -1) this.owner[c] = index;
    });
    this.nextMapped = new Int32Array(this.width + 1).fill(this.width);
    for (let c = this.width - 1; c >= 0; c--) {
      this.nextMapped[c] = this.owner[c] !== -1 ? c : (this.nextMapped[c + 1] ?? this.width);
    }
    this.texts = new Array<string | null>(slots.length).fill(null);
    this.dataless = new Set(dataless);
    const slotOf = {} as Record<DossierField, number>;
    for (const field of DOSSIER_FIELDS) slotOf[field] = slots.findIndex((slot) => slot.field === field);
    this.slotOf = slotOf;
  }

  /**
   * Places one cell starting at `column`: its text goes to the slot owning that column. The next column,
   * or -1 when the row does not line up with the header.
   */
  private place(cell: Element, span: number, column: number): number {
    const end = column + span;
    const slotIndex = column < this.width ? (this.owner[column] ?? -1) : -1;
    if (slotIndex >= 0) {
      const slot = this.slots[slotIndex];
      if (!slot || end > slot.end) return -1; // spans out of its header's columns
      const text = cellText(cell);
      const previous = this.texts[slotIndex];
      this.texts[slotIndex] = previous === null || previous === undefined ? text : `${previous}\n${text}`;
    } else {
      if (column < this.width && (this.nextMapped[column] ?? this.width) < end) return -1; // spans over a mapped column
      if (this.others && !this.dataless.has(column)) cellPieces(cell, this.otherPieces);
    }
    return end;
  }

  /**
   * Fills `texts` (and `otherPieces`) from a row; false when the row does not line up with the header.
   * In a grid placed by `aria-colindex`, a cell the row does not render leaves its slot null (a column
   * scrolled out of view); elsewhere a row with fewer cells than the mapped columns is no dossier row.
   */
  fill(row: Element): boolean {
    this.texts.fill(null);
    this.otherPieces.clear();
    // One method per way of walking a row: each stays small, and the engine optimises the one a page's
    // list uses after fewer rows than one method holding all three ways.
    if (this.plain) return this.fillPlain(row);
    const cells = this.cells;
    cells.clear();
    gridRowCellsInto(this.grid, row, cells);
    const count = cells.length;
    if (count === 0) return false;
    if (count === 1 && this.span(cells.get(0)) > 1) return false;
    return this.grid.positioned ? this.fillPositioned(count) : this.fillInOrder(count);
  }

  /** {@link fill} for a plain table: the cells straight from the element siblings, no list per row. */
  private fillPlain(row: Element): boolean {
    const limit = this.limit;
    const first = this.cellAt(row.firstElementChild);
    if (first === null) return false;
    const firstSpan = this.cellSpan;
    let next = this.cellAt(first.nextElementSibling);
    let nextSpan = this.cellSpan;
    if (next === null && firstSpan > 1) return false;
    let column = this.place(first, firstSpan, 0);
    if (column < 0) return false;
    while (next !== null && column < limit) {
      const cell = next;
      const span = nextSpan;
      next = this.cellAt(cell.nextElementSibling);
      nextSpan = this.cellSpan;
      column = this.place(cell, span, column);
      if (column < 0) return false;
    }
    return column >= this.width;
  }

  /**
   * {@link fill} for cells placed by `aria-colindex`: each in its column, sorted where the parts come out
   * of order.
   */
  private fillPositioned(count: number): boolean {
    const limit = this.limit;
    const cells = this.cells;
    const at = this.columnsOf;
    let ordered = true;
    for (let i = 0; i < count; i++) {
      const index = colIndexOf(cells.get(i)) ?? (i > 0 ? at[i - 1]! + 1 : 0);
      if (i > 0 && index < at[i - 1]!) ordered = false;
      at[i] = index;
    }
    const order = ordered ? null : Array.from({ length: count }, (_, i) => i).sort((x, y) => at[x]! - at[y]!);
    for (let k = 0; k < count; k++) {
      const i = order ? order[k]! : k;
      const cell = cells.get(i);
      const column = at[i]!;
      if (column >= limit) break;
      if (this.place(cell, this.span(cell), column) < 0) return false;
    }
    return true;
  }

  /** {@link fill} for the collected cells of a row, one after the other. */
  private fillInOrder(count: number): boolean {
    const limit = this.limit;
    const cells = this.cells;
    let column = 0;
    for (let i = 0; i < count; i++) {
      if (column >= limit) break;
      const cell = cells.get(i);
      column = this.place(cell, this.span(cell), column);
      if (column < 0) return false;
    }
    return column >= this.width;
  }

  /** The span of the cell {@link cellAt} last found. */
  private cellSpan = 0;

  /** The first `<td>`/`<th>` at or after `element` (element siblings), its span left in `cellSpan`. */
  private cellAt(element: Element | null): Element | null {
    for (let child = element; child !== null; child = child.nextElementSibling) {
      const span = tableCellSpan(child);
      if (span > 0) {
        this.cellSpan = span;
        return child;
      }
    }
    return null;
  }

  private span(cell: Element): number {
    return this.spanned ? spanOf(cell, this.markup) : 1;
  }
}
