import { describe, expect, it, vi } from 'vitest';
import { BULK_CHUNK, requestFromPanel, tagInChunks } from '../../../entrypoints/panel/requests';

const TAG = { type: 'tag/remove', code: 'H34-261120-0001' } as const;
const noWait = async () => {};

describe('requestFromPanel', () => {
  it('passes a good answer through at once', async () => {
    const send = vi.fn(async () => ({ ok: true, previous: null, event: null }));
    const onRetry = vi.fn();
    expect(await requestFromPanel(TAG, onRetry, noWait, send)).toEqual({ response: { ok: true, previous: null, event: null }, restarting: false });
    expect(send).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it("passes the background's own refusal through without retrying it", async () => {
    const refusal = { ok: false, error: { code: 'not-found', problem: { code: 'dossier-not-found', dossier: 'H34-1' } } };
    const send = vi.fn(async () => refusal);
    const answer = await requestFromPanel(TAG, vi.fn(), noWait, send);
    expect(answer).toEqual({ response: refusal, restarting: false });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a missing or malformed answer, telling the caller, until one is good', async () => {
    const answers: unknown[] = [undefined, undefined, undefined, undefined, { ok: 'yes' }, { ok: true, previous: null, event: null }];
    const send = vi.fn(async () => answers.shift());
    const onRetry = vi.fn();
    const answer = await requestFromPanel(TAG, onRetry, noWait, send);
    expect(answer).toEqual({ response: { ok: true, previous: null, event: null }, restarting: false });
    // Four missing answers (the client's own retries), then a malformed one: two rounds of this retry.
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('says the extension is restarting when no good answer ever comes', async () => {
    const send = vi.fn(async () => 'garbage');
    const onRetry = vi.fn();
    const answer = await requestFromPanel(TAG, onRetry, noWait, send);
    expect(answer.restarting).toBe(true);
    expect(answer.response.ok).toBe(false);
    expect(onRetry).toHaveBeenCalledTimes(3);
    expect(send).toHaveBeenCalledTimes(4);
  });
});

describe('tagInChunks', () => {
  it('sends any number of codes in requests of at most 5,000, with progress, and adds up the answers', async () => {
    const codes = Array.from({ length: 12_001 }, (_, index) => `H34-${index}`);
    const sizes: number[] = [];
    const progress: [number, number][] = [];
    const result = await tagInChunks(
      codes,
      (done, total) => progress.push([done, total]),
      async (chunk) => {
        sizes.push(chunk.length);
        return {
          response: { ok: true, saved: chunk.slice(1), refused: [{ code: chunk[0]!, problem: { code: 'real-date-empty' } as const }] },
          restarting: false,
        };
      },
    );
    expect(sizes).toEqual([BULK_CHUNK, BULK_CHUNK, 2_001]);
    expect(progress).toEqual([
      [0, 12_001],
      [5_000, 12_001],
      [10_000, 12_001],
    ]);
    expect(result.saved).toBe(12_001 - 3);
    expect(result.refused.map((item) => item.code)).toEqual(['H34-0', 'H34-5000', 'H34-10000']);
    expect(result.failure).toBeNull();
  });

  it('stops at the first failed request and says which', async () => {
    const failure = { response: { ok: false as const, error: { code: 'quota' as const, problem: { code: 'storage-full' } as const } }, restarting: false };
    const request = vi
      .fn()
      .mockResolvedValueOnce({ response: { ok: true, saved: ['a'], refused: [] }, restarting: false })
      .mockResolvedValueOnce(failure);
    const result = await tagInChunks(Array.from({ length: 11_000 }, (_, index) => `c${index}`), () => {}, request);
    expect(request).toHaveBeenCalledTimes(2);
    expect(result.saved).toBe(1);
    expect(result.failure).toBe(failure);
  });
});
