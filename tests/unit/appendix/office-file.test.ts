import { describe, expect, it } from 'vitest';
import { exportFromQuery, exportsOnPage, officeSettings, POPUP_OFFICE_MAX_ROWS } from '../../../lib/appendix/office-file';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

describe('where an office export runs', () => {
  it.each([
    ['docx', 1, false],
    ['docx', POPUP_OFFICE_MAX_ROWS.docx, false],
    ['docx', POPUP_OFFICE_MAX_ROWS.docx + 1, true],
    ['xlsx', POPUP_OFFICE_MAX_ROWS.docx + 1, false],
    ['xlsx', POPUP_OFFICE_MAX_ROWS.xlsx + 1, true],
    ['docx', 10_000, true],
  ] as const)('%s of %i rows on the appendix page: %s', (kind, rows, onPage) => {
    expect(exportsOnPage(kind, rows)).toBe(onPage);
  });

  it.each([
    ['?export=docx', 'docx'],
    ['?from=2026-11-01&export=xlsx', 'xlsx'],
    ['?export=pdf', null],
    ['?from=2026-11-01', null],
    ['', null],
  ] as const)('the address %j asks for %s', (search, kind) => {
    expect(exportFromQuery(search)).toBe(kind);
  });
});

describe('officeSettings', () => {
  it('names the staff member as the preparer where none is set, and passes the rest through', () => {
    const settings = { ...DEFAULT_SETTINGS, staffName: 'Trần Văn Minh', place: 'Đăk Cấm', headName: 'Phạm Văn Bình' };
    expect(officeSettings(settings)).toMatchObject({ preparerName: 'Trần Văn Minh', place: 'Đăk Cấm', headName: 'Phạm Văn Bình', letterNumber: '' });
    expect(officeSettings({ ...settings, preparerName: 'Lê Thị Hoa' }).preparerName).toBe('Lê Thị Hoa');
    expect(officeSettings({ ...settings, preparerName: '  ' }).preparerName).toBe('Trần Văn Minh');
  });
});
