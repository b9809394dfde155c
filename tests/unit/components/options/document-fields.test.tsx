// @vitest-environment happy-dom
import { act } from 'react';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { rootPerTest } from '../react-root';
import { Options } from '../../../../components/options/Options';
import { createTranslator } from '../../../../lib/i18n/translate';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings';
import { officeFile, officeSettings } from '../../../../lib/appendix/office-file';
import { HEADER_ROW } from '../../../../lib/appendix/workbook';
import { OFFICE_TODAY, officeRows } from '../../appendix/office-fixtures';

/**
 * The document fields typed on the options page reach the files: the form saves them, and the workbook
 * and the Word document the exports make from those settings print them (read back with ExcelJS and
 * from the document's XML); blank fields print as dotted gaps.
 */

const view = rootPerTest();

function field(id: string): HTMLInputElement {
  const element = view.container.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no [data-testid="${id}"]`);
  return element;
}

function type(id: string, value: string) {
  const element = field(id);
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function saved(settings: Settings, typed: Record<string, string>): Promise<Settings> {
  const onSave = vi.fn(async (_next: Settings) => {});
  act(() =>
    view.root.render(<Options t={createTranslator(settings.language)} settings={settings} onSave={onSave} onRequestReminderPermission={async () => true} />),
  );
  for (const [id, value] of Object.entries(typed)) type(id, value);
  await act(async () => field('option-save').click());
  expect(onSave).toHaveBeenCalledTimes(1);
  return onSave.mock.calls[0]![0];
}

const TYPED = {
  'option-unit': 'Ủy ban nhân dân xã Đức Nhuận',
  'option-staff': 'Trần Văn Minh',
  'option-parent-body': 'Ủy ban nhân dân huyện Mộ Đức',
  'option-letter-number': '125/UBND-VP',
  'option-letter-date': '2026-11-05',
  'option-letter-issuer': 'UBND xã Đức Nhuận',
  'option-place': 'Đức Nhuận',
  'option-preparer': 'Lê Thị Hoa',
  'option-head-title': 'Chủ tịch',
  'option-head-name': 'Phạm Văn Bình',
};

async function workbookText(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  const texts: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
  return texts;
}

async function documentText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  // The text runs, joined: a value may be split over runs.
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the document fields of the options page', () => {
  it('are saved from the form and printed in the workbook and the Word document', async () => {
    const settings = await saved(DEFAULT_SETTINGS, TYPED);
    expect(settings).toMatchObject({ parentBody: 'Ủy ban nhân dân huyện Mộ Đức', letterDate: '2026-11-05', preparerName: 'Lê Thị Hoa', headName: 'Phạm Văn Bình' });
    const info = { ...officeSettings(settings), today: OFFICE_TODAY };
    const rows = officeRows(3);

    const cells = await workbookText((await officeFile('xlsx', rows, info)).bytes);
    // The parent body heads the top left, above the unit.
    expect(cells[0]).toBe('ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC');
    for (const text of [
      'ỦY BAN NHÂN DÂN XÃ ĐỨC NHUẬN',
      '(Kèm theo Văn bản số 125/UBND-VP ngày 05 tháng 11 năm 2026 của UBND xã Đức Nhuận)',
      'Đức Nhuận, ngày 27 tháng 11 năm 2026',
      'CHỦ TỊCH',
      'Lê Thị Hoa',
      'Phạm Văn Bình',
    ]) {
      expect(cells).toContain(text);
    }
    expect(cells).not.toContain('Trần Văn Minh');

    const text = await documentText((await officeFile('docx', rows, info)).bytes);
    for (const expected of [
      'ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC',
      '(Kèm theo Văn bản số 125/UBND-VP ngày 05 tháng 11 năm 2026 của UBND xã Đức Nhuận)',
      'Đức Nhuận, ngày 27 tháng 11 năm 2026',
      'CHỦ TỊCH',
      'Lê Thị Hoa',
      'Phạm Văn Bình',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('left blank, print dotted gaps, and the staff name as the preparer', async () => {
    const settings = await saved(DEFAULT_SETTINGS, { 'option-staff': 'Trần Văn Minh' });
    const info = { ...officeSettings(settings), today: OFFICE_TODAY };
    const cells = await workbookText((await officeFile('xlsx', officeRows(1), info)).bytes);
    expect(cells).toContain('(Kèm theo Văn bản số ……/…… ngày …… tháng …… năm …… của ……)');
    expect(cells).toContain('……, ngày 27 tháng 11 năm 2026');
    expect(cells).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(cells).toContain('Trần Văn Minh');
    // The table's header row is where the exports put it.
    expect(cells).toContain('Mã hồ sơ');
    expect(HEADER_ROW).toBe(9);
  });

  it('refuse a letter date that is not a real day, beside the field', async () => {
    const onSave = vi.fn(async (_next: Settings) => {});
    act(() => view.root.render(<Options t={createTranslator('en')} settings={{ ...DEFAULT_SETTINGS, letterDate: '2026-02-30' }} onSave={onSave} onRequestReminderPermission={async () => true} />));
    await act(async () => field('option-save').click());
    expect(onSave).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('Not saved: fix the fields marked in red.');
  });
});
