import { describe, expect, it } from 'vitest';
import { buildAppendixRows, groupDossiers } from '../../../lib/appendix/rows';
import { appendixCsv } from '../../../lib/appendix/csv';
import { calendarDaysLate, isLateOnSystem, minutesLate, nextLatenessChange, systemState, tagOutcome, verdictDisagreement } from '../../../lib/dossier/classify';
import { shapes } from '../../../lib/messaging/schemas';
import { lateRates } from '../../../lib/reports/rates';
import { getDossiers, upsertDossiers } from '../../../lib/store/dossiers';
import { day, readDossier, storedDossier, tag } from '../../support/factories';
import { freshDb } from '../store/fresh-db';

/**
 * A dossier whose appointment the page never showed (a list read with the portal's verdict alone, see
 * docs/domain.md, "Composite cells"): classified by its verdict, shown and exported with an empty
 * appointment, never crashing, and never overwriting an appointment the store already knows.
 */
const NOW = { day: '2026-11-30', time: '10:00' };
const unknown = (over = {}) => readDossier({ due: null, unmapped: ['due'], ...over });

describe('classification without an appointment', () => {
  it('follows the portal verdict, and is not late without one', () => {
    expect(systemState(unknown({ verdict: 'late' }), NOW)).toBe('late-unclosed');
    expect(systemState(unknown({ verdict: 'late', closed: day('2026-11-02') }), NOW)).toBe('late-closed');
    expect(systemState(unknown(), NOW)).toBe('not-late');
    expect(isLateOnSystem(unknown({ verdict: 'not-late', closed: day('2026-11-02') }), NOW)).toBe(false);
  });

  it('has nothing to disagree with, counts no days or minutes, and schedules no recount', () => {
    expect(verdictDisagreement(unknown({ verdict: 'late' }), NOW)).toBeNull();
    expect(calendarDaysLate(unknown(), NOW)).toBe(0);
    expect(minutesLate(unknown(), NOW)).toBeNull();
    expect(nextLatenessChange([unknown(), readDossier({ due: day('2026-12-01') })], 0)).toBe(Date.UTC(2026, 11, 1, 17));
  });

  it('takes a staff tag as a return in time', () => {
    expect(tagOutcome({ realReturn: '2026-11-20' }, null)).toBe('on-time');
  });
});

describe('the appendix with an unknown appointment', () => {
  const dossier = storedDossier({ due: null, verdict: 'late', tag: tag({ realReturn: '2026-11-20' }) });

  it('lists it with an empty appointment column in the CSV', () => {
    const rows = buildAppendixRows([dossier], { today: NOW });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ due: '', state: 'Chưa kết thúc', outcome: 'Đúng hạn' });
    const csv = appendixCsv(rows, { delimiter: ',' });
    expect(csv.split('\r\n')[1]!.split(',')[6]).toBe('');
  });

  it('leaves it out of a bounded period and keeps it in an open one', () => {
    expect(groupDossiers([dossier], NOW, { from: '2026-11-01', to: '2026-11-30' }).late).toEqual([]);
    expect(groupDossiers([dossier], NOW).late).toHaveLength(1);
  });

  it('counts it as decided only when the portal says it is late or it is closed', () => {
    expect(lateRates([storedDossier({ due: null })], NOW).overall.decided).toBe(0);
    expect(lateRates([storedDossier({ due: null, verdict: 'late' })], NOW).overall.decided).toBe(1);
  });
});

describe('messages and the store', () => {
  it('accepts a read without an appointment', () => {
    expect(shapes().readDossierSchema.safeParse(unknown()).success).toBe(true);
    expect(shapes().readDossierSchema.safeParse({ ...unknown(), unmapped: ['due', 'closed'] }).success).toBe(true);
  });

  it('keeps a stored appointment when a later read does not show one', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [readDossier({ due: day('2026-11-20', '17:00') })], 'p', 1);
    await upsertDossiers(db, [unknown({ verdict: 'late' })], 'p', 2);
    const [stored] = await getDossiers(db, [readDossier().code]);
    expect(stored?.due).toEqual(day('2026-11-20', '17:00'));
    expect(stored?.verdict).toBe('late');
  });

  it('stores an unknown appointment as null', async () => {
    const db = await freshDb();
    await upsertDossiers(db, [unknown()], 'p', 1);
    const [stored] = await getDossiers(db, [readDossier().code]);
    expect(stored?.due).toBeNull();
  });
});

describe('consolidation of an appendix with an unknown appointment', () => {
  it('reads back the file the extension wrote', async () => {
    const { parseAppendixFile } = await import('../../../lib/appendix/consolidate/import');
    const rows = buildAppendixRows([storedDossier({ due: null, verdict: 'late', tag: tag({ realReturn: '2026-11-20' }) })], { today: NOW });
    const parsed = parseAppendixFile('phu-luc.csv', `\ufeff${appendixCsv(rows, { delimiter: ',' })}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => row.due)).toEqual(['']);
  });

  it('still refuses an appointment that is no date', async () => {
    const { rowProblems } = await import('../../../lib/appendix/consolidate/row-schema');
    const [row] = buildAppendixRows([storedDossier({ due: null, verdict: 'late', tag: tag({ realReturn: '2026-11-20' }) })], { today: NOW });
    expect(rowProblems({ ...row!, stt: '1', due: '31/02/2026' })).not.toEqual([]);
  });
});
