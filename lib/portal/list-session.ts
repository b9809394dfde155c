/**
 * The list a page shows, when a grid draws only the rows in view (docs/domain.md, "The list"). Such a
 * grid (ag-Grid and the like) renders a window of a longer list and re-renders it as the user scrolls;
 * what scrolled out of view is still part of the list staff are looking at. So rows that carry a row
 * index, in a grid that says it holds more rows than it renders, are kept by their index across reads,
 * and the list is the rows seen so far. It starts again, from the rows in view, when the list is no
 * longer the same one:
 * - an index seen before now holds another code (the data was reloaded, filtered or re-sorted),
 * - the grid's declared row count changes (a filter, a reload with other data),
 * - its headings or sort state (`aria-sort`) change (a re-sort).
 * Paged lists (no row indexes, or indexes that restart on every page) are not accumulated: the list is
 * the rows in view, as before; a page whose indexes restart is caught by the first rule.
 *
 * Pure: the content script measures each grid (index attributes, row counts, sort state) and passes the
 * numbers in. Generic over what a row carries, so that tests need no DOM.
 */

/** A session never holds more rows than one store message may carry. */
export const MAX_SESSION_ROWS = 50_000;

export interface ViewRow<T> {
  /** The row's index in the whole list (`aria-rowindex`, `row-index`), or null where it has none. */
  index: number | null;
  code: string;
  item: T;
}

/** One list as the page draws it now. */
export interface ListView<T> {
  /** Which list this is on the page (its headings and position); sessions are kept per key. */
  key: string;
  /** The row count the grid declares (`aria-rowcount`), header rows included; null where it declares none. */
  declaredRows: number | null;
  /** The rows the grid draws now, header rows included, counted once per row index. */
  renderedRows: number;
  /** The index the list's first body row has (2 for `aria-rowindex` under one header row, 0 for `row-index`). */
  firstIndex: number;
  /** Headings and sort state (`aria-sort`) as one string: a change means another order of the list. */
  order: string;
  /** The dossier rows drawn now, in page order. */
  rows: ViewRow<T>[];
}

export interface ListEntry<T> {
  code: string;
  item: T;
  /** The row is drawn now (the portal's element can be marked); false for rows scrolled out of view. */
  inView: boolean;
}

interface Session<T> {
  /** A view of this list was seen to be a window: from then on the session is the list. */
  windowed: boolean;
  declaredRows: number | null;
  order: string;
  byIndex: Map<number, { code: string; item: T }>;
}

/** Does the grid draw only part of its rows? */
export function isWindowed<T>(view: ListView<T>): boolean {
  let min = Number.POSITIVE_INFINITY;
  let count = 0;
  let max = Number.NEGATIVE_INFINITY;
  const seen = new Set<number>();
  for (const row of view.rows) {
    if (row.index === null) return false; // rows without an index cannot be told apart across reads
    if (seen.has(row.index)) continue;
    seen.add(row.index);
    count++;
    if (row.index < min) min = row.index;
    if (row.index > max) max = row.index;
  }
  if (count === 0) return false;
  if (view.declaredRows !== null && view.declaredRows > view.renderedRows) return true;
  // No declared count (or a wrong one): a window that does not start at the list's first row, or has gaps.
  return min > view.firstIndex || max - min + 1 > count;
}

export interface SessionOptions<T> {
  /** A newer read of a row with the same code: what to keep (the item that still shows most). */
  merge?: (previous: T, next: T) => T;
}

/**
 * The list sessions of one page: call `update` with every read of the page; it answers each list as
 * staff see it. Lists that are gone from the page lose their session.
 */
export class ListSessions<T> {
  private sessions = new Map<string, Session<T>>();

  constructor(private readonly options: SessionOptions<T> = {}) {}

  update(views: ListView<T>[]): ListEntry<T>[][] {
    const next = new Map<string, Session<T>>();
    const lists = views.map((view) => {
      const previous = this.sessions.get(view.key);
      if (!allIndexed(view)) {
        // Kept while the window is momentarily empty (the grid re-rendering) and nothing says it changed.
        if (previous && view.rows.length === 0 && previous.declaredRows === view.declaredRows && previous.order === view.order) {
          next.set(view.key, previous);
          return listOf(previous, new Set());
        }
        return inViewOnly(view);
      }
      // Every indexed list keeps a session, so that a first window drawn at the top of a grid that
      // declares no row count is still part of the list once scrolling shows it was a window.
      const session = previous && this.continues(previous, view) ? previous : fresh<T>(view);
      this.add(session, view);
      next.set(view.key, session);
      // Once a view was seen to be a window, the session is the list (scrolled back to the top, say); a
      // list drawn whole, or one that shrank at its end, is the rows in view.
      if (isWindowed(view)) session.windowed = true;
      return session.windowed ? listOf(session, new Set(view.rows.map((row) => row.index!))) : inViewOnly(view);
    });
    this.sessions = next;
    return lists;
  }

  /** Forget everything (the page's address changed: another list). */
  clear() {
    this.sessions.clear();
  }

  private continues(session: Session<T>, view: ListView<T>): boolean {
    if (session.declaredRows !== view.declaredRows || session.order !== view.order) return false;
    for (const row of view.rows) {
      const known = session.byIndex.get(row.index!);
      if (known && known.code !== row.code) return false;
    }
    return true;
  }

  private add(session: Session<T>, view: ListView<T>) {
    const { merge } = this.options;
    for (const row of view.rows) {
      const index = row.index!;
      const known = session.byIndex.get(index);
      if (!known && session.byIndex.size >= MAX_SESSION_ROWS) continue;
      const item = known && merge ? merge(known.item, row.item) : row.item;
      session.byIndex.set(index, { code: row.code, item });
    }
  }
}

function allIndexed<T>(view: ListView<T>): boolean {
  return view.rows.length > 0 && view.rows.every((row) => row.index !== null);
}

function inViewOnly<T>(view: ListView<T>): ListEntry<T>[] {
  return view.rows.map((row) => ({ code: row.code, item: row.item, inView: true }));
}

function fresh<T>(view: ListView<T>): Session<T> {
  return { windowed: false, declaredRows: view.declaredRows, order: view.order, byIndex: new Map() };
}

/** The session's rows in list order (by index), each code once. */
function listOf<T>(session: Session<T>, inView: ReadonlySet<number>): ListEntry<T>[] {
  const indexes = [...session.byIndex.keys()].sort((a, b) => a - b);
  const codes = new Set<string>();
  const list: ListEntry<T>[] = [];
  for (const index of indexes) {
    const { code, item } = session.byIndex.get(index)!;
    if (codes.has(code)) continue;
    codes.add(code);
    list.push({ code, item, inView: inView.has(index) });
  }
  return list;
}
