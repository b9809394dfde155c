import type { ParsedAppendix } from '@/lib/appendix/consolidate';
import { parseAnyAppendixFile } from './parse-any';

/** A file to parse, posted to the worker (the bytes are transferred, not copied). */
export interface ParseRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
}

export interface ParseReply {
  id: number;
  parsed: ParsedAppendix;
}

interface Pending {
  name: string;
  bytes: ArrayBuffer;
  resolve: (parsed: ParsedAppendix) => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** Without a worker (none here, or it failed to load), files are parsed on the page: slower, still right. */
function parseHere({ name, bytes, resolve }: Pending): void {
  void parseAnyAppendixFile(name, new Uint8Array(bytes)).then(resolve);
}

function parseWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      pending.get(event.data.id)?.resolve(event.data.parsed);
      pending.delete(event.data.id);
    };
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      const left = [...pending.values()];
      pending.clear();
      left.forEach(parseHere);
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Parses one file's bytes in the worker (on the page when there is none). */
export function parseInWorker(name: string, bytes: ArrayBuffer): Promise<ParsedAppendix> {
  return new Promise((resolve) => {
    const job: Pending = { name, bytes, resolve };
    const w = parseWorker();
    if (!w) return parseHere(job);
    const id = nextId++;
    pending.set(id, job);
    // Copied, not transferred: should the worker fail, the page still has the bytes to parse them itself.
    const request: ParseRequest = { id, name, bytes };
    w.postMessage(request);
  });
}
