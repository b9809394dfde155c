import { isAfter, systemState, tagOutcome } from '../dossier/classify';
import { nowMoment, type Now } from '../calendar/day';
import type { StoredDossier } from '../dossier/model';

/**
 * The numbers the district asks for: the late rate on the system against the real late rate, overall
 * and per unit, over the stored dossiers that are decided — closed, or past their appointment day.
 *
 * - late on the system: "Chưa kết thúc" or "Kết thúc muộn";
 * - really late: late on the system and NOT tagged early or on time. An untagged late dossier counts as
 *   really late: without a real return date nothing shows it was on time.
 */

export interface LateRates {
  unit: string;
  /** Dossiers decided: closed, or due before today. */
  decided: number;
  lateOnSystem: number;
  reallyLate: number;
  /** Percentages 0–100 with one decimal; 0 when nothing is decided. */
  systemRate: number;
  realRate: number;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

function empty(unit: string): LateRates {
  return { unit, decided: 0, lateOnSystem: 0, reallyLate: 0, systemRate: 0, realRate: 0 };
}

export function lateRates(dossiers: readonly StoredDossier[], now: Now, unitOf: (d: StoredDossier) => string = (d) => d.unit) {
  const overall = empty('');
  const byUnit = new Map<string, LateRates>();
  const moment = nowMoment(now);
  for (const dossier of dossiers) {
    // Without an appointment, only the portal's late verdict decides an open dossier.
    const decided = dossier.closed !== null || (dossier.due ? isAfter(moment, dossier.due) : dossier.verdict === 'late');
    if (!decided) continue;
    const unit = unitOf(dossier).trim();
    let entry = byUnit.get(unit);
    if (!entry) byUnit.set(unit, (entry = empty(unit)));
    const late = systemState(dossier, moment) !== 'not-late';
    const onTimeInReality = late && dossier.tag !== undefined && tagOutcome(dossier.tag, dossier.due) !== 'late';
    for (const target of [overall, entry]) {
      target.decided++;
      if (late) target.lateOnSystem++;
      if (late && !onTimeInReality) target.reallyLate++;
    }
  }
  const finish = (entry: LateRates): LateRates => ({
    ...entry,
    systemRate: rate(entry.lateOnSystem, entry.decided),
    realRate: rate(entry.reallyLate, entry.decided),
  });
  const units = [...byUnit.values()].map(finish).sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
  return { overall: finish(overall), units };
}
