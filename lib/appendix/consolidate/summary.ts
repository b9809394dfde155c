import { compareText, type AppendixValues } from '../rows';
import { REAL_OUTCOME_LABEL_VI } from '../../dossier/classify';

export interface UnitCount {
  /** Column 13; '' for rows without a unit (listed last). */
  unit: string;
  rows: number;
  early: number;
  onTime: number;
}

/** Counts per unit (sorted by unit in Vietnamese order, '' last) and the total. */
export function summaryByUnit(rows: readonly AppendixValues[]): { units: UnitCount[]; total: Omit<UnitCount, 'unit'> } {
  const map = new Map<string, UnitCount>();
  const total = { rows: 0, early: 0, onTime: 0 };
  for (const row of rows) {
    const entry = map.get(row.unit) ?? { unit: row.unit, rows: 0, early: 0, onTime: 0 };
    entry.rows++;
    total.rows++;
    if (row.outcome === REAL_OUTCOME_LABEL_VI.early) {
      entry.early++;
      total.early++;
    } else if (row.outcome === REAL_OUTCOME_LABEL_VI['on-time']) {
      entry.onTime++;
      total.onTime++;
    }
    map.set(row.unit, entry);
  }
  const collator = new Intl.Collator('vi');
  const units = [...map.values()].sort((a, b) => {
    if (a.unit === '' || b.unit === '') return a.unit === '' ? (b.unit === '' ? 0 : 1) : -1;
    return collator.compare(a.unit, b.unit) || compareText(a.unit, b.unit);
  });
  return { units, total };
}
