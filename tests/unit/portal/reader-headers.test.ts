// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDossierTables } from '../../../lib/portal/reader';
import { emptyBodyAfterEach, mount } from './mount';

emptyBodyAfterEach();

const C1 = '000.17.22.H56-240312-0001';

/** A list with one header cell under test in the code column's place. */
function withCodeHeading(th: string): string {
  return `<table><thead><tr>${th}<th>Ngày hẹn trả</th></tr></thead><tbody><tr><td>${C1}</td><td>15/03/2024</td></tr></tbody></table>`;
}

describe('header cells as they really are', () => {
  it.each([
    ['a Material icon ligature', '<th>Mã hồ sơ <i class="material-icons">arrow_downward</i></th>'],
    ['an icon before the heading', '<th><i class="material-icons">sort</i>Mã hồ sơ</th>'],
    ['a mat-icon', '<th><div class="mat-sort-header-content">Mã hồ sơ</div><mat-icon>arrow_upward</mat-icon></th>'],
    ['a Vuetify icon', '<th><span>Mã hồ sơ</span><i class="v-icon notranslate mdi theme--light">arrow_upward</i></th>'],
    ['an aria-hidden decoration', '<th>Mã hồ sơ<span aria-hidden="true">▲▼</span></th>'],
    ['a tooltip', '<th><span class="activator">Mã hồ sơ</span><div role="tooltip">Mã số do hệ thống cấp</div></th>'],
    ['an Element Plus tooltip popper', '<th><div class="cell">Mã hồ sơ<div class="el-tooltip__popper is-dark">Mã số hồ sơ</div></div></th>'],
    ['a sort button beside the heading', '<th>Mã hồ sơ <button type="button" aria-label="Sắp xếp">⇅</button></th>'],
    ['a heading drawn as a button', '<th><button class="mat-sort-header-button" type="button">Mã hồ sơ</button></th>'],
    ['an Ant Design sorter and filter', '<th><span class="ant-table-column-title">Mã hồ sơ</span><span class="ant-table-column-sorter"><span class="ant-table-column-sorter-inner">up</span></span><span class="ant-table-filter-trigger">lọc</span></th>'],
    ['an Element Plus caret wrapper', '<th><div class="cell">Mã hồ sơ<span class="caret-wrapper"><i class="sort-caret ascending">asc</i></span></div></th>'],
    ['a hidden element', '<th>Mã hồ sơ<span hidden>Cột cũ</span></th>'],
    ['an element hidden by inline style', '<th>Mã hồ sơ<span style="color:red; display : none">Cột cũ</span></th>'],
    ['a title attribute only', '<th><span title="Mã số hồ sơ">Mã hồ sơ</span><span class="info" title="Giải thích"></span></th>'],
    ['a heading wrapped in a paragraph', '<th><p>Mã hồ sơ</p></th>'],
  ])('leaves out %s', (_name, th) => {
    mount(withCodeHeading(th));
    const [table] = readDossierTables(document);
    expect(table?.headers[0]).toBe('Mã hồ sơ');
    expect(table?.dossiers[0]?.dossier.code).toBe(C1);
  });

  it('reads the OpenCPS heading: a tooltip activator and a sort icon ligature', () => {
    mount(`<table class="v-datatable v-table"><thead><tr>
      <th role="columnheader" class="column sortable"><div class="v-tooltip v-tooltip--bottom"><span>Mã hồ sơ</span></div><i aria-hidden="true" class="v-icon material-icons theme--light" style="font-size: 16px;">arrow_upward</i></th>
      <th role="columnheader" class="column sortable active desc"><div class="v-tooltip v-tooltip--bottom"><span>Ngày tiếp nhận</span></div><i class="v-icon material-icons theme--light">arrow_downward</i></th>
      <th role="columnheader" class="column"><div class="v-tooltip v-tooltip--bottom"><span>Hạn xử lý</span></div><div class="v-tooltip__content" style="display: none">Ngày hẹn trả kết quả</div></th>
    </tr></thead><tbody><tr><td>${C1}</td><td>12/03/2024 08:15:00</td><td>15/03/2024 17:00:00</td></tr></tbody></table>`);
    const [table] = readDossierTables(document);
    expect(table?.headers).toEqual(['Mã hồ sơ', 'Ngày tiếp nhận', 'Hạn xử lý']);
    expect(table?.dossiers[0]?.dossier).toMatchObject({ received: { day: '2024-03-12', time: '08:15:00' }, due: { day: '2024-03-15', time: '17:00:00' } });
  });
});

describe('two-row headers', () => {
  /** The legal register form: a group heading over three sub-headings, the other cells over two rows. */
  const REGISTER = `<table border="1"><thead>
    <tr><th rowspan="2">TT</th><th rowspan="2">Mã hồ sơ</th><th rowspan="2">Tên TTHC</th><th rowspan="2">Tổ chức, cá nhân</th>
      <th colspan="3">Ngày, tháng, năm</th><th rowspan="2">Ghi chú</th></tr>
    <tr><th>Nhận hồ sơ</th><th>Hẹn trả kết quả</th><th>Trả kết quả</th></tr>
  </thead><tbody>
    <tr><td>1</td><td>${C1}</td><td>Đăng ký khai sinh</td><td>Nguyễn Văn A</td><td>12/03/2024</td><td>15/03/2024</td><td>18/03/2024</td><td></td></tr>
    <tr><td>2</td><td>000.17.22.H56-240312-0002</td><td>Cấp bản sao</td><td>Trần Thị B</td><td>12/03/2024</td><td>13/03/2024</td><td></td><td></td></tr>
  </tbody></table>`;

  it('names each column by its sub-heading and the others by their own', () => {
    mount(REGISTER);
    const [table] = readDossierTables(document);
    expect(table?.headers).toEqual(['TT', 'Mã hồ sơ', 'Tên TTHC', 'Tổ chức, cá nhân', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Trả kết quả', 'Ghi chú']);
    expect(table?.columns).toEqual({ code: 1, procedure: 2, applicant: 3, received: 4, due: 5, closed: 6 });
    expect(table?.dossiers.map((d) => [d.dossier.code, d.dossier.procedure, d.dossier.received?.day, d.dossier.due?.day, d.dossier.closed?.day])).toEqual([
      [C1, 'Đăng ký khai sinh', '2024-03-12', '2024-03-15', '2024-03-18'],
      ['000.17.22.H56-240312-0002', 'Cấp bản sao', '2024-03-12', '2024-03-13', undefined],
    ]);
  });

  it('reads the same header drawn without <thead>, as the first two rows of header cells', () => {
    mount(REGISTER.replace('<thead>', '<tbody>').replace('</thead><tbody>', ''));
    const [table] = readDossierTables(document);
    expect(table?.columns).toMatchObject({ code: 1, received: 4, due: 5, closed: 6 });
    expect(table?.dossiers).toHaveLength(2);
    expect(table?.skippedRows).toBe(0);
  });

  it('reads a numbering row under the header as no dossier', () => {
    mount(REGISTER.replace('</thead><tbody>', '</thead><tbody><tr><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td><td>(6)</td><td>(7)</td><td>(8)</td></tr>'));
    const [table] = readDossierTables(document);
    expect(table?.dossiers).toHaveLength(2);
    expect(table?.unreadable).toEqual([]);
    expect(table?.skippedRows).toBe(1);
  });

  it('takes a group heading where no sub-heading is under it', () => {
    mount(`<table><thead><tr><th colspan="2">Hồ sơ</th><th rowspan="2">Ngày hẹn trả</th></tr><tr><th>Mã hồ sơ</th><th></th></tr></thead>
      <tbody><tr><td>${C1}</td><td>x</td><td>15/03/2024</td></tr></tbody></table>`);
    const [table] = readDossierTables(document);
    expect(table?.headers).toEqual(['Mã hồ sơ', '', 'Ngày hẹn trả']);
    expect(table?.dossiers[0]?.dossier.due).toEqual({ day: '2024-03-15' });
  });
});

describe('headings of real systems', () => {
  it.each([
    ['Ngày nộp hồ sơ', 'received'],
    ['Nhận hồ sơ', 'received'],
    ['Hẹn trả kết quả', 'due'],
    ['Hạn trả', 'due'],
    ['Trả kết quả', 'closed'],
    ['Ngày kết thúc', 'closed'],
    ['Tên TTHC', 'procedure'],
    ['Người xử lý', 'handler'],
    ['Cán bộ xử lý hiện tại', 'handler'],
    ['Số ngày quá hạn', 'overdue'],
  ])('maps "%s" to %s', (heading, field) => {
    mount(`<table><thead><tr><th>TT</th><th>Mã hồ sơ</th><th>Ngày hẹn trả</th><th>${heading}</th></tr></thead><tbody></tbody></table>`.replace(
      `<th>Ngày hẹn trả</th><th>${heading}</th>`,
      field === 'due' ? `<th>${heading}</th>` : `<th>Ngày hẹn trả</th><th>${heading}</th>`,
    ));
    const [table] = readDossierTables(document);
    expect(table?.columns[field as 'due']).toBe(field === 'due' ? 2 : 3);
    expect(Object.values(table?.columns ?? {})).not.toContain(0); // "TT" is no field
  });
});
