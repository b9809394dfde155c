// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDossierTables, type DossierTable } from '../../../lib/portal/reader';
import { emptyBodyAfterEach, mount } from './mount';

emptyBodyAfterEach();

function codesAndDues(tables: DossierTable[]): [string, string | undefined][] {
  return tables.flatMap((t) => t.dossiers.map((d) => [d.dossier.code, d.dossier.due?.day] as [string, string | undefined]));
}

const C1 = '000.00.23.H34-260105-0001';
const C2 = '000.00.23.H34-260105-0002';
const C3 = '000.00.23.H34-260105-0003';

describe('split header and body', () => {
  it('reads an Element Plus el-table with a height (header and body tables, colgroups, a gutter)', () => {
    const root = mount(`<div class="el-table el-table--fit el-table--scrollable-y" id="grid">
      <div class="el-table__inner-wrapper">
        <div class="el-table__header-wrapper"><table class="el-table__header" style="width: 100%">
          <colgroup><col name="c1"><col name="c2"><col name="c3"><col name="c4"><col name="gutter"></colgroup>
          <thead><tr><th class="el-table_1_column_1 is-leaf"><div class="cell">STT</div></th>
            <th class="is-leaf is-sortable"><div class="cell">Mã hồ sơ<span class="caret-wrapper"><i class="sort-caret ascending"></i><i class="sort-caret descending"></i></span></div></th>
            <th class="is-leaf"><div class="cell">Chủ hồ sơ</div></th>
            <th class="is-leaf"><div class="cell">Ngày hẹn trả<span class="caret-wrapper"></span></div></th>
            <th class="gutter" style="width: 17px"></th></tr></thead></table></div>
        <div class="el-table__body-wrapper"><div class="el-scrollbar"><div class="el-scrollbar__wrap"><div class="el-scrollbar__view">
          <table class="el-table__body"><colgroup><col name="c1"><col name="c2"><col name="c3"><col name="c4"></colgroup>
          <tbody>
            <tr class="el-table__row"><td><div class="cell">1</div></td><td><div class="cell">${C1}</div></td><td><div class="cell">Nguyễn Văn A</div></td><td><div class="cell">05/01/2026 17:00</div></td></tr>
            <tr class="el-table__row"><td><div class="cell">2</div></td><td><div class="cell">${C2}</div></td><td><div class="cell">Trần Thị B</div></td><td><div class="cell">06/01/2026</div></td></tr>
          </tbody></table></div></div></div></div>
      </div></div>`);
    const tables = readDossierTables(document);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.element).toBe(root.querySelector('.el-table__inner-wrapper'));
    expect(tables[0]!.columns).toEqual({ code: 1, applicant: 2, due: 3 });
    expect(tables[0]!.dossiers.map((d) => [d.dossier.code, d.dossier.applicant, d.dossier.due])).toEqual([
      [C1, 'Nguyễn Văn A', { day: '2026-01-05', time: '17:00' }],
      [C2, 'Trần Thị B', { day: '2026-01-06' }],
    ]);
    expect(tables[0]!.dossiers[0]!.row).toBe(root.querySelector('tr.el-table__row'));
  });

  it('reads an Ant Design table with scroll.y: the hidden measuring row is no dossier', () => {
    mount(`<div class="ant-table-wrapper"><div class="ant-table ant-table-fixed-header"><div class="ant-table-container">
      <div class="ant-table-header" style="overflow: hidden;"><table style="table-layout: fixed;">
        <colgroup><col style="width: 60px;"><col><col><col></colgroup>
        <thead class="ant-table-thead"><tr>
          <th class="ant-table-cell"><p>STT</p></th>
          <th class="ant-table-cell ant-table-column-has-sorters"><div class="ant-table-column-sorters"><span class="ant-table-column-title"><p>Số hồ sơ</p></span><span class="ant-table-column-sorter ant-table-column-sorter-full"><span class="ant-table-column-sorter-inner" aria-hidden="true"><span role="img" aria-label="caret-up" class="anticon anticon-caret-up"></span></span></span></div></th>
          <th class="ant-table-cell"><div class="ant-table-filter-column"><span class="ant-table-column-title"><p>Hạn xử lý</p></span><span role="button" tabindex="-1" class="ant-dropdown-trigger ant-table-filter-trigger"><span role="img" aria-label="filter" class="anticon anticon-filter"></span></span></div></th>
          <th class="ant-table-cell"><p>Trạng thái</p></th>
        </tr></thead></table></div>
      <div class="ant-table-body" style="overflow-y: scroll; max-height: 300px;"><table style="table-layout: fixed;">
        <colgroup><col style="width: 60px;"><col><col><col></colgroup>
        <tbody class="ant-table-tbody">
          <tr aria-hidden="true" class="ant-table-measure-row" style="height: 0px; font-size: 0px;"><td style="padding: 0px; border: 0px; height: 0px;"><div style="height: 0px; overflow: hidden;">&nbsp;</div></td><td style="padding: 0px; border: 0px; height: 0px;"><div style="height: 0px; overflow: hidden;">&nbsp;</div></td><td style="padding: 0px; border: 0px; height: 0px;"><div style="height: 0px; overflow: hidden;">&nbsp;</div></td><td style="padding: 0px; border: 0px; height: 0px;"><div style="height: 0px; overflow: hidden;">&nbsp;</div></td></tr>
          <tr data-row-key="1" class="ant-table-row ant-table-row-level-0"><td class="ant-table-cell">1</td><td class="ant-table-cell">${C1}</td><td class="ant-table-cell">05/01/2026</td><td class="ant-table-cell">Đang xử lý</td></tr>
          <tr data-row-key="2" class="ant-table-row ant-table-row-level-0"><td class="ant-table-cell">2</td><td class="ant-table-cell">${C2}</td><td class="ant-table-cell">07/01/2026 08:00</td><td class="ant-table-cell">Đang xử lý</td></tr>
        </tbody></table></div>
      </div></div></div>`);
    const tables = readDossierTables(document);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.headers).toEqual(['STT', 'Số hồ sơ', 'Hạn xử lý', 'Trạng thái']);
    expect(codesAndDues(tables)).toEqual([[C1, '2026-01-05'], [C2, '2026-01-07']]);
    expect(tables[0]!.skippedRows).toBe(1); // the measuring row
    expect(tables[0]!.unreadable).toEqual([]);
  });

  it('reads DataTables with scrollY: the body repeats the titles in a zero-height row, the still header is dropped', () => {
    const titles = ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả'];
    const sizing = titles.map((t) => `<th style="padding-top:0;padding-bottom:0;border-top-width:0;border-bottom-width:0;height:0"><div class="dataTables_sizing" style="height:0;overflow:hidden;">${t}</div></th>`).join('');
    mount(`<div id="list_wrapper" class="dataTables_wrapper"><div class="dataTables_scroll">
      <div class="dataTables_scrollHead" style="overflow:hidden"><div class="dataTables_scrollHeadInner"><table class="display dataTable">
        <thead><tr role="row">${titles.map((t) => `<th class="sorting" aria-label="${t}: activate to sort">${t}</th>`).join('')}</tr></thead></table></div></div>
      <div class="dataTables_scrollBody" style="position:relative;overflow:auto;max-height:200px"><table id="list" class="display dataTable">
        <thead><tr role="row" style="height:0">${sizing}</tr></thead>
        <tbody>
          <tr class="odd"><td>${C1}</td><td>02/01/2026</td><td>05/01/2026</td></tr>
          <tr class="even"><td>${C2}</td><td>02/01/2026</td><td>06/01/2026</td></tr>
        </tbody></table></div></div></div>`);
    const tables = readDossierTables(document);
    expect(tables).toHaveLength(1);
    expect(codesAndDues(tables)).toEqual([[C1, '2026-01-05'], [C2, '2026-01-06']]);
    expect(tables[0]!.skippedRows).toBe(0);
  });

  it('never reads a dossier twice from a duplicated fixed-column table, and keeps the fullest read', () => {
    const head = `<thead><tr><th>Mã hồ sơ</th><th>Chủ hồ sơ</th><th>Ngày hẹn trả</th></tr></thead>`;
    const body = (applicant: boolean) => `<tbody>
      <tr class="el-table__row"><td>${C1}</td><td class="${applicant ? '' : 'is-hidden'}">${applicant ? 'Nguyễn Văn A' : ''}</td><td>05/01/2026</td></tr>
      <tr class="el-table__row"><td>${C2}</td><td class="${applicant ? '' : 'is-hidden'}">${applicant ? 'Trần Thị B' : ''}</td><td>06/01/2026</td></tr></tbody>`;
    mount(`<div class="el-table">
      <div class="el-table__header-wrapper"><table>${head}</table></div>
      <div class="el-table__body-wrapper"><table><colgroup><col><col><col></colgroup>${body(true)}</table></div>
      <div class="el-table__fixed" style="width: 200px">
        <div class="el-table__fixed-header-wrapper"><table>${head}</table></div>
        <div class="el-table__fixed-body-wrapper"><table><colgroup><col><col><col></colgroup>${body(false)}</table></div>
      </div></div>`);
    const tables = readDossierTables(document);
    const reads = tables.flatMap((t) => t.dossiers.map((d) => [d.dossier.code, d.dossier.applicant]));
    expect(reads).toEqual([[C1, 'Nguyễn Văn A'], [C2, 'Trần Thị B']]);
  });

  it('keeps a fixed copy that is fuller than the main read of the same row', () => {
    const head = `<thead><tr><th>Mã hồ sơ</th><th>Chủ hồ sơ</th><th>Ngày hẹn trả</th></tr></thead>`;
    mount(`<div class="grid">
      <div><table>${head}</table></div><div><table><tbody><tr><td>${C1}</td><td></td><td>05/01/2026</td></tr></tbody></table></div>
      <div class="fixed"><div><table>${head}</table></div><div><table><tbody><tr><td>${C1}</td><td>Nguyễn Văn A</td><td>05/01/2026</td></tr></tbody></table></div></div>
    </div>`);
    const reads = readDossierTables(document).flatMap((t) => t.dossiers.map((d) => [d.dossier.code, d.dossier.applicant]));
    expect(reads).toEqual([[C1, 'Nguyễn Văn A']]);
  });

  it('keeps the same code in two separate lists of a page', () => {
    const list = `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr></thead><tbody><tr><td>${C1}</td><td>05/01/2026</td></tr></tbody></table>`;
    mount(`<section><div><div><div><h2>Đang xử lý</h2>${list}</div></div></div></section><section><div><div><div><h2>Quá hạn</h2>${list}</div></div></div></section>`);
    expect(codesAndDues(readDossierTables(document))).toEqual([[C1, '2026-01-05'], [C1, '2026-01-05']]);
  });

  it.each([
    ['a different column count', '<colgroup><col><col></colgroup>', `<tr><td>${C1}</td><td>05/01/2026</td></tr>`],
    ['a body table far from the header', '', `<tr><td>${C1}</td><td>x</td><td>05/01/2026</td></tr>`],
  ])('does not pair a header with %s', (name, colgroup, row) => {
    const header = '<table><thead><tr><th>Mã hồ sơ</th><th>Chủ hồ sơ</th><th>Ngày hẹn trả</th></tr></thead></table>';
    const body = `<table>${colgroup}<tbody>${row}${row}</tbody></table>`;
    const far = name.includes('far') ? `<div><div><div><div><div><div><div>${body}</div></div></div></div></div></div></div>` : `<div>${body}</div>`;
    mount(`<div><div>${header}</div>${far}</div>`);
    expect(codesAndDues(readDossierTables(document))).toEqual([]);
  });
});

describe('div grids', () => {
  it('reads an ARIA grid whose header row sits in its own row group', () => {
    mount(`<div role="grid" aria-rowcount="3">
      <div role="rowgroup" class="head"><div role="row"><div role="columnheader">Mã hồ sơ</div><div role="columnheader">Ngày hẹn trả</div></div></div>
      <div class="scroller"><div role="rowgroup" class="body">
        <div role="row"><div role="gridcell">${C1}</div><div role="gridcell">05/01/2026</div></div>
        <div role="row"><div role="gridcell">${C2}</div><div role="gridcell">06/01/2026</div></div>
      </div></div></div>`);
    expect(codesAndDues(readDossierTables(document))).toEqual([[C1, '2026-01-05'], [C2, '2026-01-06']]);
  });

  /** ag-Grid's markup: header parts and row parts per pinned container, joined by row index. */
  function agGrid(rows: { index: number; code: string; applicant: string; due: string; status: string }[], options: { dropColumn?: string; shuffle?: boolean } = {}) {
    const cols = [
      { id: 'code', title: 'Mã hồ sơ', at: 1, part: 'left' },
      { id: 'applicant', title: 'Chủ hồ sơ', at: 2, part: 'center' },
      { id: 'due', title: 'Ngày hẹn trả', at: 3, part: 'center' },
      { id: 'status', title: 'Trạng thái', at: 4, part: 'right' },
    ] as const;
    const headerCell = (c: (typeof cols)[number]) =>
      `<div class="ag-header-cell" role="columnheader" col-id="${c.id}" aria-colindex="${c.at}" aria-sort="none"><div class="ag-header-cell-comp-wrapper"><div class="ag-cell-label-container" role="presentation"><span class="ag-header-icon ag-header-cell-menu-button" aria-hidden="true"><span class="ag-icon ag-icon-menu"></span></span><div class="ag-header-cell-label" role="presentation"><span class="ag-header-cell-text">${c.title}</span><span class="ag-sort-indicator-container"><span class="ag-sort-indicator-icon ag-sort-ascending-icon ag-hidden" aria-hidden="true"><span class="ag-icon ag-icon-asc"></span></span></span></div></div></div></div>`;
    const headerPart = (part: string) => `<div class="ag-header-row ag-header-row-column" role="row" aria-rowindex="1">${cols.filter((c) => c.part === part).map(headerCell).join('')}</div>`;
    const order = options.shuffle ? [...rows].reverse() : rows;
    const rowPart = (part: string) =>
      order
        .map(
          (r) =>
            `<div role="row" row-index="${r.index}" aria-rowindex="${r.index + 2}" class="ag-row" style="transform: translateY(${r.index * 42}px);">${cols
              .filter((c) => c.part === part && c.id !== options.dropColumn)
              .map((c) => `<div class="ag-cell" role="gridcell" col-id="${c.id}" aria-colindex="${c.at}">${r[c.id]}</div>`)
              .join('')}</div>`,
        )
        .join('');
    return `<div class="ag-root-wrapper"><div class="ag-root ag-unselectable" role="grid" aria-rowcount="${rows.length + 1}" aria-colcount="4">
      <div class="ag-header" role="presentation">
        <div class="ag-pinned-left-header" role="rowgroup">${headerPart('left')}</div>
        <div class="ag-header-viewport" role="presentation"><div class="ag-header-container" role="rowgroup">${headerPart('center')}</div></div>
        <div class="ag-pinned-right-header" role="rowgroup">${headerPart('right')}</div>
      </div>
      <div class="ag-body" role="presentation"><div class="ag-body-viewport" role="presentation">
        <div class="ag-pinned-left-cols-container" role="rowgroup">${rowPart('left')}</div>
        <div class="ag-center-cols-viewport" role="presentation"><div class="ag-center-cols-container" role="rowgroup">${rowPart('center')}</div></div>
        <div class="ag-pinned-right-cols-container" role="rowgroup">${rowPart('right')}</div>
      </div></div></div></div>`;
  }

  const AG_ROWS = [
    { index: 0, code: C1, applicant: 'Nguyễn Văn A', due: '05/01/2026 17:00', status: 'Đang xử lý' },
    { index: 1, code: C2, applicant: 'Trần Thị B', due: '06/01/2026', status: 'Trễ hạn' },
    { index: 2, code: C3, applicant: 'Lê Văn C', due: '07/01/2026', status: 'Đang xử lý' },
  ];

  it('joins the pinned left, centre and pinned right parts of ag-Grid rows by row index', () => {
    const root = mount(agGrid(AG_ROWS));
    const [table, ...rest] = readDossierTables(document);
    expect(rest).toEqual([]);
    expect(table!.headers).toEqual(['Mã hồ sơ', 'Chủ hồ sơ', 'Ngày hẹn trả', 'Trạng thái']);
    expect(table!.dossiers.map((d) => [d.dossier.code, d.dossier.applicant, d.dossier.due, d.dossier.status, d.dossier.verdict])).toEqual([
      [C1, 'Nguyễn Văn A', { day: '2026-01-05', time: '17:00' }, 'Đang xử lý', undefined],
      [C2, 'Trần Thị B', { day: '2026-01-06' }, 'Trễ hạn', 'late'],
      [C3, 'Lê Văn C', { day: '2026-01-07' }, 'Đang xử lý', undefined],
    ]);
    expect(table!.dossiers[0]!.row).toBe(root.querySelector('.ag-pinned-left-cols-container [row-index="0"]'));
  });

  it('reads rows in row-index order whatever their order in the markup', () => {
    mount(agGrid(AG_ROWS, { shuffle: true }));
    expect(readDossierTables(document)[0]!.dossiers.map((d) => [d.rowIndex, d.dossier.code])).toEqual([[0, C1], [1, C2], [2, C3]]);
  });

  it('does not join a header row with the body row that happens to carry the same number in another scheme', () => {
    // The header counts with aria-rowindex from 1; the rows with a 0-based row-index: header 1 and
    // body row 1 are different rows.
    const body = [C1, C2, C3]
      .map((code, i) => `<div role="row" row-index="${i}"><div role="gridcell">${code}</div><div role="gridcell">0${i + 5}/01/2026</div></div>`)
      .join('');
    mount(`<div role="grid"><div role="row" aria-rowindex="1"><div role="columnheader">Mã hồ sơ</div><div role="columnheader">Hạn xử lý</div></div>
      <div role="rowgroup">${body}</div></div>`);
    expect(codesAndDues(readDossierTables(document))).toEqual([
      [C1, '2026-01-05'],
      [C2, '2026-01-06'],
      [C3, '2026-01-07'],
    ]);
  });

  it('says a column scrolled out of view is not shown, never empty', () => {
    mount(agGrid(AG_ROWS, { dropColumn: 'applicant' }));
    const [table] = readDossierTables(document);
    const first = table!.dossiers[0]!.dossier;
    expect(first.code).toBe(C1);
    expect(first.applicant).toBe('');
    expect(first.unmapped).toContain('applicant');
    expect(first.status).toBe('Đang xử lý');
    expect(first.unmapped).not.toContain('status');
  });

  it('keeps an empty cell that is shown as empty', () => {
    mount(agGrid(AG_ROWS.map((r) => ({ ...r, applicant: '' }))));
    const first = readDossierTables(document)[0]!.dossiers[0]!.dossier;
    expect(first.applicant).toBe('');
    expect(first.unmapped ?? []).not.toContain('applicant');
  });

  it('places cells by aria-colindex in a grid that draws them out of order', () => {
    mount(`<div role="grid">
      <div role="row" aria-rowindex="1"><span role="columnheader" aria-colindex="2">Ngày hẹn trả</span><span role="columnheader" aria-colindex="1">Mã hồ sơ</span></div>
      <div role="row" aria-rowindex="2"><span role="gridcell" aria-colindex="2">05/01/2026</span><span role="gridcell" aria-colindex="1">${C1}</span></div></div>`);
    const [table] = readDossierTables(document);
    expect(table!.columns).toEqual({ code: 0, due: 1 });
    expect(codesAndDues([table!])).toEqual([[C1, '2026-01-05']]);
  });
});

describe('open shadow roots', () => {
  it('reads a list inside an open shadow root, and a nested one, and not one inside a closed root', () => {
    const list = (code: string) => `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr></thead><tbody><tr><td>${code}</td><td>05/01/2026</td></tr></tbody></table>`;
    const root = mount('<div id="open"></div><div id="closed"></div>');
    const open = root.querySelector('#open')!.attachShadow({ mode: 'open' });
    open.innerHTML = `<section>${list(C1)}<div id="inner"></div></section>`;
    open.querySelector('#inner')!.attachShadow({ mode: 'open' }).innerHTML = list(C2);
    root.querySelector('#closed')!.attachShadow({ mode: 'closed' }).innerHTML = list(C3);
    expect(codesAndDues(readDossierTables(document)).map(([code]) => code)).toEqual([C1, C2]);
  });
});

describe('two whole tables side by side', () => {
  it('are two lists, each with its rows', () => {
    const list = `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr></thead><tbody><tr><td>${C1}</td><td>05/01/2026</td></tr></tbody></table>`;
    const root = mount(`${list}${list}`);
    const tables = readDossierTables(document);
    expect(tables.map((t) => t.dossiers.map((d) => d.row))).toEqual([[root.querySelectorAll('tbody tr')[0]], [root.querySelectorAll('tbody tr')[1]]]);
  });
});
