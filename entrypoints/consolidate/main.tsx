import './style.css';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  consolidatedCsv,
  errorReportCsv,
  mergeAppendices,
  rejectedLineCount,
  sortImported,
  summaryByUnit,
} from '@/lib/appendix/consolidate';
import { officeFile, officeSettings, type OfficeKind } from '@/lib/appendix/office-file';
import {
  applyChoices,
  chooseFile,
  conflictFiles,
  consolidatedFileName,
  differingKeys,
  forgetFile,
  type ConflictChoice,
} from '@/lib/appendix/consolidate/session';
import { vietnamDay } from '@/lib/calendar/day';
import { Consolidate, type ConflictView, type ConsolidateFileView } from '@/components/consolidate/Consolidate';
import { problemsText } from '@/components/consolidate/problem-text';
import { downloadFile, downloadText, useSettings } from '@/components/shared/use-extension';
import { useLoadedFiles, type LoadedFile } from './use-loaded-files';

/** What the page shows of the loaded files and the user's choices, recomputed only when they change. */
function useMergedView(files: readonly LoadedFile[], choices: ReadonlyMap<string, ConflictChoice>) {
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
  const fileViews: ConsolidateFileView[] = useMemo(
    () =>
      files.map((f) => ({
        id: f.id,
        name: f.name,
        renamedFrom: f.renamedFrom,
        delimiter: f.delimiter,
        rowCount: f.rows.length,
        errorCount: f.errors.length,
      })),
    [files],
  );
  return { merge, applied, summary, conflictViews, filesInConflict, errors, skippedRows, fileViews };
}

function ConsolidatePage() {
  const { settings, t } = useSettings();
  const [choices, setChoices] = useState<ReadonlyMap<string, ConflictChoice>>(() => new Map());
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const { files, reading, addFiles, removeFile } = useLoadedFiles({
    onChange: () => setExportMessage(null),
    // A choice of a copy in a removed file goes with it (a new file may later take the same name).
    onRemoved: (name) => setChoices((prev) => forgetFile(prev, name)),
  });

  const { merge, applied, summary, conflictViews, filesInConflict, errors, skippedRows, fileViews } = useMergedView(files, choices);

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

  // The merged appendix in the form the office sends it; the writers load only now (chunks of their own).
  async function exportOffice(kind: OfficeKind) {
    if (exportBlocked !== null) return;
    const today = vietnamDay();
    const rows = sortImported(merged);
    setExportMessage(t('consolidate.exportPreparing'));
    try {
      const file = await officeFile(kind, rows, { ...officeSettings(settings), today }, consolidatedFileName(today));
      downloadFile(file);
      setExportMessage(t('consolidate.exportDone', { file: file.fileName, count: rows.length }));
    } catch (error) {
      setExportMessage(t('consolidate.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  function downloadErrors() {
    const report = errorReportCsv(
      errors,
      {
        file: t('consolidate.errorReportFile'),
        sheet: t('consolidate.errorReportSheet'),
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
      files={fileViews}
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
      onExportOffice={(kind) => void exportOffice(kind)}
    />
  );
}

// A file dropped outside the drop zone must not replace the page (and lose the loaded files).
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

createRoot(document.getElementById('root')!).render(<ConsolidatePage />);
