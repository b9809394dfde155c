import { describe, expect, it } from 'vitest';
import { PendingSaves } from '@/lib/portal/pending-saves';

interface Read {
  code: string;
  v: number;
}
const read = (code: string, v = 1): Read => ({ code, v });
const codes = (pending: PendingSaves<Read>) => pending.batches().flatMap((batch) => batch.entries.map((entry) => entry.item.code));

describe('PendingSaves', () => {
  it('keeps reads of several pages, grouped by page, oldest page first', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A'), read('B')], '/p1');
    pending.add([read('C')], '/p2');
    expect(pending.batches().map((batch) => [batch.pageUrl, batch.entries.map((entry) => entry.item.code)])).toEqual([
      ['/p1', ['A', 'B']],
      ['/p2', ['C']],
    ]);
  });

  it('the newest read of a code wins, with its page', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A', 1)], '/p1');
    pending.add([read('A', 2)], '/p2');
    expect(pending.size).toBe(1);
    const [batch] = pending.batches();
    expect(batch!.pageUrl).toBe('/p2');
    expect(batch!.entries[0]!.item.v).toBe(2);
  });

  it('a confirmed save drops exactly the reads sent', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A'), read('B')], '/p1');
    const sent = pending.batches()[0]!.entries;
    pending.add([read('C')], '/p2');
    pending.confirm(sent);
    expect(codes(pending)).toEqual(['C']);
  });

  it('a newer read that came in during the save is kept after the older one is confirmed', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A', 1)], '/p1');
    const sent = pending.batches()[0]!.entries;
    pending.add([read('A', 2)], '/p1');
    pending.confirm(sent);
    expect(pending.batches()[0]!.entries.map((entry) => entry.item.v)).toEqual([2]);
  });

  it('a failed save confirms nothing: everything is sent again next time', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A')], '/p1');
    pending.add([read('B')], '/p2');
    expect(codes(pending)).toEqual(['A', 'B']);
    expect(codes(pending)).toEqual(['A', 'B']);
  });

  it('is bounded: past the limit the oldest reads are dropped', () => {
    const pending = new PendingSaves<Read>(3);
    pending.add([read('A'), read('B')], '/p1');
    pending.add([read('C'), read('D')], '/p2');
    expect(codes(pending)).toEqual(['B', 'C', 'D']);
    // A code read again counts as new.
    pending.add([read('B', 2)], '/p3');
    pending.add([read('E')], '/p3');
    expect(codes(pending)).toEqual(['D', 'B', 'E']);
    expect(pending.has('C')).toBe(false);
  });

  it('clear forgets everything', () => {
    const pending = new PendingSaves<Read>();
    pending.add([read('A')], '/p1');
    pending.clear();
    expect(pending.size).toBe(0);
    expect(pending.batches()).toEqual([]);
  });
});
