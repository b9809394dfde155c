// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDossierTables, unmappedCandidates, type ColumnMapping } from '../../../lib/portal/reader';
import { emptyBodyAfterEach, mount } from './mount';

emptyBodyAfterEach();

/** A list whose headings no synonym knows: "Số phiếu" (the code) and "Hạn cuối" (the appointment). */
const UNKNOWN = `<table id="u"><thead><tr><th>STT</th><th>Số phiếu</th><th>Người gửi</th><th>Hạn cuối</th><th>Trạng thái</th></tr></thead>
  <tbody>
    <tr><td>1</td><td>000.00.23.H34-210726-0001</td><td>Nguyễn Văn A</td><td>02/08/2021 17:00</td><td>Đang xử lý</td></tr>
    <tr><td>2</td><td>000.00.23.H34-210726-0002</td><td>Trần Thị B</td><td>03/08/2021</td><td>Đang xử lý</td></tr>
  </tbody></table>`;

describe('ReadOptions.mapping: headings', () => {
  it('reads a list whose headings staff mapped, keys compared after normalising', () => {
    mount(UNKNOWN);
    expect(readDossierTables(document)).toEqual([]);
    const mapping: ColumnMapping = { headings: { ' SỐ  PHIẾU :': 'code', 'hạn cuối': 'due' } };
    const [table] = readDossierTables(document, { mapping });
    expect(table?.columns).toMatchObject({ code: 1, due: 3, status: 4 });
    expect(table?.dossiers.map((d) => [d.dossier.code, d.dossier.due])).toEqual([
      ['000.00.23.H34-210726-0001', { day: '2021-08-02', time: '17:00' }],
      ['000.00.23.H34-210726-0002', { day: '2021-08-03' }],
    ]);
  });

  it('wins over a synonym of another field', () => {
    mount(`<table><thead><tr><th>Mã hồ sơ</th><th>Ngày tiếp nhận</th><th>Ngày hẹn</th></tr></thead><tbody>
      <tr><td>H34-210726-0001</td><td>02/08/2021</td><td>01/08/2021</td></tr></tbody></table>`);
    expect(readDossierTables(document)[0]?.dossiers[0]?.dossier.due).toEqual({ day: '2021-08-01' });
    // Staff say the receipt column is the appointment on this page: it wins, and the later column is no longer due.
    const [table] = readDossierTables(document, { mapping: { headings: { 'Ngày tiếp nhận': 'due' } } });
    expect(table?.columns.due).toBe(1);
    expect(table?.dossiers[0]?.dossier.due).toEqual({ day: '2021-08-02' });
  });

  it('follows the mapping from read to read', () => {
    mount(UNKNOWN);
    expect(readDossierTables(document, { mapping: { headings: { 'Số phiếu': 'code', 'Hạn cuối': 'due' } } })).toHaveLength(1);
    expect(readDossierTables(document, { mapping: { headings: { 'Số phiếu': 'code' } } })).toHaveLength(0);
    expect(readDossierTables(document, { mapping: {} })).toHaveLength(0);
  });

  it('matches a mapped heading exactly, not as a prefix', () => {
    mount(UNKNOWN.replace('Hạn cuối', 'Hạn cuối cùng'));
    expect(readDossierTables(document, { mapping: { headings: { 'Số phiếu': 'code', 'Hạn cuối': 'due' } } })).toHaveLength(0);
  });
});

/** The same list with receipt numbers that are no dossier codes: nothing in it gives the code. */
const NO_CODES = UNKNOWN.replace('000.00.23.H34-210726-0001', 'BN-0001').replace('000.00.23.H34-210726-0002', 'BN-0002');

describe('unmappedCandidates', () => {
  it('lists a list-like table that is not read, with its headings and what is missing', () => {
    const root = mount(NO_CODES);
    expect(unmappedCandidates(document)).toEqual([
      {
        element: root.querySelector('#u'),
        headings: ['STT', 'Số phiếu', 'Người gửi', 'Hạn cuối', 'Trạng thái'],
        found: ['status'],
        missing: ['code', 'due'],
      },
    ]);
  });

  it('counts dossier codes inside the rows as the code', () => {
    mount(UNKNOWN);
    const [table] = unmappedCandidates(document);
    expect(table?.found).toEqual(['code', 'status']);
    expect(table?.missing).toEqual(['due']);
  });

  it('names only what is still missing after a partial mapping', () => {
    mount(NO_CODES);
    const [table] = unmappedCandidates(document, { mapping: { headings: { 'Số phiếu': 'code' } } });
    expect(table?.found).toEqual(['code', 'status']);
    expect(table?.missing).toEqual(['due']);
  });

  it('lists nothing once the mapping makes the list read', () => {
    mount(UNKNOWN);
    expect(unmappedCandidates(document, { mapping: { headings: { 'Số phiếu': 'code', 'Hạn cuối': 'due' } } })).toEqual([]);
  });

  it('counts an overdue-days column as the appointment route', () => {
    mount(`<table><thead><tr><th>STT</th><th>Hồ sơ</th><th>Số ngày quá hạn</th></tr></thead><tbody>
      <tr><td>1</td><td>Đăng ký khai sinh</td><td>3 Ngày</td></tr><tr><td>2</td><td>Khai tử</td><td>1 Ngày</td></tr></tbody></table>`);
    const [table] = unmappedCandidates(document);
    expect(table?.found).toEqual(['overdue']);
    expect(table?.missing).toEqual(['code']);
  });

  it('reads ARIA grids with a header row of column headers', () => {
    const root = mount(`<div role="grid" id="g">
      <div role="row"><span role="columnheader">Số phiếu</span><span role="columnheader">Hạn cuối</span></div>
      <div role="row"><span role="gridcell">H34-210726-0001</span><span role="gridcell">02/08/2021</span></div>
      <div role="row"><span role="gridcell">H34-210726-0002</span><span role="gridcell">02/08/2021</span></div></div>`);
    expect(unmappedCandidates(document).map((t) => [t.element, t.headings])).toEqual([[root.querySelector('#g'), ['Số phiếu', 'Hạn cuối']]]);
  });

  it.each([
    ['a table without a header row', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>'],
    ['a header and one body row', '<table><tr><th>Số phiếu</th><th>Hạn cuối</th></tr><tr><td>H34-210726-0001</td><td>02/08/2021</td></tr></table>'],
    ['a dossier list that is read', '<table><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr><tr><td>H34-210726-0001</td><td>02/08/2021</td></tr><tr><td>H34-210726-0002</td><td>02/08/2021</td></tr></table>'],
    ['a page without tables', '<p>Không có dữ liệu</p>'],
  ])('ignores %s', (_name, html) => {
    mount(html);
    expect(unmappedCandidates(document)).toEqual([]);
  });
});
