import type { AppendixDelimiter, AppendixKey } from '@/lib/appendix/rows';
import type { ImportError, MergeConflict, UnitCount } from '@/lib/appendix/consolidate';
import type { Translate } from '@/lib/i18n/translate';
import { ConflictList } from './ConflictList';
import { DropZone } from './DropZone';
import { ErrorList } from './ErrorList';

export interface ConsolidateFileView {
  id: number;
  /** The name used in errors and conflicts (unique on the page). */
  name: string;
  /** The file's own name when it had to be renamed, else null. */
  renamedFrom: string | null;
  delimiter: AppendixDelimiter | null;
  rowCount: number;
  errorCount: number;
}

export interface ConflictView {
  conflict: MergeConflict;
  /** Index of the chosen copy, -1 while none is chosen. */
  chosen: number;
  /** The columns whose values differ between the copies. */
  differing: readonly AppendixKey[];
}

export interface ConsolidateProps {
  t: Translate;
  files: readonly ConsolidateFileView[];
  /** Every error of every file, in file order (the page lists the first ones of each file). */
  errors: readonly ImportError[];
  conflicts: readonly ConflictView[];
  /** The files holding copies of the conflicts, each of which can settle them all at once. */
  conflictFiles: readonly string[];
  units: readonly UnitCount[];
  total: Omit<UnitCount, 'unit'>;
  /** Files being read now. */
  reading: number;
  /** Why the export is not possible now, or null when it is. */
  exportBlocked: string | null;
  /** Bad rows left out of the export. */
  skippedRows: number;
  exportMessage: string | null;
  onAddFiles: (files: File[]) => void;
  onRemoveFile: (id: number) => void;
  onChoose: (code: string, index: number) => void;
  /** Choose the copy from this file for every conflict it holds. */
  onSettleFile: (file: string) => void;
  onDownloadErrors: () => void;
  onExport: () => void;
  /** The merged appendix as a workbook or a Word document. */
  onExportOffice: (kind: 'xlsx' | 'docx') => void;
}

/** The consolidation page: load many appendix files, see every error, settle conflicts, export one file. */
export function Consolidate(props: ConsolidateProps) {
  const { t, files, errors, conflicts } = props;
  const unresolved = conflicts.filter((c) => c.chosen < 0).length;

  return (
    <main className="consolidate">
      <h1>{t('consolidate.title')}</h1>
      <p className="hint">{t('consolidate.intro')}</p>

      <DropZone t={t} reading={props.reading} onAddFiles={props.onAddFiles} />

      <FileList t={t} files={files} onRemove={props.onRemoveFile} />

      {errors.length > 0 && <ErrorList t={t} errors={errors} onDownload={props.onDownloadErrors} />}

      {conflicts.length > 0 && (
        <ConflictList t={t} conflicts={conflicts} files={props.conflictFiles} onChoose={props.onChoose} onSettleFile={props.onSettleFile} />
      )}

      <UnitSummary t={t} units={props.units} total={props.total} unresolved={unresolved} />

      <section className="block export">
        <button
          type="button"
          className="primary"
          data-testid="export-consolidated"
          disabled={props.exportBlocked !== null}
          aria-describedby={props.exportBlocked ? 'export-reason' : undefined}
          onClick={props.onExport}
        >
          {t('consolidate.export')}
        </button>
        {(['xlsx', 'docx'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="secondary"
            data-testid={`export-consolidated-${kind}`}
            disabled={props.exportBlocked !== null}
            aria-describedby={props.exportBlocked ? 'export-reason' : undefined}
            onClick={() => props.onExportOffice(kind)}
          >
            {t(kind === 'xlsx' ? 'consolidate.exportXlsx' : 'consolidate.exportDocx')}
          </button>
        ))}
        {props.exportBlocked && (
          <p id="export-reason" className="hint blocked" data-testid="export-reason">
            {props.exportBlocked}
          </p>
        )}
        {props.skippedRows > 0 && (
          <p className="hint skipped" data-testid="export-skipped">
            {t('consolidate.exportSkipped', { count: props.skippedRows })}
          </p>
        )}
        {props.exportMessage && (
          <p role="status" data-testid="export-message">
            {props.exportMessage}
          </p>
        )}
      </section>
    </main>
  );
}

interface UnitSummaryProps {
  t: Translate;
  units: readonly UnitCount[];
  total: Omit<UnitCount, 'unit'>;
  /** Conflicts not settled yet: their dossiers are not counted. */
  unresolved: number;
}

/** Dossiers per unit and in total, early and on time. */
function UnitSummary({ t, units, total, unresolved }: UnitSummaryProps) {
  return (
    <section className="block">
      <h2>{t('consolidate.summary')}</h2>
      <table className="summary" data-testid="unit-summary">
        <thead>
          <tr>
            <th scope="col">{t('consolidate.unit')}</th>
            <th scope="col">{t('consolidate.rows')}</th>
            <th scope="col">{t('consolidate.early')}</th>
            <th scope="col">{t('consolidate.onTime')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit} data-testid="unit-summary-row" data-unit={u.unit}>
              <th scope="row">{u.unit || <em>{t('consolidate.noUnit')}</em>}</th>
              <td>{u.rows}</td>
              <td>{u.early}</td>
              <td>{u.onTime}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="unit-summary-total">
            <th scope="row">{t('consolidate.total')}</th>
            <td>{total.rows}</td>
            <td>{total.early}</td>
            <td>{total.onTime}</td>
          </tr>
        </tfoot>
      </table>
      {unresolved > 0 && <p className="hint">{t('consolidate.summaryPending', { count: unresolved })}</p>}
    </section>
  );
}

/** The loaded files: valid rows, errors, delimiter, and a way to remove each. */
function FileList({ t, files, onRemove }: { t: Translate; files: readonly ConsolidateFileView[]; onRemove: (id: number) => void }) {
  const delimiterText = (d: AppendixDelimiter) => (d === ',' ? t('consolidate.delimiterComma') : t('consolidate.delimiterSemicolon'));
  return (
    <section className="block">
      <h2>{t('consolidate.files', { count: files.length })}</h2>
      {files.length === 0 ? (
        <p className="hint">{t('consolidate.noFiles')}</p>
      ) : (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id} className="file" data-testid="consolidate-file" data-file={f.name}>
              <span className="file-name">{f.name}</span>
              <span className="file-rows" data-testid="file-rows">
                {t('consolidate.fileRows', { count: f.rowCount })}
              </span>
              {f.errorCount > 0 && (
                <span className="file-errors" data-testid="file-errors">
                  {t('consolidate.fileErrors', { count: f.errorCount })}
                </span>
              )}
              {f.delimiter && (
                <span className="file-delimiter" data-testid="file-delimiter">
                  {t('consolidate.delimiter', { delimiter: delimiterText(f.delimiter) })}
                </span>
              )}
              {f.renamedFrom && <span className="file-renamed">{t('consolidate.renamedFrom', { name: f.renamedFrom })}</span>}
              <button
                type="button"
                className="link remove"
                data-testid="remove-file"
                aria-label={t('consolidate.removeLabel', { file: f.name })}
                onClick={() => onRemove(f.id)}
              >
                {t('consolidate.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
