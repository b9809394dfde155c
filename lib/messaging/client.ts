import { parseResponse, type Request, type RequestType, type Response } from './requests';
import { fail } from './schemas';

/**
 * The typed client of the protocol, for the content script and the extension pages. The transport is
 * injected (`browser.runtime.sendMessage` in the extension, a fake in tests).
 *
 * A stopped service worker drops the message in flight; Chromium then restarts it on the next message.
 * Every request here is idempotent (an upsert, a tag set to a value), so a lost connection is retried a
 * few times before the caller sees a failure.
 */
export type Transport = (message: Request) => Promise<unknown>;

const RETRY_DELAYS_MS = [50, 200, 600];

function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Could not establish connection|Receiving end does not exist|message port closed|message channel closed|Extension context invalidated/i.test(
    message,
  );
}

export function createClient(transport: Transport, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))) {
  async function request<T extends RequestType>(message: Extract<Request, { type: T }>): Promise<Response<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        const raw = await transport(message);
        if (raw === undefined && attempt < RETRY_DELAYS_MS.length) {
          // The worker went away before answering.
          await sleep(RETRY_DELAYS_MS[attempt]!);
          continue;
        }
        return parseResponse(message.type as T, raw);
      } catch (error) {
        if (isConnectionError(error) && attempt < RETRY_DELAYS_MS.length && !/context invalidated/i.test(String(error))) {
          await sleep(RETRY_DELAYS_MS[attempt]!);
          continue;
        }
        const text = error instanceof Error ? error.message : String(error);
        return fail('internal', { code: 'extension-unreachable', detail: text });
      }
    }
  }
  return { request };
}

export type ProtocolClient = ReturnType<typeof createClient>;
