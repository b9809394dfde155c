import { describe, expect, it } from 'vitest';
import { systemState } from '../../../lib/dossier/classify';
import type { DossierTag, ReadDossier } from '../../../lib/dossier/model';
import { day, readDossier, tag as makeTag } from '../../support/factories';
import { createWorkingCalendar, withWorkingDays } from '../../../lib/calendar/working-calendar';
import { buildPanelModel, defaultReturnDate, filterLateRows, type LateRow, type PageRead } from '../../../lib/portal/panel-model';

const TODAY = '2026-02-10';
const d = day;

function dossier(code: string, due: string, closed: string | null = null, received: string | null = '2026-02-01', extra: Partial<ReadDossier> = {}): ReadDossier {
  return readDossier({
    code,
    procedure: 'Thủ tục',
    sector: '',
    applicant: 'Phạm D',
    received: received ? d(received) : null,
    due: d(due),
    closed: closed ? d(closed) : null,
    status: '',
    unit: '',
    ...extra,
  });
}

const tag = (realReturn: string): DossierTag => makeTag({ realReturn, by: 'Lan', at: 1 });
const row = { } as Element;
const page = (dossiers: ReadDossier[], tableCount = 1): PageRead => ({
  dossiers: dossiers.map((dossier) => ({ dossier, row })),
  unreadable: [],
  tableCount,
});

describe('buildPanelModel: which rows are late', () => {
  type Case = [label: string, dossier: ReadDossier, state: LateRow['state'] | null, daysLate: number];
  const CASES: Case[] = [
    ['unclosed, due yesterday', dossier('A', '2026-02-09'), 'late-unclosed', 1],
    ['unclosed, due today', dossier('A', TODAY), null, 0],
    ['unclosed, due tomorrow', dossier('A', '2026-02-11'), null, 0],
    ['unclosed, due a month ago', dossier('A', '2026-01-10'), 'late-unclosed', 31],
    ['closed the day after due', dossier('A', '2026-02-03', '2026-02-04'), 'late-closed', 1],
    ['closed on the due day, late in the day', { ...dossier('A', '2026-02-03'), closed: d('2026-02-03', '23:59') }, null, 0],
    ['closed before due, long ago', dossier('A', '2026-01-20', '2026-01-15'), null, 0],
    ['closed late, due in the past', dossier('A', '2026-01-05', '2026-01-09'), 'late-closed', 4],
  ];

  it.each(CASES)('%s', (_label, item, state, daysLate) => {
    const model = buildPanelModel(page([item]), TODAY, new Map());
    expect(model.readCount).toBe(1);
    // Same rule as lib/classify.
    expect(systemState(item, TODAY)).toBe(state ?? 'not-late');
    if (state === null) {
      expect(model.lateRows).toEqual([]);
    } else {
      expect(model.lateRows).toEqual([{ dossier: item, state, daysLate, workingDaysLate: null, minutesLate: null, check: null, tag: null }]);
    }
  });
});

describe('buildPanelModel: page level', () => {
  it.each<[string, ReadDossier[], string[], number]>([
    ['no rows', [], [], 0],
    ['mixed late and on time', [dossier('A', '2026-02-09'), dossier('B', '2026-02-11'), dossier('C', '2026-02-01', '2026-02-02')], ['A', 'C'], 3],
    ['duplicate code: first occurrence counts', [dossier('A', '2026-02-09'), dossier('A', '2026-02-20'), dossier('B', '2026-02-01')], ['A', 'B'], 2],
    ['duplicate where the first copy is not late', [dossier('A', '2026-02-20'), dossier('A', '2026-02-01'), dossier('B', '2026-02-01')], ['B'], 2],
    ['three copies of one late code', [dossier('X', '2026-02-01'), dossier('X', '2026-02-01'), dossier('X', '2026-02-01')], ['X'], 1],
    ['keeps page order', [dossier('Z', '2026-02-01'), dossier('M', '2026-02-02'), dossier('A', '2026-02-03')], ['Z', 'M', 'A'], 3],
  ])('%s', (_label, dossiers, lateCodes, readCount) => {
    const model = buildPanelModel(page(dossiers, 2), TODAY, new Map());
    expect(model.lateRows.map((r) => r.dossier.code)).toEqual(lateCodes);
    expect(model.readCount).toBe(readCount);
    expect(model.tableCount).toBe(2);
    if (lateCodes.length) expect(model.lateRows[0]!.dossier).toBe(dossiers.find((x) => x.code === lateCodes[0]));
  });

  it('attaches the stored tags by code, null elsewhere', () => {
    const tags = new Map([
      ['A', tag('2026-02-09')],
      ['NOT-LATE', tag('2026-02-05')],
      ['ELSEWHERE', tag('2026-02-05')],
    ]);
    const model = buildPanelModel(page([dossier('A', '2026-02-09'), dossier('B', '2026-02-08'), dossier('NOT-LATE', '2026-02-12')]), TODAY, tags);
    expect(model.lateRows.map((r) => [r.dossier.code, r.tag])).toEqual([
      ['A', tags.get('A')],
      ['B', null],
    ]);
  });

  it('attaches the decision state by code where the store gave one, and nothing elsewhere', () => {
    const decisions = new Map([
      ['A', { decision: 'e1' }],
      ['NOT-LATE', { decision: 'e2' }],
    ]);
    const model = buildPanelModel(page([dossier('A', '2026-02-09'), dossier('B', '2026-02-08')]), TODAY, new Map(), decisions);
    expect(model.lateRows[0]!.decided).toBe(decisions.get('A'));
    expect('decided' in model.lateRows[1]!).toBe(false);
  });

  it('passes unreadable rows through; working days are added with a calendar', () => {
    const unreadable = [{ rowIndex: 3, code: '', reason: { kind: 'missing-code' as const }, raw: {} }];
    // Due Friday 6 Feb 2026, today Tuesday 10 Feb: 4 calendar days, 2 working days (Mon 9, Tue 10).
    const model = buildPanelModel({ dossiers: [{ dossier: dossier('A', '2026-02-06'), row }], unreadable, tableCount: 1 }, TODAY, new Map());
    expect(model.unreadable).toBe(unreadable);
    expect(model.lateRows[0]).toMatchObject({ daysLate: 4, workingDaysLate: null });
    const withDays = withWorkingDays(model, TODAY, createWorkingCalendar());
    expect(withDays.lateRows[0]).toMatchObject({ daysLate: 4, workingDaysLate: 2 });
    expect(withDays.unreadable).toBe(unreadable);
    expect(model.lateRows[0]!.workingDaysLate).toBeNull();
  });

  it('counts working days with the overrides of the settings', () => {
    const model = buildPanelModel(page([dossier('A', '2026-02-06')]), TODAY, new Map());
    const calendar = createWorkingCalendar({ daysOff: ['2026-02-09'], workingDays: [] });
    expect(withWorkingDays(model, TODAY, calendar).lateRows[0]!.workingDaysLate).toBe(1);
  });
});

describe('filterLateRows', () => {
  const rows = ['000.00.12.H34-260105-0001', '000.00.12.H34-260106-0002', 'H05.1-260106-000123', 'HS-abc-9'].map(
    (code): LateRow => ({ dossier: dossier(code, '2026-02-01'), state: 'late-unclosed', daysLate: 9, workingDaysLate: null, minutesLate: null, check: null, tag: null }),
  );
  it.each<[string, string, string[]]>([
    ['empty filter keeps all', '', rows.map((r) => r.dossier.code)],
    ['spaces only keep all', '   ', rows.map((r) => r.dossier.code)],
    ['exact code', 'H05.1-260106-000123', ['H05.1-260106-000123']],
    ['substring of several', '260106', ['000.00.12.H34-260106-0002', 'H05.1-260106-000123']],
    ['lower case', 'h34-260105', ['000.00.12.H34-260105-0001']],
    ['mixed case', 'hs-ABC', ['HS-abc-9']],
    ['spaces around and inside', '  H34 - 260105 ', ['000.00.12.H34-260105-0001']],
    ['tab and newline pasted', '\tH05.1-\n260106', ['H05.1-260106-000123']],
    ['no match', 'H99', []],
  ])('%s', (_label, filter, expected) => {
    expect(filterLateRows(rows, filter).map((r) => r.dossier.code)).toEqual(expected);
  });

  // A code read from a cell that does not match the code pattern is the cell's first line, which may
  // hold spaces (lib/dossier/code.ts). Typing that code exactly must find it: the filter ignores spaces
  // on both sides.
  it('a code with spaces is found by typing it as shown', () => {
    const spaced: LateRow = { dossier: dossier('HS 2026 001', '2026-02-01'), state: 'late-unclosed', daysLate: 9, workingDaysLate: null, minutesLate: null, check: null, tag: null };
    expect(filterLateRows([spaced], 'HS 2026 001')).toEqual([spaced]);
  });
});

describe('defaultReturnDate', () => {
  it.each<[string, string, string | null, DossierTag | null, string]>([
    ['tag date wins over due day', '2026-02-05', '2026-02-01', tag('2026-02-03'), '2026-02-03'],
    ['tag date wins even outside the clamp', '2026-02-05', '2026-02-04', tag('2026-02-02'), '2026-02-02'],
    ['untagged: due day', '2026-02-05', '2026-02-01', null, '2026-02-05'],
    ['due day equal to today', TODAY, '2026-02-01', null, TODAY],
    ['due day after today: clamped to today', '2026-02-20', '2026-02-01', null, TODAY],
    ['due day before receipt: clamped to receipt', '2026-01-30', '2026-02-01', null, '2026-02-01'],
    ['no receipt column: due day', '2026-01-30', null, null, '2026-01-30'],
    ['receipt today, due earlier', '2026-02-01', TODAY, null, TODAY],
  ])('%s', (_label, due, received, t, expected) => {
    expect(defaultReturnDate({ dossier: dossier('A', due, null, received), tag: t }, TODAY)).toBe(expected);
  });
});

describe('withWorkingDays names years with a derived working-day calendar', () => {
  it.each([
    ['all official', '2026-11-27', ['2026-11-20'], []],
    ['today in a derived year', '2027-01-05', ['2026-12-30'], [2027]],
    ['a due day in a derived year', '2026-11-27', ['2018-12-28'], [2018]],
  ])('%s', (_name, today, dues, expected) => {
    const built = buildPanelModel(page(dues.map((due, i) => dossier(`C${i}`, due, null, '2018-12-01'))), today, new Map());
    const model = withWorkingDays(built, today, createWorkingCalendar());
    expect(model.lateRows.length).toBe(dues.length);
    expect(model.derivedYears).toEqual(expected);
  });

  it('says nothing when no row is late', () => {
    const built = buildPanelModel(page([dossier('C', '2030-01-10', null, '2029-12-01')]), '2029-12-05', new Map());
    expect(withWorkingDays(built, '2029-12-05', createWorkingCalendar()).derivedYears).toEqual([]);
  });
});
