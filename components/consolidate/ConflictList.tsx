import { useState } from 'react';
import { APPENDIX_COLUMNS, type AppendixKey } from '@/lib/appendix/rows';
import type { Translate } from '@/lib/i18n/translate';
import type { ConflictView } from './Consolidate';

/** Conflicts per page: thousands of conflicts must not mean thousands of tables at once. */
export const CONFLICTS_PER_PAGE = 50;

const HEADING = new Map<AppendixKey, string>(APPENDIX_COLUMNS.map((c) => [c.key, c.heading]));

interface ConflictListProps {
  t: Translate;
  conflicts: readonly ConflictView[];
  /** The files holding copies of the conflicts, each of which can settle them all at once. */
  files: readonly string[];
  onChoose: (code: string, index: number) => void;
  onSettleFile: (file: string) => void;
}

/** The codes whose copies differ, a page at a time, each with its copies side by side to choose from. */
export function ConflictList({ t, conflicts, files, onChoose, onSettleFile }: ConflictListProps) {
  const [conflictPage, setConflictPage] = useState(0);
  const unresolved = conflicts.filter((c) => c.chosen < 0).length;
  const pages = Math.max(1, Math.ceil(conflicts.length / CONFLICTS_PER_PAGE));
  const page = Math.min(conflictPage, pages - 1);
  const pageConflicts = conflicts.slice(page * CONFLICTS_PER_PAGE, (page + 1) * CONFLICTS_PER_PAGE);

  return (
    <section className="block conflicts">
      <h2>{t('consolidate.conflicts', { count: conflicts.length })}</h2>
      <p className="hint">
        {t('consolidate.conflictsHelp')}{' '}
        <strong data-testid="conflicts-resolved">
          {t('consolidate.resolved', { done: conflicts.length - unresolved, total: conflicts.length })}
        </strong>
      </p>
      {files.length > 1 && (
        <p className="settle">
          <span className="hint">{t('consolidate.settleHelp')}</span>{' '}
          {files.map((file) => (
            <button key={file} type="button" className="link" data-testid="settle-file" data-file={file} onClick={() => onSettleFile(file)}>
              {t('consolidate.settleFile', { file })}
            </button>
          ))}
        </p>
      )}
      {pages > 1 && (
        <nav className="pager" data-testid="conflicts-pager">
          <button type="button" data-testid="conflicts-prev" disabled={page === 0} onClick={() => setConflictPage(page - 1)}>
            {t('consolidate.conflictsPrev')}
          </button>
          <span data-testid="conflicts-page">{t('consolidate.conflictsPage', { page: page + 1, pages })}</span>
          <button type="button" data-testid="conflicts-next" disabled={page >= pages - 1} onClick={() => setConflictPage(page + 1)}>
            {t('consolidate.conflictsNext')}
          </button>
        </nav>
      )}
      {pageConflicts.map((view) => (
        <ConflictTable key={view.conflict.code} t={t} view={view} onChoose={onChoose} />
      ))}
    </section>
  );
}

/** One conflict: its copies side by side (only the columns that differ), one to choose. */
function ConflictTable({ t, view, onChoose }: { t: Translate; view: ConflictView; onChoose: (code: string, index: number) => void }) {
  const { conflict, chosen, differing } = view;
  return (
    <fieldset
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
                {HEADING.get(key)}
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
                    onChange={() => onChoose(conflict.code, index)}
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
  );
}
