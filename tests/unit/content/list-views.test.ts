// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { listViews, rowIndexOf } from '../../../entrypoints/content/list-views';
import { readDossierTables } from '../../../lib/portal/reader';
import { completeRead } from '../../../lib/dossier/shown';

afterEach(() => document.body.replaceChildren());

function grid(attrs: string, rows: string, sort = 'none'): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = `<div role="grid" ${attrs}>
    <div role="row" aria-rowindex="1"><div role="columnheader" aria-sort="${sort}">Mã hồ sơ</div><div role="columnheader">Hạn xử lý</div></div>
    <div role="rowgroup">${rows}</div>
  </div>`;
  document.body.append(host);
  return host;
}

const row = (index: number, attribute = 'aria-rowindex') =>
  `<div role="row" ${attribute}="${index}"><div role="gridcell">H34.23-261110-${String(index).padStart(4, '0')}</div><div role="gridcell">20/11/2026</div></div>`;

function viewsOf(root: Element) {
  const tables = readDossierTables(root);
  return listViews(tables, tables.map((table) => table.dossiers.map((read) => completeRead(read.dossier))));
}

describe('listViews', () => {
  it('gives each row its ARIA index, the declared count and the rows drawn', () => {
    const [view] = viewsOf(grid('aria-rowcount="301"', [40, 41, 42].map((n) => row(n)).join('')));
    expect(view!.rows.map((r) => r.index)).toEqual([40, 41, 42]);
    expect(view!.rows[0]!.code).toBe('H34.23-261110-0040');
    expect(view!.declaredRows).toBe(301);
    expect(view!.renderedRows).toBe(4);
    expect(view!.firstIndex).toBe(2);
  });

  it("reads ag-Grid's 0-based row-index where there is no aria-rowindex", () => {
    const [view] = viewsOf(grid('', [0, 1].map((n) => row(n, 'row-index')).join('')));
    expect(view!.rows.map((r) => r.index)).toEqual([0, 1]);
    expect(view!.firstIndex).toBe(0);
    expect(view!.declaredRows).toBeNull();
  });

  it('finds the declared count on an ancestor of the grid, and ignores a count that is not a positive whole number', () => {
    const outer = document.createElement('div');
    outer.setAttribute('aria-rowcount', '120');
    outer.append(grid('', row(2)));
    document.body.append(outer);
    expect(viewsOf(outer)[0]!.declaredRows).toBe(120);
    document.body.replaceChildren();
    expect(viewsOf(grid('aria-rowcount="-1"', row(2)))[0]!.declaredRows).toBeNull();
  });

  it('the order changes with the sort state, and rows without an index need none', () => {
    const none = viewsOf(grid('aria-rowcount="301"', row(2)))[0]!.order;
    document.body.replaceChildren();
    const ascending = viewsOf(grid('aria-rowcount="301"', row(2), 'ascending'))[0]!.order;
    expect(ascending).not.toBe(none);
    document.body.replaceChildren();
    const plain = viewsOf(grid('', '<div role="row"><div role="gridcell">H34.23-261110-0001</div><div role="gridcell">20/11/2026</div></div>', 'ascending'))[0]!;
    expect(plain.rows[0]!.index).toBeNull();
    expect(plain.order).toBe('');
  });

  it('rowIndexOf refuses what is not a whole number', () => {
    const element = document.createElement('div');
    element.setAttribute('aria-rowindex', '2.5');
    expect(rowIndexOf(element)).toBeNull();
    element.setAttribute('aria-rowindex', 'x');
    expect(rowIndexOf(element)).toBeNull();
    element.setAttribute('aria-rowindex', '7');
    expect(rowIndexOf(element)).toEqual({ index: 7, first: 2 });
  });
});
