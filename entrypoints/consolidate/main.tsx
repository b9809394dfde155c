import './style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppendixDelimiter } from '@/lib/appendix/rows';
import {
  compareImported,
  consolidatedCsv,
  mergeAppendices,
  parseAppendixFile,
  summaryByUnit,
  type ImportError,
  type ImportedRow,
} from '@/lib/appendix/consolidate';
import {
  applyChoices,
  consolidatedFileName,
  differingKeys,
  READ_LIMIT_BYTES,
  uniqueFileName,
  type ConflictChoice,
} from '@/lib/appendix/consolidate-session';
import { vietnamDay } from '@/lib/calendar/day';
import { createTranslator } from '@/lib/i18n/translate';
import { Consolidate, type ConflictView } from '@/components/consolidate/Consolidate';
import { downloadBlob, downloadText, useSettings } from '@/components/shared/use-extension';
import { officeFile, type OfficeKind } from '@/lib/appendix/office-file';

interface LoadedFile {
  id: number;
  name: string;
  renamedFrom: string | null;
  delimiter: AppendixDelimiter | null;
  rows: ImportedRow[];
  errors: ImportError[];
}

const vi = createTranslator('vi');
const en = createTranslator('en');

/** Reads one file (at most one byte over the limit, so a huge file is reported, not loaded) and parses it. */
async function loadFile(file: File, id: number, name: string): Promise<LoadedFile> {
  const renamedFrom = name === file.name ? null : file.name;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.slice(0, READ_LIMIT_BYTES).arrayBuffer());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const readError: ImportError = {
      file: name,
      line: 0,
      message: vi('consolidate.readFailed', { file: name, message }),
      messageEn: en('consolidate.readFailed', { file: name, message }),
    };
    return { id, name, renamedFrom, delimiter: null, rows: [], errors: [readError] };
  }
  // A workbook is read by lib/appendix/xlsx-import.ts, loaded (with ExcelJS) only when one comes.
  const parsed = /\.xls[xm]$/i.test(name)
    ? await (await import('@/lib/appendix/xlsx-import')).parseAppendixWorkbook(name, bytes)
    : parseAppendixFile(name, bytes);
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
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
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
    setChoices((prev) => Object.fromEntries(Object.entries(prev).filter(([, choice]) => choice.file !== name)));
  }, []);

  const merge = useMemo(() => mergeAppendices(files.map((f) => ({ fileName: f.name, rows: f.rows }))), [files]);
  const applied = useMemo(() => applyChoices(merge, choices), [merge, choices]);
  const summary = useMemo(() => summaryByUnit(applied.result.merged), [applied]);
  const conflictViews: ConflictView[] = useMemo(
    () =>
      merge.conflicts.map((conflict) => ({
        conflict,
        chosen: applied.chosenIndex[conflict.code] ?? -1,
        differing: differingKeys(conflict),
      })),
    [merge, applied],
  );
  const errors = useMemo(() => files.flatMap((f) => f.errors), [files]);
  const skippedRows = useMemo(
    () => new Set(errors.filter((e) => e.line > 0).map((e) => `${e.file}\u0000${e.line}`)).size,
    [errors],
  );

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

  // The merged appendix as a workbook or a Word document, in the order the CSV has (receipt day, code).
  async function exportOffice(kind: OfficeKind) {
    if (exportBlocked !== null) return;
    const today = vietnamDay();
    const rows = [...merged].sort(compareImported);
    try {
      const file = await officeFile(kind, rows, { ...settings, preparerName: settings.staffName, today }, consolidatedFileName(today));
      downloadBlob(file.fileName, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
      setExportMessage(t('consolidate.exportDone', { file: file.fileName, count: rows.length }));
    } catch (error) {
      setExportMessage(t('popup.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = t('consolidate.title');
  }, [settings.language, t]);

  return (
    <Consolidate
      t={t}
      language={settings.language}
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
        setChoices((prev) => ({ ...prev, [code]: { file: copy.fileName, line: copy.line } }));
      }}
      onExport={exportCsv}
      onExportOffice={(kind) => void exportOffice(kind)}
    />
  );
}

// A file dropped outside the drop zone must not replace the page (and lose the loaded files).
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

createRoot(document.getElementById('root')!).render(<ConsolidatePage />);
