import { describe, expect, it } from 'vitest';
import { combinePageStates, parseFrameMessage, type PageState } from '../../../entrypoints/panel/page-state';
import type { LateRow } from '../../../lib/portal/panel-model';
import { readDossier } from '../../support/factories';

/** The page state of a top page and of the same-origin frames inside it, joined for the one panel. */

function late(code: string): LateRow {
  return { dossier: readDossier({ code }), state: 'late-unclosed', daysLate: 2, workingDaysLate: null, minutesLate: null, check: null, tag: null };
}

function state(codes: string[], over: Partial<PageState> = {}, model: Partial<PageState['model']> = {}): PageState {
  return {
    type: 'page',
    model: { lateRows: codes.map(late), readCount: codes.length + 1, unreadable: [], tableCount: codes.length ? 1 : 0, derivedYears: [], ...model },
    storeError: null,
    saving: false,
    unknown: [],
    ...over,
  };
}

describe('combinePageStates', () => {
  it('one frame: its state as it is', () => {
    const only = state(['A']);
    expect(combinePageStates([only])).toBe(only);
  });

  it("lists each code once, the top page's first, and adds the counts", () => {
    const joined = combinePageStates([state(['A', 'B']), state(['B', 'C'])]);
    expect(joined.model.lateRows.map((row) => row.dossier.code)).toEqual(['A', 'B', 'C']);
    expect(joined.model.readCount).toBe(6);
    expect(joined.model.tableCount).toBe(2);
  });

  it('joins the unreadable rows and the derived years', () => {
    const unreadable = { rowIndex: 1, code: 'X', reason: { kind: 'missing-code' as const }, raw: {} };
    const joined = combinePageStates([state([], {}, { derivedYears: [2027] }), state(['A'], {}, { unreadable: [unreadable], derivedYears: [2026, 2027] })]);
    expect(joined.model.unreadable).toEqual([unreadable]);
    expect(joined.model.derivedYears).toEqual([2026, 2027]);
  });

  it('saving while any frame saves; the first error; every unknown code once', () => {
    const problem = { code: 'store-unavailable' } as unknown as PageState['storeError'];
    const joined = combinePageStates([state(['A'], { unknown: ['A'] }), state(['B'], { saving: true, storeError: problem, unknown: ['A', 'B'] })]);
    expect(joined.saving).toBe(true);
    expect(joined.storeError).toBe(problem);
    expect(joined.unknown).toEqual(['A', 'B']);
    expect(combinePageStates([state(['A']), state(['B'])])).toMatchObject({ saving: false, storeError: null, unknown: [] });
  });

  it('the joined state is one the panel accepts', () => {
    expect(parseFrameMessage(combinePageStates([state(['A']), state(['B'])]))).not.toBeNull();
  });
});
