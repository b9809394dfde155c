import type { PortalVerdict } from '../dossier/model';

/**
 * The portal's own verdict on a row (docs/domain.md, "The portal's own verdict"): read from the texts
 * the row shows (its status, and the text around its dates) and its overdue-days column. Texts are
 * already normalised (NFC, single spaces); matching ignores case.
 *
 * Late: "Trễ hạn", "Quá hạn", "Đã quá hạn 3 ngày", "Kết thúc muộn", "Hoàn thành quá hạn", or an
 * overdue-days cell above 0 ("3 Ngày"). On time: "Đúng hạn", "Trước hạn", "Trong hạn", "Chưa quá hạn".
 * Look-alikes are not verdicts: "Quá hạn bổ sung" (the applicant's deadline to supplement papers),
 * "Sắp quá hạn"/"Sắp đến hạn", countdowns ("Còn 2 ngày", "Hôm nay"). Where a row shows both a late
 * and an on-time phrase, late wins: the system has shown the dossier late somewhere.
 */

/** A phrase that would read as a verdict but is not one: removed before matching. */
const LOOK_ALIKES = [
  /quá hạn (?:nộp |thời hạn )?bổ sung/giu,
  /(?:hạn|thời hạn) bổ sung(?: đã)? quá hạn/giu,
  /sắp (?:quá|trễ|hết|đến) hạn/giu,
];

/** Phrases of on-time verdicts; tested before the late ones, and removed, since they contain them. */
const NOT_LATE = /(?:chưa|không|không bị) (?:quá|trễ) hạn|đúng hạn|trước hạn|trong hạn/iu;
const NOT_LATE_ALL = new RegExp(NOT_LATE.source, 'giu');

/** Late verdicts: a whole word before and after (so "quá hạn" inside another phrase still counts). */
const LATE = /(?<![\p{L}\p{M}])(?:trễ hạn|quá hạn|kết thúc muộn|trả muộn|hoàn thành muộn)(?![\p{L}\p{M}])/iu;

/** An overdue-days cell: its first number, above 0 → late; 0, empty or no number → no verdict. */
export function overdueDaysVerdict(text: string): PortalVerdict | undefined {
  const match = /\d+/.exec(text);
  return match && Number(match[0]) > 0 ? 'late' : undefined;
}

/** The verdict a text shows, or undefined where it shows none. */
export function textVerdict(text: string): PortalVerdict | undefined {
  if (!text) return undefined;
  let rest = text.normalize('NFC');
  for (const lookAlike of LOOK_ALIKES) rest = rest.replace(lookAlike, ' ');
  const onTime = NOT_LATE.test(rest);
  if (onTime) rest = rest.replace(NOT_LATE_ALL, ' ');
  if (LATE.test(rest)) return 'late';
  return onTime ? 'not-late' : undefined;
}

/** The row's verdict from its texts and its overdue-days cell (late wins over on time). */
export function rowVerdict(texts: readonly string[], overdueText = ''): PortalVerdict | undefined {
  if (overdueDaysVerdict(overdueText) === 'late') return 'late';
  let verdict: PortalVerdict | undefined;
  for (const text of texts) {
    const found = textVerdict(text);
    if (found === 'late') return 'late';
    verdict ??= found;
  }
  return verdict;
}
