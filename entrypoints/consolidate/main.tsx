import './style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppendixDelimiter } from '@/lib/appendix/rows';
import {
  consolidatedCsv,
  errorReportCsv,
  fileProblem,
  mergeAppendices,
  rejectedLineCount,
  summaryByUnit,
  type ImportError,
  type ImportedRow,
} from '@/lib/appendix/consolidate';
import {
  applyChoices,
  chooseFile,
  conflictFiles,
  consolidatedFileName,
  differingKeys,
  forgetFile,
  READ_LIMIT_BYTES,
  uniqueFileName,
  type ConflictChoice,
} from '@/lib/appendix/consolidate/session';
import { vietnamDay } from '@/lib/calendar/day';
import { Consolidate, type ConflictView } from '@/components/consolidate/Consolidate';
import { problemsText } from '@/components/consolidate/problem-text';
import { downloadText, useSettings } from '@/components/shared/use-extension';
import { parseInWorker } from './parse-client';

interface LoadedFile {
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

function ConsolidatePage() {
  const { settings, t } = useSettings();
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const [reading, setReading] = useState(0);
  const [choices, setChoices] = useState<ReadonlyMap<string, ConflictChoice>>(() => new Map());
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const nextId = useRef(1);
  // Names given out so far (kept while a batch is still being read), so every name stays unique.
  const names = useRef(new Map<number, string>());

  const addFiles = useCallback(async (list: File[]) => {
    setExportMessage(null);
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
    setExportMessage(null);
    setFiles((prev) => prev.filter((f) => f.id !== id));
    // A choice of a copy in the removed file goes with it (a new file may later take the same name).
    if (name !== undefined) setChoices((prev) => forgetFile(prev, name));
  }, []);

  const merge = useMemo(() => mergeAppendices(files.map((f) => ({ fileName: f.name, rows: f.rows }))), [files]);
  const applied = useMemo(() => applyChoices(merge, choices), [merge, choices]);
  const summary = useMemo(() => summaryByUnit(applied.result.merged), [applied]);
  // The differing columns depend on the merge only, not on each click.
  const differing = useMemo(() => new Map(merge.conflicts.map((c) => [c.code, differingKeys(c)])), [merge]);
  const conflictViews: ConflictView[] = useMemo(
    () =>
      merge.conflicts.map((conflict) => ({
        conflict,
        chosen: applied.chosenIndex.get(conflict.code) ?? -1,
        differing: differing.get(conflict.code) ?? [],
      })),
    [merge, applied, differing],
  );
  const filesInConflict = useMemo(() => conflictFiles(merge.conflicts), [merge]);
  const errors = useMemo(() => files.flatMap((f) => f.errors), [files]);
  const skippedRows = useMemo(() => rejectedLineCount(errors), [errors]);

  const unresolved = applied.result.conflicts.length;
  const merged = applied.result.merged;
  const exportBlocked =
    reading > 0
      ? t('consolidate.exportBlockedReading')
      : unresolved > 0
        ? t('consolidate.exportBlockedConflicts', { count: unresolved })
        : merged.length === 0
          ? t('consolidate.exportBlockedEmpty')
          : null;

  function exportCsv() {
    if (exportBlocked !== null) return;
    const fileName = consolidatedFileName(vietnamDay());
    downloadText(fileName, consolidatedCsv(merged, { delimiter: settings.delimiter }));
    setExportMessage(t('consolidate.exportDone', { file: fileName, count: merged.length }));
  }

  function downloadErrors() {
    const report = errorReportCsv(
      errors,
      {
        file: t('consolidate.errorReportFile'),
        from: t('consolidate.errorReportFrom'),
        to: t('consolidate.errorReportTo'),
        problem: t('consolidate.errorReportProblem'),
      },
      (problem) => problemsText(t, [problem]),
    );
    downloadText(`loi-${consolidatedFileName(vietnamDay())}`, report);
  }

  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = t('consolidate.title');
  }, [settings.language, t]);

  return (
    <Consolidate
      t={t}
      files={files.map((f) => ({
        id: f.id,
        name: f.name,
        renamedFrom: f.renamedFrom,
        delimiter: f.delimiter,
        rowCount: f.rows.length,
        errorCount: f.errors.length,
      }))}
      errors={errors}
      conflicts={conflictViews}
      conflictFiles={filesInConflict}
      units={summary.units}
      total={summary.total}
      reading={reading}
      exportBlocked={exportBlocked}
      skippedRows={skippedRows}
      exportMessage={exportMessage}
      onAddFiles={(list) => void addFiles(list)}
      onRemoveFile={removeFile}
      onChoose={(code, index) => {
        const copy = merge.conflicts.find((c) => c.code === code)?.copies[index];
        if (!copy) return;
        setExportMessage(null);
        setChoices((prev) => new Map(prev).set(code, { file: copy.fileName, line: copy.line }));
      }}
      onSettleFile={(file) => {
        setExportMessage(null);
        setChoices((prev) => chooseFile(merge.conflicts, prev, file));
      }}
      onDownloadErrors={downloadErrors}
      onExport={exportCsv}
    />
  );
}

// A file dropped outside the drop zone must not replace the page (and lose the loaded files).
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

createRoot(document.getElementById('root')!).render(<ConsolidatePage />);
