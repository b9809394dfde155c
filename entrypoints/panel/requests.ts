import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import { protocolSchemas, type Request, type RequestType, type Response } from '@/lib/messaging/protocol';
import type { Problem } from '@/lib/i18n/problem';

/**
 * The panel's requests to the background, through the protocol's typed client. On top of the client's
 * own retries of a lost connection, an answer that is missing or not the protocol's (a service worker
 * that stopped mid-request, or one still starting after an update) is retried a few times more, and
 * the caller is told so that it can say "the extension is restarting; retrying" rather than show a
 * technical error. Every request the panel sends is idempotent (a tag set to a value, a tag put back,
 * a removal), so sending one again is safe.
 */

const RESTART_DELAYS_MS = [500, 1_000, 2_000];

export interface Answer<T extends RequestType> {
  response: Response<T>;
  /** The background did not answer with the protocol (missing or malformed), even after the retries. */
  restarting: boolean;
}

export async function requestFromPanel<T extends RequestType>(
  message: Extract<Request, { type: T }>,
  onRetry: () => void = () => {},
  sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
  send: (message: Request) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<Answer<T>> {
  for (let attempt = 0; ; attempt++) {
    let raw: unknown;
    const response = await createClient(async (request) => (raw = await send(request)), sleep).request<T>(message);
    const restarting = !response.ok && !protocolSchemas().failureSchema.safeParse(raw).success;
    if (!restarting || attempt >= RESTART_DELAYS_MS.length) return { response, restarting };
    onRetry();
    await sleep(RESTART_DELAYS_MS[attempt]!);
  }
}

/** The protocol's limit of codes in one `tag/set-many` request. */
export const BULK_CHUNK = 5_000;

export interface BulkResult {
  saved: number;
  refused: { code: string; problem: Problem }[];
  /** The failure that stopped the run (the chunks before it are saved), if any. */
  failure: Answer<'tag/set-many'> | null;
}

/**
 * Tags any number of codes with one day, in requests of at most BULK_CHUNK codes, one after another,
 * telling `onProgress` how many were sent before each. Stops at the first request that fails.
 */
export async function tagInChunks(
  codes: string[],
  onProgress: (done: number, total: number) => void,
  request: (codes: string[]) => Promise<Answer<'tag/set-many'>>,
): Promise<BulkResult> {
  const result: BulkResult = { saved: 0, refused: [], failure: null };
  for (let start = 0; start < codes.length; start += BULK_CHUNK) {
    onProgress(start, codes.length);
    const answer = await request(codes.slice(start, start + BULK_CHUNK));
    if (!answer.response.ok) return { ...result, failure: answer };
    result.saved += answer.response.saved.length;
    result.refused.push(...answer.response.refused);
  }
  return result;
}
