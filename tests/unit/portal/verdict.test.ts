// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { overdueDaysVerdict, rowVerdict, textVerdict } from '../../../lib/portal/verdict';
import { readDossierTables } from '../../../lib/portal/reader';
import type { PortalVerdict } from '../../../lib/dossier/model';

describe('textVerdict: the portal says late', () => {
  it.each([
    'Trễ hạn',
    'trễ hạn',
    'TRỄ HẠN',
    'Quá hạn',
    'Đã quá hạn',
    'Đã quá hạn 3 ngày',
    'Đang xử lý\nĐã quá hạn 3 ngày',
    'Kết thúc muộn',
    'Đã trả kết quả (trễ hạn)',
    'Hoàn thành quá hạn',
    'Đã trả muộn',
    'Quá hạn 2 ngày',
    'Trễ hạn'.normalize('NFD'),
    // a look-alike beside a verdict does not hide the verdict
    'Quá hạn bổ sung; Đã quá hạn 1 ngày',
    // on time somewhere, late elsewhere: late wins
    'Đúng hạn - Kết thúc muộn',
  ])('%j → late', (text) => expect(textVerdict(text)).toBe('late'));
});

describe('textVerdict: the portal says on time', () => {
  it.each(['Đúng hạn', 'Hoàn thành đúng hạn', 'Trước hạn', 'Trong hạn', 'Chưa quá hạn', 'Không quá hạn', 'Không trễ hạn'])(
    '%j → not-late',
    (text) => expect(textVerdict(text)).toBe('not-late'),
  );
});

describe('textVerdict: look-alikes and other texts are no verdict', () => {
  it.each([
    'Quá hạn bổ sung',
    'quá hạn bổ sung',
    'Quá hạn nộp bổ sung',
    'Hạn bổ sung đã quá hạn',
    'Sắp quá hạn',
    'Sắp đến hạn',
    'Sắp trễ hạn',
    'Còn 2 ngày',
    'Hôm nay',
    'Đang xử lý',
    'Đã trả kết quả',
    'Chờ trả kết quả',
    'Yêu cầu bổ sung giấy tờ',
    'Quá hạnh', // not the word
    '',
    '17:00 15/07/2025',
  ])('%j → none', (text) => expect(textVerdict(text)).toBeUndefined());
});

describe('overdueDaysVerdict', () => {
  it.each<[string, PortalVerdict | undefined]>([
    ['3  Ngày', 'late'],
    ['1', 'late'],
    ['12 ngày', 'late'],
    ['0', undefined],
    ['0 Ngày', undefined],
    ['', undefined],
    ['-', undefined],
  ])('%j → %s', (text, verdict) => expect(overdueDaysVerdict(text)).toBe(verdict));
});

describe('rowVerdict', () => {
  it('late in any text or the overdue cell wins; else on time where said; else none', () => {
    expect(rowVerdict(['Đúng hạn'], '2 Ngày')).toBe('late');
    expect(rowVerdict(['Đúng hạn', 'Đã quá hạn 1 ngày'])).toBe('late');
    expect(rowVerdict(['Đúng hạn'], '0 Ngày')).toBe('not-late');
    expect(rowVerdict(['Đang xử lý', 'Quá hạn bổ sung'], '0')).toBeUndefined();
  });
});

describe('the reader reads the verdict', () => {
  afterEach(() => document.body.replaceChildren());

  it('from the status, the text around the appointment and the overdue-days column', () => {
    const container = document.createElement('div');
    container.innerHTML = `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th><th>Trạng thái</th><th>Số ngày quá hạn</th></tr></thead><tbody>
      <tr><td>000.00.23.H34-250710-0001</td><td>15/07/2025</td><td>Kết thúc muộn</td><td>0 Ngày</td></tr>
      <tr><td>000.00.23.H34-250710-0002</td><td>15/07/2025<br>Đã quá hạn 3 ngày</td><td>Đang xử lý</td><td></td></tr>
      <tr><td>000.00.23.H34-250710-0003</td><td>15/07/2025</td><td>Đang xử lý</td><td>3  Ngày</td></tr>
      <tr><td>000.00.23.H34-250710-0004</td><td>15/07/2025</td><td>Quá hạn bổ sung</td><td>0</td></tr>
      <tr><td>000.00.23.H34-250710-0005</td><td>15/07/2025</td><td>Đã trả kết quả đúng hạn</td><td>0</td></tr>
    </tbody></table>`;
    document.body.append(container);
    const [table] = readDossierTables(document);
    expect(table!.columns.overdue).toBe(3);
    expect(table!.dossiers.map((d) => d.dossier.verdict)).toEqual(['late', 'late', 'late', undefined, 'not-late']);
    expect(table!.dossiers[3]!.dossier).not.toHaveProperty('verdict');
  });
});
