import { shapes } from './schemas';
import { requestSchemas } from './requests';

/**
 * The one message protocol between the content script / extension pages and the background, which owns
 * the database. Every request is parsed in the background before anything runs, and every response and
 * broadcast is parsed by the receiver: a message that does not parse is ignored.
 *
 * The requests are declared in requests.ts (one row each: request, response, senders, handler); the
 * shapes they are made of in schemas.ts. This module is what the rest of the extension imports.
 */

export { fail, type ChangeEvent, type ChangeKind, type ErrorCode, type Failure, type RestorePlanPayload, type TagHistoryEntry } from './schemas';
export { parseResponse, type Request, type RequestType, type Response, type Success } from './requests';

/** The shapes and the derived request union, built on first use. */
export function protocolSchemas() {
  return { ...shapes(), requestSchema: requestSchemas().requestSchema };
}

/** The port on which the background broadcasts its change events. */
export const CHANGES_PORT = 'dossier-changes';
