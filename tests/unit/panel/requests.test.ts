import { describe, expect, it, vi } from 'vitest';
import { requestFromPanel } from '../../../entrypoints/panel/requests';

const TAG = { type: 'tag/remove', code: 'H34-261120-0001' } as const;
const noWait = async () => {};

describe('requestFromPanel', () => {
  it('passes a good answer through at once', async () => {
    const send = vi.fn(async () => ({ ok: true, previous: null }));
    const onRetry = vi.fn();
    expect(await requestFromPanel(TAG, onRetry, noWait, send)).toEqual({ response: { ok: true, previous: null }, restarting: false });
    expect(send).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it("passes the background's own refusal through without retrying it", async () => {
    const refusal = { ok: false, error: { code: 'not-found', message: 'Không tìm thấy', messageEn: 'Not found' } };
    const send = vi.fn(async () => refusal);
    const answer = await requestFromPanel(TAG, vi.fn(), noWait, send);
    expect(answer).toEqual({ response: refusal, restarting: false });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a missing or malformed answer, telling the caller, until one is good', async () => {
    const answers: unknown[] = [undefined, undefined, undefined, undefined, { ok: 'yes' }, { ok: true, previous: null }];
    const send = vi.fn(async () => answers.shift());
    const onRetry = vi.fn();
    const answer = await requestFromPanel(TAG, onRetry, noWait, send);
    expect(answer).toEqual({ response: { ok: true, previous: null }, restarting: false });
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
