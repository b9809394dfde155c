import { useState, type DragEvent } from 'react';
import { APPENDIX_COLUMNS, type AppendixDelimiter, type AppendixKey } from '@/lib/appendix/rows';
import type { ImportError, MergeConflict, UnitCount } from '@/lib/appendix/consolidate';
import { localMessage, type Language } from '@/lib/i18n/bilingual';
import type { Translate } from '@/lib/i18n/translate';

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
  language: Language;
  files: readonly ConsolidateFileView[];
  /** Every error of every file, in file order. */
  errors: readonly ImportError[];
  conflicts: readonly ConflictView[];
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
  onExport: () => void;
  onExportOffice: (kind: 'xlsx' | 'docx') => void;
}

/** The file and line are shown before each message, so the message's own "Dòng N: " is left out. */
function withoutLinePrefix(message: string): string {
  return message.replace(/^(?:Dòng|Line) \d+: /, '');
}

const HEADING = Object.fromEntries(APPENDIX_COLUMNS.map((c) => [c.key, c.heading])) as Record<AppendixKey, string>;

/** The consolidation page: load many appendix files, see every error, settle conflicts, export one file. */
export function Consolidate(props: ConsolidateProps) {
  const { t, files, errors, conflicts } = props;
  const [dragging, setDragging] = useState(false);
  const unresolved = conflicts.filter((c) => c.chosen < 0).length;

  function drop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const list = Array.from(event.dataTransfer.files);
    if (list.length) props.onAddFiles(list);
  }

  const delimiterText = (d: AppendixDelimiter) => (d === ',' ? t('consolidate.delimiterComma') : t('consolidate.delimiterSemicolon'));

  return (
    <main className="consolidate">
      <h1>{t('consolidate.title')}</h1>
      <p className="hint">{t('consolidate.intro')}</p>

      <section
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={drop}
      >
        <label className="pick">
          <span className="pick-button">{t('consolidate.pick')}</span>
          <input
            type="file"
            multiple
            accept=".csv,text/csv,.xlsx"
            data-testid="consolidate-files"
            onChange={(event) => {
              const list = Array.from(event.target.files ?? []);
              event.target.value = '';
              if (list.length) props.onAddFiles(list);
            }}
          />
        </label>
        <span className="drop-text">{dragging ? t('consolidate.dropActive') : t('consolidate.drop')}</span>
        {props.reading > 0 && (
          <p className="hint" role="status" data-testid="consolidate-reading">
            {t('consolidate.reading', { count: props.reading })}
          </p>
        )}
      </section>

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
                  onClick={() => props.onRemoveFile(f.id)}
                >
                  {t('consolidate.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {errors.length > 0 && (
        <section className="block errors" aria-live="polite">
          <h2>{t('consolidate.errors', { count: errors.length })}</h2>
          <p className="hint">{t('consolidate.errorsHelp')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={`${e.file}-${e.line}-${i}`} data-testid="import-error" data-file={e.file} data-line={e.line}>
                <strong>
                  {e.line > 0
                    ? t('consolidate.errorWhere', { file: e.file, line: e.line })
                    : t('consolidate.errorWhereFile', { file: e.file })}
                </strong>
                {' — '}
                {withoutLinePrefix(localMessage(e, props.language))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {conflicts.length > 0 && (
        <section className="block conflicts">
          <h2>{t('consolidate.conflicts', { count: conflicts.length })}</h2>
          <p className="hint">
            {t('consolidate.conflictsHelp')}{' '}
            <strong data-testid="conflicts-resolved">
              {t('consolidate.resolved', { done: conflicts.length - unresolved, total: conflicts.length })}
            </strong>
          </p>
          {conflicts.map(({ conflict, chosen, differing }) => (
            <fieldset
              key={conflict.code}
              className={`conflict${chosen >= 0 ? ' resolved' : ''}`}
              data-testid="conflict"
              data-code={conflict.code}
              data-resolved={chosen >= 0 ? 'true' : 'false'}
            >
              <legend>{t('consolidate.conflictCode', { code: conflict.code })}</legend>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('consolidate.copyColumn')}</th>
                    {differing.map((key) => (
                      <th key={key} scope="col">
                        {HEADING[key]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {conflict.copies.map((copy, index) => (
                    <tr key={`${copy.fileName}-${copy.line}`} className={chosen === index ? 'chosen' : undefined}>
                      <td>
                        <label className="choice">
                          <input
                            type="radio"
                            name={`conflict-${conflict.code}`}
                            data-testid="conflict-choice"
                            data-file={copy.fileName}
                            data-line={copy.line}
                            checked={chosen === index}
                            onChange={() => props.onChoose(conflict.code, index)}
                          />
                          <span>
                            {t('consolidate.copyFrom', { file: copy.fileName, line: copy.line })}
                            <span className="visually-hidden"> — {t('consolidate.choose')}</span>
                          </span>
                        </label>
                      </td>
                      {differing.map((key) => (
                        <td key={key} data-key={key}>
                          {copy.row[key] === '' ? <em className="empty">{t('consolidate.emptyValue')}</em> : copy.row[key]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          ))}
        </section>
      )}

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
            {props.units.map((u) => (
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
              <td>{props.total.rows}</td>
              <td>{props.total.early}</td>
              <td>{props.total.onTime}</td>
            </tr>
          </tfoot>
        </table>
        {unresolved > 0 && <p className="hint">{t('consolidate.summaryPending', { count: unresolved })}</p>}
      </section>

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
            data-testid={`export-consolidated-${kind}`}
            disabled={props.exportBlocked !== null}
            onClick={() => props.onExportOffice(kind)}
          >
            {t(kind === 'xlsx' ? 'popup.exportXlsx' : 'popup.exportDocx')}
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
