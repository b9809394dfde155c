import { describe, expect, it, vi } from 'vitest';
import { createClient, type Transport } from '../../../lib/messaging/client';
import type { Request } from '../../../lib/messaging/protocol';

const STATUS: Request = { type: 'status/get' };
const OK_STATUS = { ok: true, stored: 3, databaseError: null };

/** A transport that plays a script: each step is a value to answer or an error to throw. */
function scripted(steps: Step[]) {
  const transport = vi.fn<Transport>(async () => {
    const step = steps.shift();
    if (!step) throw new Error('script exhausted');
    if ('throw' in step) throw step.throw;
    return step.answer;
  });
  return transport;
}

type Step = { throw: unknown } | { answer: unknown };
const lost = (text = 'Could not establish connection. Receiving end does not exist.'): Step => ({ throw: new Error(text) });
const noAnswer: Step = { answer: undefined };

describe('retries', () => {
  it.each([
    ['one lost connection', [lost()], 1],
    ['three lost connections', [lost(), lost(), lost()], 3],
    ['one undefined answer', [noAnswer], 1],
    ['three undefined answers', [noAnswer, noAnswer, noAnswer], 3],
    ['mixed failures', [lost(), noAnswer, lost('The message port closed before a response was received.')], 3],
    ['a thrown string', [{ throw: 'Error: Could not establish connection.' }], 1],
    ['message channel closed', [lost('A listener indicated an asynchronous response by returning true, but the message channel closed')], 1],
  ])('%s then success', async (_label, failures, retries) => {
    const transport = scripted([...failures, { answer: OK_STATUS }]);
    const sleep = vi.fn(async (_ms: number) => {});
    const client = createClient(transport, sleep);
    const response = await client.request(STATUS);
    expect(response).toEqual(OK_STATUS);
    expect(transport).toHaveBeenCalledTimes(retries + 1);
    for (const call of transport.mock.calls) expect(call[0]).toEqual(STATUS);
    expect(sleep).toHaveBeenCalledTimes(retries);
    // Growing delays.
    const delays = sleep.mock.calls.map(([ms]) => ms);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
  });

  it.each<[string, () => Step]>([
    ['lost connection every time', () => lost()],
    ['undefined every time', () => noAnswer],
  ])('gives up with a failure after the retries: %s', async (_label, step) => {
    const transport = scripted(Array.from({ length: 20 }, step));
    const sleep = vi.fn(async () => {});
    const client = createClient(transport, sleep);
    const response = await client.request(STATUS);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('internal');
      expect(response.error.problem.code).toMatch(/^(extension-unreachable|response-malformed)$/);
    }
    expect(transport).toHaveBeenCalledTimes(4);
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['Extension context invalidated', new Error('Extension context invalidated.')],
    ['an unrelated error', new Error('boom')],
    ['a thrown non-error', { weird: true }],
  ])('no retry on %s, and no throw', async (_label, error) => {
    const transport = scripted([{ throw: error }, { answer: OK_STATUS }]);
    const sleep = vi.fn(async () => {});
    const client = createClient(transport, sleep);
    const response = await client.request(STATUS);
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(transport).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('the failure message names the error', async () => {
    const client = createClient(scripted([{ throw: new Error('Extension context invalidated.') }]), async () => {});
    const response = await client.request(STATUS);
    expect(!response.ok && response.error.problem).toEqual({ code: 'extension-unreachable', detail: 'Extension context invalidated.' });
  });
});

describe('responses', () => {
  it.each<[string, Request, unknown, 'same' | 'internal']>([
    ['a good status', STATUS, OK_STATUS, 'same'],
    ['a failure passes through', STATUS, { ok: false, error: { code: 'quota', problem: { code: 'storage-full' } } }, 'same'],
    ['a failure with an unknown code', STATUS, { ok: false, error: { code: 'teapot', problem: { code: 'storage-full' } } }, 'internal'],
    ['null', STATUS, null, 'internal'],
    ['a string', STATUS, 'ok', 'internal'],
    ['ok without fields', STATUS, { ok: true }, 'internal'],
    ['wrong field type', STATUS, { ok: true, stored: '3', databaseError: null }, 'internal'],
    ['answer of another request type', { type: 'dossiers/all' }, OK_STATUS, 'internal'],
    ['upsert answer with a bad tag', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [] }, { ok: true, stored: 1, tags: { A: { realReturn: 'x' } } }, 'internal'],
    ['upsert answer with a bad tag in its pairs', { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [] }, { ok: true, stored: 1, tags: [['A', { realReturn: 'x' }]] }, 'internal'],
    ['backup/undo-restore answer', { type: 'backup/undo-restore' }, { ok: true, reverted: 2, kept: 1 }, 'same'],
    ['tag/undo answer without its event', { type: 'tag/undo', code: 'A', event: 'e1' }, { ok: true, previous: null }, 'internal'],
  ])('%s', async (_label, message, answer, expected) => {
    const transport = vi.fn<Transport>(async () => answer);
    const client = createClient(transport, async () => {});
    const response = await client.request(message);
    if (expected === 'same') expect(response).toEqual(answer);
    else expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(transport).toHaveBeenCalledTimes(1);
  });
});

describe('the tags of an upsert answer', () => {
  const TAG = { realReturn: '2026-02-05', reason: '', note: '', by: 'Lan', at: 1 };
  const UPSERT: Request = { type: 'dossiers/upsert', pageUrl: 'p', dossiers: [] };

  it('are a Map: a dossier coded __proto__ is tagged only when the answer says so', async () => {
    const client = createClient(async () => ({ ok: true, stored: 2, tags: [['B', TAG]], decisions: [] }), async () => {});
    const response = await client.request(UPSERT);
    expect(response.ok && 'tags' in response && response.tags.get('__proto__')).toBeUndefined();
    expect(response.ok && 'tags' in response && response.tags.get('constructor')).toBeUndefined();
    expect(response.ok && 'tags' in response && response.tags.get('B')).toEqual(TAG);
  });

  it('carry a tag of a dossier coded __proto__ as any other', async () => {
    const client = createClient(async () => JSON.parse(JSON.stringify({ ok: true, stored: 1, tags: [['__proto__', TAG]], decisions: [] })), async () => {});
    const response = await client.request(UPSERT);
    expect(response.ok && 'tags' in response && [...response.tags]).toEqual([['__proto__', TAG]]);
  });
});
