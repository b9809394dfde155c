import JSZip from 'jszip';
import type { ConsolidationProblem } from './problems';

/**
 * The first look at an uploaded workbook, before any spreadsheet code reads it (docs/architecture.md,
 * "Security"). A workbook is a zip of XML parts, and untrusted input: it is refused when it is not a zip,
 * is macro-enabled, links to other workbooks, holds too many parts, would inflate past a cap (a zip
 * bomb) or has a sheet of too many rows. The sizes the zip declares are checked before anything is
 * inflated; then every part is inflated once as a stream, counting the bytes and the sheets' rows and
 * stopping at the first chunk past a cap, since a crafted zip can declare sizes it does not have.
 */

/** Total inflated size accepted, every part together. An office's appendix workbook is well under 5 MB. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Parts in the zip: a one-sheet workbook has about a dozen. */
export const MAX_ZIP_PARTS = 1000;
/** Rows in one sheet (far more than any office's appendix for a year). */
export const MAX_SHEET_ROWS = 50_000;

/** Names the format gives only macro-enabled workbooks, templates and add-ins. */
const MACRO_NAME = /\.(xlsm|xltm|xlam)$/i;

/** What the screening found: the refusal, or the row count of each worksheet part. */
export type ZipScreen = { ok: true; rowsOfPart: ReadonlyMap<string, number> } | { ok: false; problem: ConsolidationProblem };

/** JSZip's documented chunked reader (`file.internalStream`), missing from its type definitions. */
interface ChunkStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', fn: (error: Error) => void): ChunkStream;
  on(event: 'end', fn: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

class Refused extends Error {
  constructor(readonly problem: ConsolidationProblem) {
    super(problem.code);
  }
}

/** The size a part declares in the zip's central directory (JSZip keeps it on the part's `_data`). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size >= 0 ? size : 0;
}

const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77]; // "<row"
/** After "<row": white space, ">" or "/" (so "<rowBreaks" is not a row). */
const AFTER_ROW_TAG = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/** Counts `<row` tags across chunks (a tag may be split between two). */
function rowCounter() {
  let carry: number[] = [];
  let count = 0;
  return {
    add(chunk: Uint8Array) {
      const bytes = carry.length ? Uint8Array.from([...carry, ...chunk]) : chunk;
      const last = bytes.length - ROW_TAG.length;
      for (let i = 0; i < last; i++) {
        if (bytes[i] === 0x3c && bytes[i + 1] === 0x72 && bytes[i + 2] === 0x6f && bytes[i + 3] === 0x77 && AFTER_ROW_TAG.has(bytes[i + 4]!)) {
          count++;
        }
      }
      carry = Array.from(bytes.subarray(Math.max(0, last)));
      return count;
    },
  };
}

/** Inflates one part, counting bytes against the shared budget (and rows, for a sheet). */
function inflateCounted(
  entry: JSZip.JSZipObject,
  budget: { left: number },
  onRows?: (rows: number) => boolean,
  collect?: Uint8Array[],
): Promise<void> {
  const counter = onRows ? rowCounter() : null;
  return new Promise((resolve, reject) => {
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
    let stopped = false;
    const stop = (error: Error) => {
      if (stopped) return;
      stopped = true;
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk) => {
        if (stopped) return;
        budget.left -= chunk.length;
        collect?.push(chunk);
        if (budget.left < 0) stop(new Refused({ code: 'consolidate-xlsx-inflated-too-large', file: '', megabytes: MAX_INFLATED_BYTES / 1024 / 1024 }));
        else if (counter && !onRows!(counter.add(chunk))) stop(new Refused({ code: 'consolidate-xlsx-too-many-rows', file: '', sheet: entry.name, max: MAX_SHEET_ROWS }));
      })
      .on('error', (error) => stop(error))
      .on('end', () => {
        if (!stopped) resolve();
      })
      .resume();
  });
}

/** Attribute values of the tags named `tag` in a small XML part (the workbook's sheet list and links). */
function tagAttributes(xml: string, tag: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, 'g'))) {
    found.push(new Map([...m[1]!.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
  }
  return found;
}

/** Worksheet part path → the sheet's name, from the workbook part and its relationships. */
function sheetNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targetOf = new Map(tagAttributes(relsXml, 'Relationship').map((a) => [a.get('Id') ?? '', a.get('Target') ?? '']));
  const names = new Map<string, string>();
  for (const sheet of tagAttributes(workbookXml, 'sheet')) {
    const target = targetOf.get(sheet.get('r:id') ?? '');
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    names.set(path.toLowerCase(), sheet.get('name') ?? path);
  }
  return names;
}

/** The parts read as text once inflated: content types, the sheet list and its relationships. */
const KEPT_PARTS = ['[content_types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

function textOf(chunks: readonly Uint8Array[] | undefined): string {
  if (!chunks) return '';
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

/** The zip's checks, in order from the cheapest; see the module's comment. */
async function screen(fileName: string, bytes: Uint8Array): Promise<ReadonlyMap<string, number>> {
  if (MACRO_NAME.test(fileName)) throw new Refused({ code: 'consolidate-xlsx-macro', file: fileName });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new Refused({ code: 'consolidate-xlsx-unreadable', file: fileName });
  }
  const parts = Object.values(zip.files).filter((entry) => !entry.dir);
  if (parts.length > MAX_ZIP_PARTS) throw new Refused({ code: 'consolidate-xlsx-too-many-parts', file: fileName, max: MAX_ZIP_PARTS });
  const names = parts.map((entry) => entry.name.toLowerCase());
  if (names.some((name) => name.endsWith('vbaproject.bin'))) throw new Refused({ code: 'consolidate-xlsx-macro', file: fileName });
  if (names.some((name) => name.startsWith('xl/externallinks/'))) throw new Refused({ code: 'consolidate-xlsx-external-links', file: fileName });
  if (!names.includes('[content_types].xml') || !names.includes('xl/workbook.xml')) throw new Refused({ code: 'consolidate-xlsx-unreadable', file: fileName });
  const declared = parts.reduce((sum, entry) => sum + declaredSize(entry), 0);
  if (declared > MAX_INFLATED_BYTES) throw new Refused({ code: 'consolidate-xlsx-inflated-too-large', file: fileName, megabytes: MAX_INFLATED_BYTES / 1024 / 1024 });

  const budget = { left: MAX_INFLATED_BYTES };
  const rowsOfPart = new Map<string, number>();
  // The parts that say what the workbook is come first, kept as text (the budget bounds them too).
  const kept = new Map<string, Uint8Array[]>(KEPT_PARTS.map((name) => [name, []]));
  const ordered = [...parts].sort((a, b) => Number(kept.has(b.name.toLowerCase())) - Number(kept.has(a.name.toLowerCase())));
  for (const entry of ordered) {
    const name = entry.name.toLowerCase();
    const isSheet = name.startsWith('xl/worksheets/') && name.endsWith('.xml');
    try {
      await inflateCounted(entry, budget, isSheet ? (rows) => (rowsOfPart.set(name, rows), rows <= MAX_SHEET_ROWS) : undefined, kept.get(name));
    } catch (error) {
      if (error instanceof Refused && error.problem.code === 'consolidate-xlsx-too-many-rows') {
        const sheet = sheetNames(textOf(kept.get('xl/workbook.xml')), textOf(kept.get('xl/_rels/workbook.xml.rels'))).get(name) ?? entry.name;
        throw new Refused({ ...error.problem, file: fileName, sheet });
      }
      throw error instanceof Refused ? error : new Refused({ code: 'consolidate-xlsx-unreadable', file: fileName });
    }
  }
  if (/macroEnabled/i.test(textOf(kept.get('[content_types].xml')))) throw new Refused({ code: 'consolidate-xlsx-macro', file: fileName });
  if (/relationships\/externalLink"/i.test(textOf(kept.get('xl/_rels/workbook.xml.rels')))) {
    throw new Refused({ code: 'consolidate-xlsx-external-links', file: fileName });
  }
  return rowsOfPart;
}

/**
 * Screens a workbook's bytes. Never throws: every refusal is a problem naming the file (and the sheet,
 * for one of too many rows).
 */
export async function screenWorkbookZip(fileName: string, bytes: Uint8Array): Promise<ZipScreen> {
  try {
    return { ok: true, rowsOfPart: await screen(fileName, bytes) };
  } catch (error) {
    if (!(error instanceof Refused)) return { ok: false, problem: { code: 'consolidate-xlsx-unreadable', file: fileName } };
    return { ok: false, problem: { ...error.problem, file: fileName } as ConsolidationProblem };
  }
}
