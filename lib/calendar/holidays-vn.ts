/**
 * Official days off for civil servants (cán bộ, công chức, viên chức) in Vietnam, 2019–2026, as data.
 *
 * Rules (Labour Code 2012 art. 115 until 2020; Labour Code 2019 art. 112 from 2021): Tết Dương lịch 1 day
 * (1/1); Tết Âm lịch 5 days (range fixed by the Government each year); Giỗ Tổ Hùng Vương (10/3 lunar);
 * 30/4; 1/5; Quốc khánh 2/9, plus one adjacent day from 2021. A holiday falling on the weekly rest day
 * (Sat/Sun for offices) gives a substitute day off ("nghỉ bù") on the next working day. The Government may
 * also swap a working day between holidays with a Saturday ("làm bù").
 *
 * Every year below was checked against press reports of the Government's/Ministry's announcement (found
 * with the project's search tool, see `verified`); where a detail is a mechanical consequence of the Labour
 * Code rather than something a source stated, the comment says so. Not included: "Ngày Văn hóa Việt Nam"
 * (24/11), which the Politburo wants to become a paid holiday; as of March 2026 it still needs an amendment
 * of Labour Code art. 112 (Nghị quyết 30/NQ-CP, 2026), so it is not an official day off yet. Staff can add
 * it (or any local change) in the options page as an override.
 */

import { addDays, daysBetween } from './day';

export interface HolidayYear {
  /** `yyyy-MM-dd`, sorted: every official day off (the whole announced Tết range, each holiday even when it
   * falls on a weekend, substitute days, bridge days). May hold a day of the previous year when that
   * year's announcement covers it (31/12/2018). */
  daysOff: string[];
  /** Saturdays that are working days because a bridge day was swapped with them ("làm bù"). */
  workingSaturdays: string[];
  /** The decision/notice the schedule comes from. */
  source: string;
  /** Name of each day in `daysOff`. */
  names: Record<string, string>;
  /** How the year was checked (sources found), and what is only derived from the Labour Code rules. */
  verified: string;
}

const NEW_YEAR = 'Tết Dương lịch';
const TET = 'Tết Nguyên đán';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương';
const REUNIFICATION = 'Ngày Chiến thắng (30/4)';
const LABOUR = 'Ngày Quốc tế Lao động (1/5)';
const NATIONAL = 'Quốc khánh (2/9)';
const substitute = (name: string): string => `Nghỉ bù ${name}`;
const bridge = (name: string): string => `Nghỉ hoán đổi dịp ${name}`;

/** Every day from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

function year(
  source: string,
  verified: string,
  periods: [name: string, days: string[]][],
  workingSaturdays: string[] = [],
): HolidayYear {
  const names: Record<string, string> = {};
  for (const [name, days] of periods) for (const day of days) names[day] ??= name;
  return { daysOff: Object.keys(names).sort(), workingSaturdays, source, names, verified };
}

export const FIRST_OFFICIAL_YEAR = 2019;
export const LAST_OFFICIAL_YEAR = 2026;

export const HOLIDAYS_VN: Readonly<Record<number, HolidayYear>> = {
  2019: year(
    'Bộ LĐTBXH, thông báo lịch nghỉ Tết Dương lịch, Tết Âm lịch, 30/4–1/5 năm 2019 (Thủ tướng đồng ý, 2018); Bộ luật Lao động 2012 Điều 115',
    'Tết Dương lịch (31/12/2018–1/1/2019, làm bù 5/1), Tết 2/2–10/2, 30/4 (29/4–1/5, làm bù 4/5): docnhanh.vn 04/12/2018 and 05/09/2018. ' +
      'Giỗ Tổ (14/4 Sunday → nghỉ bù 15/4) and 2/9 (Monday, 1 day under the 2012 Code): Labour Code rules, no source found.',
    [
      [bridge(NEW_YEAR), ['2018-12-31']],
      [NEW_YEAR, ['2019-01-01']],
      [TET, range('2019-02-02', '2019-02-10')],
      [HUNG_KINGS, ['2019-04-14']],
      [substitute(HUNG_KINGS), ['2019-04-15']],
      [bridge(REUNIFICATION), ['2019-04-29']],
      [REUNIFICATION, ['2019-04-30']],
      [LABOUR, ['2019-05-01']],
      [NATIONAL, ['2019-09-02']],
    ],
    ['2019-01-05', '2019-05-04'],
  ),
  2020: year(
    'Thủ tướng Chính phủ đồng ý đề xuất của Bộ LĐTBXH về nghỉ Tết Âm lịch 2020; Bộ luật Lao động 2012 Điều 115',
    'Tết 23/1–29/1: socongthuong.daklak.gov.vn 07/01/2020, baovephapluat.vn 13/01/2020. 1/1 one day: dautuvietnam.com.vn 12/12/2019. ' +
      '2/9 (Wednesday) one day: tuoitrexahoi.vn 08/2020. Giỗ Tổ 2/4 (Thu), 30/4 (Thu), 1/5 (Fri): weekdays, no swap.',
    [
      [NEW_YEAR, ['2020-01-01']],
      [TET, range('2020-01-23', '2020-01-29')],
      [HUNG_KINGS, ['2020-04-02']],
      [REUNIFICATION, ['2020-04-30']],
      [LABOUR, ['2020-05-01']],
      [NATIONAL, ['2020-09-02']],
    ],
  ),
  2021: year(
    'Thông báo 4875/TB-LĐTBXH ngày 11/12/2020 (Tết Âm lịch, Quốc khánh 2021); Bộ luật Lao động 2019 Điều 112',
    'Tết 10/2–16/2 (mùng 2, 3 on the weekend → nghỉ bù 15/2, 16/2) and Quốc khánh 2/9 + 3/9: cand.com.vn 11/12/2020, khoahocdoisong.vn, hanoimoi.vn. ' +
      '1/1, Giỗ Tổ 21/4, 30/4, 1/5 Saturday → nghỉ bù 3/5: Labour Code rules, matching docs/domain.md (Working days and the holiday calendar).',
    [
      [NEW_YEAR, ['2021-01-01']],
      [TET, range('2021-02-10', '2021-02-16')],
      [HUNG_KINGS, ['2021-04-21']],
      [REUNIFICATION, ['2021-04-30']],
      [LABOUR, ['2021-05-01']],
      [substitute(LABOUR), ['2021-05-03']],
      [NATIONAL, ['2021-09-02', '2021-09-03']],
    ],
  ),
  2022: year(
    'Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết Nhâm Dần); Bộ luật Lao động 2019 Điều 112',
    'Tết 29/1–6/2 (5 days 31/1–4/2 + two weekends): kinhtemoitruong.vn 12/01/2022, wikihoc.com. Giỗ Tổ 10/4 Sunday → 11/4 and ' +
      '30/4–1/5 on the weekend → 2/5, 3/5: qbtv.vn 05/04/2022 (VietnamPlus). Quốc khánh 1/9–2/9: scon.com.vn 2022 calendar. ' +
      '1/1 Saturday → nghỉ bù 3/1: Labour Code rule, no source found.',
    [
      [NEW_YEAR, ['2022-01-01']],
      [substitute(NEW_YEAR), ['2022-01-03']],
      [TET, range('2022-01-29', '2022-02-06')],
      [HUNG_KINGS, ['2022-04-10']],
      [substitute(HUNG_KINGS), ['2022-04-11']],
      [REUNIFICATION, ['2022-04-30']],
      [LABOUR, ['2022-05-01']],
      [substitute(REUNIFICATION), ['2022-05-02']],
      [substitute(LABOUR), ['2022-05-03']],
      [NATIONAL, ['2022-09-01', '2022-09-02']],
    ],
  ),
  2023: year(
    'Văn phòng Chính phủ (Phó Thủ tướng Vũ Đức Đam đồng ý nghỉ Tết 20/1–26/1/2023); Công văn 8056/VPCP-KGVX (Quốc khánh 2023); Bộ luật Lao động 2019 Điều 112',
    'Tết 20/1–26/1: pld.net.vn. 1/1 Sunday → nghỉ bù 2/1: 118.69.84.237 (legal Q&A). Giỗ Tổ 29/4 Sat + 30/4 Sun + 1/5 Mon → 5 days ' +
      '29/4–3/5: kinhtedothi.vn 22/03/2023. Quốc khánh 1/9–4/9 (2/9 Saturday → nghỉ bù 4/9): th389.vn citing 8056/VPCP-KGVX.',
    [
      [NEW_YEAR, ['2023-01-01']],
      [substitute(NEW_YEAR), ['2023-01-02']],
      [TET, range('2023-01-20', '2023-01-26')],
      [HUNG_KINGS, ['2023-04-29']],
      [REUNIFICATION, ['2023-04-30']],
      [LABOUR, ['2023-05-01']],
      [substitute(HUNG_KINGS), ['2023-05-02']],
      [substitute(REUNIFICATION), ['2023-05-03']],
      [NATIONAL, ['2023-09-01', '2023-09-02']],
      [substitute(NATIONAL), ['2023-09-04']],
    ],
  ),
  2024: year(
    'Văn phòng Chính phủ (Thủ tướng đồng ý Tết 8/2–14/2 và Quốc khánh 31/8–3/9/2024, 11/2023); Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi 30/4–1/5)',
    'Tết 8/2–14/2 and Quốc khánh 31/8–3/9: vietnamnews.vn 05/11/2023, btv.org.vn. 30/4: 27/4–1/5, làm bù Saturday 4/5: baophapluat.vn ' +
      '(2450/VPCP-KGVX). 1/1 Monday: dbndnghean.vn. Giỗ Tổ 18/4 (Thursday): weekday, no swap.',
    [
      [NEW_YEAR, ['2024-01-01']],
      [TET, range('2024-02-08', '2024-02-14')],
      [HUNG_KINGS, ['2024-04-18']],
      [bridge(REUNIFICATION), ['2024-04-29']],
      [REUNIFICATION, ['2024-04-30']],
      [LABOUR, ['2024-05-01']],
      [NATIONAL, ['2024-09-02', '2024-09-03']],
    ],
    ['2024-05-04'],
  ),
  2025: year(
    'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH (2024) về nghỉ Tết Âm lịch, 30/4–1/5 và Quốc khánh 2025',
    'Tết 25/1–2/2, 30/4–4/5 (2/5 swapped with Saturday 26/4), Quốc khánh 30/8–2/9, 1/1 one day, Giỗ Tổ 7/4: doanhnhanvakinhte.com, ' +
      'pld.net.vn (8726/VPCP-KGVX), aeonmall-tanphuceladon, giadinh.suckhoedoisong.vn (6150/TB-LĐTBXH).',
    [
      [NEW_YEAR, ['2025-01-01']],
      [TET, range('2025-01-25', '2025-02-02')],
      [HUNG_KINGS, ['2025-04-07']],
      [REUNIFICATION, ['2025-04-30']],
      [LABOUR, ['2025-05-01']],
      [bridge(LABOUR), ['2025-05-02']],
      [NATIONAL, ['2025-09-01', '2025-09-02']],
    ],
    ['2025-04-26'],
  ),
  2026: year(
    'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); Văn phòng Chính phủ 10/2025 (Thủ tướng đồng ý đề xuất của Bộ Nội vụ: Tết Âm lịch, Quốc khánh 2026); Bộ luật Lao động 2019 Điều 112',
    'Tết Dương lịch 1/1–4/1, 2/1 swapped with Saturday 10/1: 12729/VPCP-KGVX (collector.com.tr, tracuuquyhoach.com). Tết 14/2–22/2 ' +
      'and Quốc khánh 29/8–2/9 with 31/8 swapped to Saturday 22/8 (adjacent day 1/9): kienthuc.net.vn 13/10/2025, congan.com.vn, ' +
      'vnanet.vn. Giỗ Tổ 26/4 Sunday → nghỉ bù 27/4, 30/4 Thu, 1/5 Fri, no swap: thanhnien.vn 23/02/2026, kenh14.vn 11/03/2026.',
    [
      [NEW_YEAR, ['2026-01-01']],
      [bridge(NEW_YEAR), ['2026-01-02']],
      [TET, range('2026-02-14', '2026-02-22')],
      [HUNG_KINGS, ['2026-04-26']],
      [substitute(HUNG_KINGS), ['2026-04-27']],
      [REUNIFICATION, ['2026-04-30']],
      [LABOUR, ['2026-05-01']],
      [bridge(NATIONAL), ['2026-08-31']],
      [NATIONAL, ['2026-09-01', '2026-09-02']],
    ],
    ['2026-01-10', '2026-08-22'],
  ),
};

export const HOLIDAY_NAMES = { NEW_YEAR, TET, HUNG_KINGS, REUNIFICATION, LABOUR, NATIONAL, substitute, bridge } as const;
