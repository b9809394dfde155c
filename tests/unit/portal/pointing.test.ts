// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unmappedCandidates } from '@/lib/portal/reader';
import { headingCells, holdsDossierData, labelledValues, summarizeCandidate } from '@/lib/portal/pointing';
import { emptyBodyAfterEach, mount } from './mount';

emptyBodyAfterEach();

/** The composite late list of a Thanh Hóa-like system: no code column, no date column. */
const COMPOSITE = `<table id="t"><thead><tr><th>STT</th><th><p>Thông tin hồ sơ</p></th><th><p>Chủ hồ sơ</p></th><th>Số ngày quá hạn</th></tr></thead><tbody>
  <tr><td>1</td><td>000.17.22.H56-240312-0001<br>- Cấp giấy phép xây dựng<br>- Trạng thái hồ sơ : Đang xử lý<br>- Tiếp nhận trực tiếp: 12/03/2024 08:15, hẹn trả: 15/03/2024 17:00</td><td>Lê Văn C</td><td>3  Ngày</td></tr>
  <tr><td>2</td><td>000.17.22.H56-240313-0002<br>- Đăng ký kinh doanh<br>- Trạng thái hồ sơ : Đang xử lý<br>- Tiếp nhận trực tiếp: 13/03/2024 09:00, hẹn trả: 16/03/2024</td><td>Phạm D</td><td>2 Ngày</td></tr>
</tbody></table>`;

describe('headingCells', () => {
  it('finds the header cell of each heading, each cell once, lower header rows first', () => {
    const root = mount(`<table><thead>
      <tr><th rowspan="2">Mã HS</th><th colspan="2">Ngày, tháng, năm</th></tr>
      <tr><th>Nhận hồ sơ</th><th>Hạn trả KQ</th></tr></thead>
      <tbody><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>`);
    const cells = headingCells(root.querySelector('table')!, ['Mã HS', 'Hạn trả KQ', 'Không có', 'Nhận hồ sơ']);
    expect(cells.map((cell) => cell?.textContent ?? null)).toEqual(['Mã HS', 'Hạn trả KQ', null, 'Nhận hồ sơ']);
  });

  it('finds the header cells of a split table (header and body in two tables of one grid)', () => {
    mount(`<div class="el-table" id="g"><div class="el-table__header-wrapper"><table><thead><tr><th>Mã HS</th><th>Hạn trả KQ</th></tr></thead></table></div>
      <div class="el-table__body-wrapper"><table><tbody><tr><td>PX-0001</td><td>02/08/2021</td></tr><tr><td>PX-0002</td><td>03/08/2021</td></tr></tbody></table></div></div>`);
    const [candidate] = unmappedCandidates(document);
    expect(candidate).toBeDefined();
    const cells = headingCells(candidate!.element, candidate!.headings);
    expect(cells.map((cell) => cell?.textContent)).toEqual(['Mã HS', 'Hạn trả KQ']);
    expect(holdsDossierData(candidate!.element)).toBe(true);
  });

  it('finds ARIA column headers', () => {
    const root = mount(`<div role="grid"><div role="row"><span role="columnheader">Số phiếu</span><span role="columnheader">Hạn cuối</span></div>
      <div role="row"><span role="gridcell">1</span><span role="gridcell">2</span></div><div role="row"><span role="gridcell">1</span><span role="gridcell">2</span></div></div>`);
    const [candidate] = unmappedCandidates(document);
    expect(headingCells(candidate!.element, candidate!.headings)).toEqual([...root.querySelectorAll('[role="columnheader"]')]);
  });
});

describe('labelledValues', () => {
  it('lists each label of the first rows once, with a value seen, never a time taken for a label', () => {
    mount(COMPOSITE);
    expect(labelledValues(document.querySelector('#t')!)).toEqual([
      { label: 'Trạng thái hồ sơ', sample: 'Đang xử lý' },
      { label: 'Tiếp nhận trực tiếp', sample: '12/03/2024 08:15' },
      { label: 'hẹn trả', sample: '15/03/2024 17:00' },
    ]);
  });

  it('reads labels as text only: markup in a cell is never a label', () => {
    mount(`<table id="t"><tr><th>A</th></tr><tr><td>&lt;b&gt;Hẹn: &lt;/b&gt;x<script>Hạn: 1</script></td></tr><tr><td>Hạn trả: 01/01/2025</td></tr></table>`);
    expect(labelledValues(document.querySelector('#t')!)).toEqual([{ label: 'Hạn trả', sample: '01/01/2025' }]);
  });

  it('summarises a candidate for the panel (a composite list whose labels no default knows)', () => {
    mount(COMPOSITE.replaceAll('hẹn trả:', 'hạn chót:').replaceAll('000.17.22.H56-', 'PX-'));
    const [candidate] = unmappedCandidates(document);
    expect(candidate).toBeDefined();
    expect(summarizeCandidate(candidate!)).toEqual({
      headings: ['STT', 'Thông tin hồ sơ', 'Chủ hồ sơ', 'Số ngày quá hạn'],
      found: candidate!.found,
      missing: candidate!.missing,
      labels: expect.arrayContaining([{ label: 'hạn chót', sample: '15/03/2024 17:00' }]),
    });
  });
});

describe('holdsDossierData', () => {
  it('a list with a dossier code or a date in its first rows is one to point at', () => {
    mount(COMPOSITE);
    expect(holdsDossierData(document.querySelector('#t')!)).toBe(true);
    mount(`<table id="d"><tr><th>Số phiếu</th><th>Hạn cuối</th></tr><tr><td>PX-1</td><td>1-3-2025</td></tr><tr><td>PX-2</td><td>2-3-2025</td></tr></table>`);
    expect(holdsDossierData(document.querySelector('#d')!)).toBe(true);
  });

  it('office hours and contacts are not, nor a procedure code, nor dates in the header only', () => {
    mount(`<table id="h"><thead><tr><th>Ngày 01/03/2025</th><th>Buổi sáng</th></tr></thead><tbody>
      <tr><td>Thứ Hai - Thứ Sáu</td><td>07:00 - 11:00</td></tr><tr><td>Sáng thứ Bảy</td><td>0260 3 123 456</td></tr>
      <tr><td>1.001612.000.00.00.H48</td><td>hcc@kontum.gov.vn</td></tr></tbody></table>`);
    expect(holdsDossierData(document.querySelector('#h')!)).toBe(false);
  });
});
