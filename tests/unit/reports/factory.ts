import type { StoredDossier } from '@/lib/dossier/model';

/** A stored dossier for the report tests: due day, closing day and the optional fields given. */
export function stored(
  code: string,
  due: string,
  closed: string | null,
  extra: { realReturn?: string; unit?: string; sector?: string; handler?: string; dueTime?: string } = {},
): StoredDossier {
  return {
    code,
    procedure: 'Đăng ký khai sinh',
    sector: extra.sector ?? 'Hộ tịch',
    applicant: 'Nguyễn Văn A',
    received: { day: '2024-01-01' },
    due: extra.dueTime ? { day: due, time: extra.dueTime } : { day: due },
    closed: closed ? { day: closed } : null,
    status: '',
    unit: extra.unit ?? 'UBND xã A',
    ...(extra.handler !== undefined ? { handler: extra.handler } : {}),
    firstSeen: 0,
    lastSeen: 0,
    pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search',
    ...(extra.realReturn ? { tag: { realReturn: extra.realReturn, reason: '', note: '', by: '', at: 0 } } : {}),
  };
}
