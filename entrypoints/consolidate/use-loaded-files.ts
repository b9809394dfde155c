import { useCallback, useRef, useState } from 'react';
import type { AppendixDelimiter } from '@/lib/appendix/rows';
import { fileProblem, type ImportError, type ImportedRow } from '@/lib/appendix/consolidate';
import { READ_LIMIT_BYTES, uniqueFileName } from '@/lib/appendix/consolidate/session';
import { parseInWorker } from './parse-client';

export interface LoadedFile {
  id: number;
  name: string;
  renamedFrom: string | null;
  delimiter: AppendixDelimiter | null;
  rows: ImportedRow[];
  errors: ImportError[];
}

/**
 * Reads one file (at most one byte over the limit, so a huge file is reported, not loaded) and parses it
 * in the worker, so the page stays responsive whatever the file holds.
 */
async function loadFile(file: File, id: number, name: string): Promise<LoadedFile> {
  const renamedFrom = name === file.name ? null : file.name;
  let bytes: ArrayBuffer;
  try {
    bytes = await file.slice(0, READ_LIMIT_BYTES).arrayBuffer();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const readError = fileProblem(name, { code: 'consolidate-read-failed', file: name, message });
    return { id, name, renamedFrom, delimiter: null, rows: [], errors: [readError] };
  }
  const parsed = await parseInWorker(name, bytes);
  const wholeFileError = parsed.errors.some((e) => e.line === 0);
  return {
    id,
    name,
    renamedFrom,
    delimiter: wholeFileError ? null : parsed.delimiter,
    rows: parsed.rows,
    errors: parsed.errors,
  };
}

interface LoadedFilesEvents {
  /** Files were added or removed. */
  onChange: () => void;
  /** A file left the page, under this name. */
  onRemoved: (name: string) => void;
}

/** The files on the page: each read and parsed once, named uniquely, removable while still being read. */
export function useLoadedFiles(events: LoadedFilesEvents) {
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const [reading, setReading] = useState(0);
  const nextId = useRef(1);
  // Names given out so far (kept while a batch is still being read), so every name stays unique.
  const names = useRef(new Map<number, string>());
  const latest = useRef(events);
  latest.current = events;

  const addFiles = useCallback(async (list: File[]) => {
    latest.current.onChange();
    const batch = list.map((file) => {
      const id = nextId.current++;
      const name = uniqueFileName(file.name, names.current.values());
      names.current.set(id, name);
      return { file, id, name };
    });
    setReading((n) => n + batch.length);
    for (const { file, id, name } of batch) {
      const loaded = await loadFile(file, id, name);
      setReading((n) => n - 1);
      // A file removed while it was being read stays removed.
      if (names.current.has(id)) setFiles((prev) => [...prev, loaded]);
    }
  }, []);

  const removeFile = useCallback((id: number) => {
    const name = names.current.get(id);
    names.current.delete(id);
    latest.current.onChange();
    setFiles((prev) => prev.filter((f) => f.id !== id));
    if (name !== undefined) latest.current.onRemoved(name);
  }, []);

  return { files, reading, addFiles, removeFile };
}
