import { buildAppendixRows, type AppendixRow } from '../../../lib/appendix/rows';
import type { StoredDossier } from '../../../lib/dossier/model';

/**
 * Appendix rows for the workbook and document tests, built by the product's own row builder from stored
 * dossiers: Vietnamese text in every column, and cells a spreadsheet would take for a formula.
 */

export const OFFICE_TODAY = '2026-11-27';

/** Cell text that a spreadsheet would evaluate or treat specially if it were not written as text. */
export const HOSTILE = {
  procedure: '=HYPERLINK("http://example.invalid/x","Bấm vào đây")',
  applicant: '+84 912 345 678',
  sector: '-1+1',
  reason: '@SUM(A1:A9) lý do',
  note: '=1+2',
} as const;

function dossier(i: number, over: Partial<StoredDossier> = {}): StoredDossier {
  const day = String(1 + (i % 20)).padStart(2, '0');
  return {
    code: `H37.${String(100000 + i)}`,
    procedure: 'Đăng ký khai sinh có yếu tố nước ngoài, kết hợp đăng ký nhận cha, mẹ, con',
    sector: 'Hộ tịch',
    applicant: `Nguyễn Thị Ánh Tuyết ${i}`,
    received: { day: `2026-10-${day}`, time: '08:15' },
    due: { day: `2026-11-${day}` },
    closed: i % 2 ? { day: `2026-11-${String(2 + (i % 20)).padStart(2, '0')}` } : null,
    status: 'Đã trả kết quả',
    unit: 'UBND xã Đăk Cấm',
    firstSeen: 1,
    lastSeen: 2,
    pageUrl: 'https://motcua.kontum.gov.vn/vi/dossier/search',
    tag: {
      realReturn: i % 3 ? `2026-11-${day}` : `2026-10-${String(2 + (i % 20)).padStart(2, '0')}`,
      reason: i % 4 ? '' : 'Công dân đã nhận kết quả; chuyên viên chưa kết thúc trên Hệ thống',
      note: i % 5 ? '' : `Ghi chú số ${i}: đã gọi điện báo ông Đặng Văn Ước`,
      by: 'Cán bộ A',
      at: 3,
    },
    ...over,
  };
}

/** `count` appendix rows (every dossier lands in the appendix). */
export function officeRows(count: number, unitName = ''): AppendixRow[] {
  const dossiers = Array.from({ length: count }, (_, i) => dossier(i));
  return buildAppendixRows(dossiers, { today: OFFICE_TODAY, unitName });
}

/** Rows that include one dossier whose every free-text cell is hostile. */
export function hostileRows(): AppendixRow[] {
  const hostile = dossier(7, {
    code: '-H37.9',
    procedure: HOSTILE.procedure,
    applicant: HOSTILE.applicant,
    sector: HOSTILE.sector,
  });
  hostile.tag = { ...hostile.tag!, reason: HOSTILE.reason, note: HOSTILE.note };
  return buildAppendixRows([dossier(1), hostile, dossier(2)], { today: OFFICE_TODAY });
}
