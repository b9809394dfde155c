// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLateOnSystem, systemState } from '../../../lib/dossier/classify';
import type { ReadDossier } from '../../../lib/dossier/model';
import { readDossierTables, unmappedCandidates } from '../../../lib/portal/reader';
import { emptyBodyAfterEach } from './mount';

/** A hand-written fixture page's body, as the portal serves it (tests/fixtures/portal/). */
function load(name: string): void {
  const html = readFileSync(join(__dirname, '../../fixtures/portal', name), 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
}

function mount(html: string): void {
  document.body.innerHTML = html;
}

emptyBodyAfterEach();

const NOW = { day: '2026-11-30', time: '10:00' };

function only(): { dossiers: ReadDossier[]; headers: string[]; skipped: number; unreadable: number } {
  const tables = readDossierTables(document);
  expect(tables).toHaveLength(1);
  const [table] = tables;
  return { dossiers: table!.dossiers.map((d) => d.dossier), headers: table!.headers, skipped: table!.skippedRows, unreadable: table!.unreadable.length };
}

const lateCodes = (dossiers: ReadDossier[]) => dossiers.filter((d) => isLateOnSystem(d, NOW)).map((d) => d.code);

describe('the OpenCPS list (tooltips and icon ligatures in the headings)', () => {
  it('names every column by its heading alone', () => {
    load('opencps.html');
    expect(only().headers).toEqual(['STT', 'Mã hồ sơ', 'Thủ tục hành chính', 'Chủ hồ sơ', 'Ngày tiếp nhận', 'Hạn xử lý', 'Ngày kết thúc', 'Trạng thái']);
  });

  it('reads every row with its times, and finds exactly the late ones', () => {
    load('opencps.html');
    const { dossiers } = only();
    expect(dossiers).toHaveLength(5);
    expect(dossiers[0]).toMatchObject({
      code: '000.00.23.H34-240311-0001',
      procedure: 'Đăng ký khai sinh',
      applicant: 'Nguyễn Văn An',
      received: { day: '2024-03-11', time: '08:15:00' },
      due: { day: '2024-03-15', time: '17:00:00' },
      closed: null,
    });
    expect(lateCodes(dossiers)).toEqual(['000.00.23.H34-240311-0001', '000.00.23.H34-240312-0003']);
    expect(systemState(dossiers[2]!, NOW)).toBe('late-closed'); // closed 40 minutes after its 17:00 appointment
    // "Quá hạn bổ sung" is the applicant's deadline, not the dossier's lateness.
    expect(dossiers[4]?.verdict).toBeUndefined();
  });
});

describe('the composite late list (Thông tin hồ sơ, no code or date column)', () => {
  it('reads the code, dates and status from the composite cell, and the other columns by heading', () => {
    load('thanh-hoa.html');
    const { dossiers, headers } = only();
    expect(headers).toEqual(['STT', 'Thông tin hồ sơ', 'Chủ hồ sơ', 'Số ngày quá hạn', 'Người xử lý', 'Thao tác']);
    expect(dossiers[0]).toEqual({
      code: '000.17.22.H56-240312-0001',
      procedure: '',
      sector: '',
      applicant: 'Nguyễn Văn An',
      received: { day: '2024-03-12', time: '08:15' },
      due: { day: '2024-03-15', time: '17:00' },
      closed: null,
      status: 'Đang xử lý',
      unit: '',
      handler: 'Lê Thị Hoa',
      verdict: 'late',
      unmapped: ['procedure', 'sector', 'closed', 'unit'],
    });
  });

  it('reads the time-first form "HH:mm, dd/MM/yyyy"', () => {
    load('thanh-hoa.html');
    expect(only().dossiers[1]).toMatchObject({
      code: 'H56.14-240823-0001',
      received: { day: '2024-08-23', time: '08:30' },
      due: { day: '2024-08-27', time: '17:00' },
      status: 'Yêu cầu bổ sung giấy tờ',
    });
  });

  it('lists a row without an appointment with the portal verdict, its appointment unknown', () => {
    load('thanh-hoa.html');
    const row = only().dossiers[2]!;
    expect(row.code).toBe('000.17.22.H56-240901-0007');
    expect(row.due).toBeNull();
    expect(row.unmapped).toContain('due');
    expect(row.verdict).toBe('late');
    expect(systemState(row, NOW)).toBe('late-unclosed');
  });

  it('finds exactly the late dossiers: an overdue count of 0 with a future appointment is not late', () => {
    load('thanh-hoa.html');
    const { dossiers, unreadable } = only();
    expect(unreadable).toBe(0);
    expect(lateCodes(dossiers)).toEqual(['000.17.22.H56-240312-0001', 'H56.14-240823-0001', '000.17.22.H56-240901-0007']);
  });
});

describe('the register (two header rows)', () => {
  it('reads the sub-headings, skips the numbering row and finds exactly the late dossiers', () => {
    load('so-theo-doi.html');
    const { dossiers, skipped, unreadable } = only();
    expect(skipped).toBe(1);
    expect(unreadable).toBe(0);
    expect(dossiers.map((d) => [d.code, d.received?.day, d.due?.day, d.closed?.day ?? null])).toEqual([
      ['000.17.22.H56-240312-0001', '2024-03-12', '2024-03-15', '2024-03-18'],
      ['000.17.22.H56-240312-0002', '2024-03-12', '2024-03-13', '2024-03-13'],
      ['000.17.22.H56-240313-0003', '2024-03-13', '2024-03-14', null],
    ]);
    expect(lateCodes(dossiers)).toEqual(['000.17.22.H56-240312-0001', '000.17.22.H56-240313-0003']);
  });
});

describe('composite cells', () => {
  const HEAD = '<table><thead><tr><th>STT</th><th>Hồ sơ</th><th>Tình trạng</th></tr></thead><tbody>';
  const row = (n: number, info: string, status = 'Đang xử lý') => `<tr><td>${n}</td><td>${info}</td><td>${status}</td></tr>`;

  it.each([
    ['"Hẹn trả:" with a time', 'Hẹn trả: 15/03/2024 17:00', { day: '2024-03-15', time: '17:00' }],
    ['"hẹn trả:" without a time', 'hẹn trả: 15/03/2024', { day: '2024-03-15' }],
    ['the time-first form', 'Hẹn trả: 17:00, 15/03/2024', { day: '2024-03-15', time: '17:00' }],
    ['seconds', 'Hẹn trả: 15/03/2024 17:00:30', { day: '2024-03-15', time: '17:00:30' }],
    ['a space before the colon', 'Hẹn trả : 15/03/2024', { day: '2024-03-15' }],
    ['after another label on the line', 'Tiếp nhận: 12/03/2024 08:00, Hẹn trả: 15/03/2024', { day: '2024-03-15' }],
    ['"Ngày hẹn trả:"', 'Ngày hẹn trả: 15/03/2024', { day: '2024-03-15' }],
    ['"Hạn trả:"', 'Hạn trả: 15/03/2024', { day: '2024-03-15' }],
  ])('reads the appointment from %s', (_name, line, due) => {
    mount(`${HEAD}${row(1, `000.00.23.H34-240312-0001<br>${line}`)}${row(2, `000.00.23.H34-240312-0002<br>${line}`)}</tbody></table>`);
    expect(only().dossiers[0]?.due).toEqual(due);
  });

  it.each([
    ['Tiếp nhận trực tiếp', '12/03/2024 08:15', 'received', { day: '2024-03-12', time: '08:15' }],
    ['Tiếp nhận', '12/03/2024', 'received', { day: '2024-03-12' }],
    ['Ngày nộp hồ sơ', '12/03/2024', 'received', { day: '2024-03-12' }],
    ['Ngày kết thúc', '16/03/2024 09:00', 'closed', { day: '2024-03-16', time: '09:00' }],
    ['Chủ hồ sơ', 'Nguyễn Văn An', 'applicant', 'Nguyễn Văn An'],
    ['Trạng thái hồ sơ ', 'Đã trả kết quả', 'status', 'Đã trả kết quả'],
  ])('reads "%s:" as a labelled value', (label, value, field, expected) => {
    // The status column here is named "Ghi chú" so that a labelled status is the only one.
    const head = '<table><thead><tr><th>STT</th><th>Hồ sơ</th><th>Ghi chú</th></tr></thead><tbody>';
    const info = (n: number) => `000.00.23.H34-240312-000${n}<br>- ${label}: ${value}<br>- Hẹn trả: 15/03/2024`;
    mount(`${head}${row(1, info(1), '')}${row(2, info(2), '')}</tbody></table>`);
    expect(only().dossiers[0]?.[field as keyof ReadDossier]).toEqual(expected);
  });

  it.each([
    ['Quá hạn 2 ngày', 'late'],
    ['QUÁ HẠN 2 NGÀY', 'late'],
    ['quá Hạn', 'late'],
    ['Trễ hẠn', 'late'],
    ['Kết thúc MUỘN', 'late'],
    ['Trả Muộn', 'late'],
    ['Đúng hạn', 'not-late'],
    ['ĐÚNG HẠN', 'not-late'],
    ['Hẹn trả đúng giờ', undefined],
  ])('reads the verdict of the line "%s" in any case', (line, verdict) => {
    // The code line first and then the verdict's own line, as the composite late lists show them.
    const info = (n: number) => `000.00.23.H34-240312-000${n}<br>${line}<br>Hẹn trả: 15/03/2024`;
    mount(`${HEAD}${row(1, info(1), '')}${row(2, info(2), '')}</tbody></table>`);
    expect(only().dossiers.map((d) => d.verdict)).toEqual([verdict, verdict]);
  });

  it('reads a code line with more on it as a line, and the code alone as a code', () => {
    const rows = [
      row(1, '000.00.23.H34-240312-0001 - Quá hạn<br>Hẹn trả: 15/03/2099'),
      row(2, ' 000.00.23.H34-240312-0002 <br>Hẹn trả: 15/03/2099'),
      row(3, '<b>000.00.23.H34-240312-0003</b><br>Hẹn trả: 15/03/2099'),
    ];
    mount(`${HEAD}${rows.join('')}</tbody></table>`);
    expect(only().dossiers.map((d) => [d.code, d.verdict])).toEqual([
      ['000.00.23.H34-240312-0001', 'late'],
      ['000.00.23.H34-240312-0002', undefined],
      ['000.00.23.H34-240312-0003', undefined],
    ]);
  });

  it('looks for nothing in the row-number and actions columns', () => {
    const head = '<table><thead><tr><th>STT</th><th>Hồ sơ</th><th>Thao tác</th></tr></thead><tbody>';
    // A button naming a verdict (a filter, a report) is no verdict on the dossier.
    const actions = '<button>Quá hạn</button> <button>Xem</button>';
    const rows = [1, 2].map((n) => `<tr><td>${n}</td><td>000.00.23.H34-240312-000${n}<br>Hẹn trả: 15/03/2099</td><td>${actions}</td></tr>`);
    mount(`${head}${rows.join('')}</tbody></table>`);
    expect(only().dossiers.map((d) => [d.code, d.verdict])).toEqual([
      ['000.00.23.H34-240312-0001', undefined],
      ['000.00.23.H34-240312-0002', undefined],
    ]);
  });

  it('takes the first dossier code in the row and never a procedure code', () => {
    mount(`${HEAD}${row(1, 'Thủ tục 1.001612.000.00.00.H48<br>Số: 000.00.53.H48-220921-0099<br>Hẹn trả: 15/03/2024')}${row(2, 'H48.1-220921-0100<br>Hẹn trả: 15/03/2024')}</tbody></table>`);
    expect(only().dossiers.map((d) => d.code)).toEqual(['000.00.53.H48-220921-0099', 'H48.1-220921-0100']);
  });

  it('reads a labelled value staff mapped', () => {
    const info = (n: number) => `000.00.23.H34-240312-000${n}<br>Thời hạn: 15/03/2024 17:00`;
    mount(`${HEAD}${row(1, info(1))}${row(2, info(2))}</tbody></table>`);
    expect(readDossierTables(document)).toEqual([]);
    expect(unmappedCandidates(document)[0]).toMatchObject({ found: ['code', 'status'], missing: ['due'] });
    const [table] = readDossierTables(document, { mapping: { labels: { 'thời hạn': 'due' } } });
    expect(table?.dossiers[0]?.dossier.due).toEqual({ day: '2024-03-15', time: '17:00' });
  });

  it('marks a bad labelled appointment as unreadable, with its text', () => {
    mount(`${HEAD}${row(1, '000.00.23.H34-240312-0001<br>Hẹn trả: 31/02/2024')}${row(2, '000.00.23.H34-240312-0002<br>Hẹn trả: 15/03/2024')}</tbody></table>`);
    const [table] = readDossierTables(document);
    expect(table?.dossiers).toHaveLength(1);
    expect(table?.unreadable[0]).toMatchObject({ code: '000.00.23.H34-240312-0001', reason: { kind: 'bad-date', field: 'due', text: '31/02/2024' } });
  });

  it('does not take a table with codes and no appointment for a list', () => {
    mount(`${HEAD}${row(1, '000.00.23.H34-240312-0001')}${row(2, '000.00.23.H34-240312-0002')}</tbody></table>`);
    expect(readDossierTables(document)).toEqual([]);
  });

  it('reads a list with an overdue-days column and no dates with the portal verdict', () => {
    mount(`<table><thead><tr><th>Mã hồ sơ</th><th>Số ngày quá hạn</th></tr></thead><tbody>
      <tr><td>000.00.23.H34-240312-0001</td><td>3  Ngày</td></tr><tr><td>000.00.23.H34-240312-0002</td><td>0 Ngày</td></tr></tbody></table>`);
    const { dossiers } = only();
    expect(dossiers.map((d) => [d.code, d.due, d.verdict, d.unmapped?.includes('due')])).toEqual([
      ['000.00.23.H34-240312-0001', null, 'late', true],
      ['000.00.23.H34-240312-0002', null, undefined, true],
    ]);
    expect(lateCodes(dossiers)).toEqual(['000.00.23.H34-240312-0001']);
  });

  it('still makes a shown but empty appointment cell unreadable', () => {
    mount(`<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr></thead><tbody>
      <tr><td>000.00.23.H34-240312-0001</td><td></td></tr></tbody></table>`);
    expect(readDossierTables(document)[0]?.unreadable[0]?.reason).toEqual({ kind: 'missing-due', text: '' });
  });

  it('reads a list with both columns by its columns alone, not from labels in other cells', () => {
    mount(`<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th><th>Ghi chú</th></tr></thead><tbody>
      <tr><td>000.00.23.H34-240312-0001</td><td>15/03/2024</td><td>Ngày kết thúc: 16/03/2024</td></tr></tbody></table>`);
    expect(only().dossiers[0]).toMatchObject({ closed: null, unmapped: expect.arrayContaining(['closed']) });
  });
});
