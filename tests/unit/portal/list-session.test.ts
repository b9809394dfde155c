import { describe, expect, it } from 'vitest';
import { isWindowed, ListSessions, MAX_SESSION_ROWS, type ListView } from '../../../lib/portal/list-session';

/**
 * The list a page shows when a grid draws only the rows in view: a 300-row list drawn 20 rows at a time,
 * header row at aria-rowindex 1, body rows from 2 (as ARIA grids count them).
 */
const TOTAL = 300;

/** Rows [from, to) of the list (0-based body positions), with codes from `codes`. */
function windowView(from: number, to: number, over: Partial<ListView<string>> = {}, codes: (n: number) => string = (n) => `C${n}`): ListView<string> {
  const rows = [];
  for (let n = from; n < Math.min(to, TOTAL); n++) rows.push({ index: n + 2, code: codes(n), item: `item ${codes(n)}` });
  return { key: 'grid', declaredRows: TOTAL + 1, renderedRows: rows.length + 1, firstIndex: 2, order: 'Mã hồ sơ|Hạn xử lý', rows, ...over };
}

const codesOf = (list: { code: string }[]) => list.map((entry) => entry.code);
const range = (from: number, to: number, name = (n: number) => `C${n}`) => Array.from({ length: to - from }, (_, i) => name(from + i));

describe('isWindowed', () => {
  it('a grid declaring more rows than it draws is windowed', () => {
    expect(isWindowed(windowView(0, 20))).toBe(true);
  });

  it('a grid drawing every row it declares is not', () => {
    const view = windowView(0, 20, { declaredRows: 21 });
    expect(isWindowed(view)).toBe(false);
  });

  it('rows without an index are never windowed, whatever the grid declares', () => {
    const view = windowView(0, 20);
    view.rows = view.rows.map((row) => ({ ...row, index: null }));
    expect(isWindowed(view)).toBe(false);
  });

  it('without a declared count: a window starting after the first row, or with gaps, is windowed', () => {
    expect(isWindowed(windowView(40, 60, { declaredRows: null }))).toBe(true);
    const gappy = windowView(0, 20, { declaredRows: null });
    gappy.rows.splice(5, 3);
    expect(isWindowed(gappy)).toBe(true);
    expect(isWindowed(windowView(0, 20, { declaredRows: null }))).toBe(false);
  });

  it('a row split over pinned containers (the same index twice) counts once', () => {
    const view = windowView(0, 20, { declaredRows: 21 });
    view.rows = view.rows.flatMap((row) => [row, row]);
    view.renderedRows = 21;
    expect(isWindowed(view)).toBe(false);
  });

  it('no rows at all: nothing to accumulate', () => {
    expect(isWindowed(windowView(0, 0))).toBe(false);
  });
});

describe('ListSessions', () => {
  it('scrolling down to the end lists every row seen, once, in list order', () => {
    const sessions = new ListSessions<string>();
    let list = sessions.update([windowView(0, 20)])[0]!;
    expect(codesOf(list)).toEqual(range(0, 20));
    // Windows overlap as a grid scrolls, with a buffer of rows on either side.
    for (let top = 15; top < TOTAL; top += 15) list = sessions.update([windowView(top, top + 20)])[0]!;
    expect(codesOf(list)).toEqual(range(0, TOTAL));
    expect(new Set(codesOf(list)).size).toBe(TOTAL);
    // Only the last window is in view.
    expect(list.filter((entry) => entry.inView).map((entry) => entry.code)).toEqual(range(285, 300));
  });

  it('a jump (the scrollbar dragged) keeps what was seen and adds the new window', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    const list = sessions.update([windowView(200, 220)])[0]!;
    expect(codesOf(list)).toEqual([...range(0, 20), ...range(200, 220)]);
  });

  it('scrolling back up keeps the list and adds nothing twice', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    const back = sessions.update([windowView(0, 20)])[0]!;
    expect(codesOf(back)).toEqual(range(0, 40));
    expect(back.filter((entry) => entry.inView)).toHaveLength(20);
  });

  it('a newer read of a row replaces its item (the latest values), through merge when given', () => {
    const sessions = new ListSessions<string>({ merge: (previous, next) => `${previous} + ${next}` });
    sessions.update([windowView(0, 20)]);
    const again = windowView(0, 20);
    again.rows[0] = { ...again.rows[0]!, item: 'newer' };
    const list = sessions.update([again])[0]!;
    expect(list[0]!.item).toBe('item C0 + newer');
    const plain = new ListSessions<string>();
    plain.update([windowView(0, 20)]);
    expect(plain.update([again])[0]![0]!.item).toBe('newer');
  });

  it('a re-sort (aria-sort changes) restarts the list with the rows in view', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    const sorted = sessions.update([windowView(0, 20, { order: 'Mã hồ sơ|Hạn xử lý descending' }, (n) => `C${TOTAL - 1 - n}`)])[0]!;
    expect(codesOf(sorted)).toEqual(range(0, 20, (n) => `C${TOTAL - 1 - n}`));
  });

  it('a re-sort that keeps the same order string is still caught: an index now holds another code', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    const list = sessions.update([windowView(0, 20, {}, (n) => `R${n}`)])[0]!;
    expect(codesOf(list)).toEqual(range(0, 20, (n) => `R${n}`));
  });

  it('a filter (the declared row count changes) restarts the list', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    // The filtered list still starts with C0..C19 at the same indexes: only the count tells.
    const filtered = sessions.update([windowView(0, 20, { declaredRows: 121 })])[0]!;
    expect(codesOf(filtered)).toEqual(range(0, 20));
  });

  it('a filter down to a list drawn whole is the rows in view, and a later window starts afresh', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    const small = sessions.update([windowView(0, 8, { declaredRows: 9 })])[0]!;
    expect(codesOf(small)).toEqual(range(0, 8));
    const wide = sessions.update([windowView(0, 20)])[0]!;
    expect(codesOf(wide)).toEqual(range(0, 20));
  });

  it('a paged list whose indexes restart on each page is the current page only', () => {
    const sessions = new ListSessions<string>();
    // Server paging: 20 per page, each page indexed 2..21, the grid declaring the whole count.
    const page = (p: number) => windowView(0, 20, {}, (n) => `P${p}-${n}`);
    expect(codesOf(sessions.update([page(1)])[0]!)).toEqual(range(0, 20, (n) => `P1-${n}`));
    expect(codesOf(sessions.update([page(2)])[0]!)).toEqual(range(0, 20, (n) => `P2-${n}`));
    expect(codesOf(sessions.update([page(1)])[0]!)).toEqual(range(0, 20, (n) => `P1-${n}`));
  });

  it('a paged list without row indexes is the current page only', () => {
    const sessions = new ListSessions<string>();
    const page = (p: number): ListView<string> => ({
      key: 'table',
      declaredRows: null,
      renderedRows: 11,
      firstIndex: 2,
      order: 'Mã hồ sơ',
      rows: range(0, 10, (n) => `P${p}-${n}`).map((c) => ({ index: null, code: c, item: c })),
    });
    sessions.update([page(1)]);
    expect(codesOf(sessions.update([page(2)])[0]!)).toEqual(range(0, 10, (n) => `P2-${n}`));
  });

  it('a reload (a new session set, as a new page gets) starts from the rows in view', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    sessions.clear();
    expect(codesOf(sessions.update([windowView(20, 40)])[0]!)).toEqual(range(20, 40));
  });

  it('a grid momentarily empty while it re-renders keeps its list; one that went away loses it', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    sessions.update([windowView(20, 40)]);
    expect(codesOf(sessions.update([windowView(0, 0)])[0]!)).toEqual(range(0, 40));
    expect(codesOf(sessions.update([windowView(40, 60)])[0]!)).toEqual(range(0, 60));
    // The grid left the page (another route), then a grid with the same key came back: a new list.
    sessions.update([]);
    expect(codesOf(sessions.update([windowView(40, 60)])[0]!)).toEqual(range(40, 60));
  });

  it('an empty window after a change of count or order is an empty list', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    expect(sessions.update([windowView(0, 0, { declaredRows: 1 })])[0]).toEqual([]);
  });

  it('two grids on one page keep separate lists', () => {
    const sessions = new ListSessions<string>();
    const other = (from: number, to: number) => windowView(from, to, { key: 'second' }, (n) => `S${n}`);
    sessions.update([windowView(0, 20), other(0, 20)]);
    const [first, second] = sessions.update([windowView(20, 40), other(0, 20, )]);
    expect(codesOf(first!)).toEqual(range(0, 40));
    expect(codesOf(second!)).toEqual(range(0, 20, (n) => `S${n}`));
    // Re-sorting one leaves the other alone.
    const [a, b] = sessions.update([windowView(0, 20, {}, (n) => `Z${n}`), other(20, 40)]);
    expect(codesOf(a!)).toEqual(range(0, 20, (n) => `Z${n}`));
    expect(codesOf(b!)).toEqual(range(0, 40, (n) => `S${n}`));
  });

  it('a code seen at two indexes (the data moved under the window) is listed once, at its first index', () => {
    const sessions = new ListSessions<string>();
    sessions.update([windowView(0, 20)]);
    const moved = windowView(20, 40);
    moved.rows[0] = { ...moved.rows[0]!, code: 'C3' };
    const list = sessions.update([moved])[0]!;
    expect(codesOf(list).filter((c) => c === 'C3')).toHaveLength(1);
    expect(list).toHaveLength(39);
  });

  it('rows split over pinned containers (each index twice) are one row each', () => {
    const sessions = new ListSessions<string>();
    const view = windowView(0, 20);
    view.rows = view.rows.flatMap((row) => [row, row]);
    expect(codesOf(sessions.update([view])[0]!)).toEqual(range(0, 20));
  });

  it('holds at most MAX_SESSION_ROWS rows', () => {
    const sessions = new ListSessions<string>();
    const big = (from: number, to: number): ListView<string> => ({
      key: 'big',
      declaredRows: MAX_SESSION_ROWS * 2,
      renderedRows: 1 + to - from,
      firstIndex: 2,
      order: '',
      rows: Array.from({ length: to - from }, (_, i) => ({ index: from + i + 2, code: `B${from + i}`, item: '' })),
    });
    sessions.update([big(0, MAX_SESSION_ROWS - 5)]);
    expect(sessions.update([big(MAX_SESSION_ROWS - 5, MAX_SESSION_ROWS + 5)])[0]).toHaveLength(MAX_SESSION_ROWS);
  });

  it('a grid that declares no row count: its first window is kept once scrolling shows it was one, and scrolling back keeps the list', () => {
    const sessions = new ListSessions<string>();
    const bare = (from: number, to: number) => windowView(from, to, { declaredRows: null });
    expect(codesOf(sessions.update([bare(0, 20)])[0]!)).toEqual(range(0, 20));
    expect(codesOf(sessions.update([bare(15, 35)])[0]!)).toEqual(range(0, 35));
    expect(codesOf(sessions.update([bare(0, 20)])[0]!)).toEqual(range(0, 35));
  });

  it('a list drawn whole stays the rows in view, also when it shrinks without declaring it', () => {
    const sessions = new ListSessions<string>();
    const whole = (n: number, name = (i: number) => `C${i}`) => windowView(0, n, { declaredRows: null }, name);
    expect(codesOf(sessions.update([whole(15)])[0]!)).toEqual(range(0, 15));
    // One dossier left the list (processed elsewhere): the rows below it moved up one index.
    const shifted = (i: number) => (i < 4 ? `C${i}` : `C${i + 1}`);
    expect(codesOf(sessions.update([whole(14, shifted)])[0]!)).toEqual(range(0, 14, shifted));
    // The last one left: every index still holds its code, and the list is the 13 rows drawn.
    expect(codesOf(sessions.update([whole(13, shifted)])[0]!)).toEqual(range(0, 13, shifted));
  });
});
