import type { ImportError } from '@/lib/appendix/consolidate';
import type { Translate } from '@/lib/i18n/translate';
import { problemsText } from './problem-text';

/** Errors listed per file; the rest are counted and in the downloadable report. */
export const ERRORS_SHOWN_PER_FILE = 50;

interface FileErrors {
  file: string;
  shown: ImportError[];
  hidden: number;
}

function errorsByFile(errors: readonly ImportError[]): FileErrors[] {
  const groups = new Map<string, FileErrors>();
  for (const e of errors) {
    let group = groups.get(e.file);
    if (!group) groups.set(e.file, (group = { file: e.file, shown: [], hidden: 0 }));
    if (group.shown.length < ERRORS_SHOWN_PER_FILE) group.shown.push(e);
    else group.hidden++;
  }
  return [...groups.values()];
}

/** Every file's errors, the first ones of each file listed with where they are, and the full list to download. */
export function ErrorList({ t, errors, onDownload }: { t: Translate; errors: readonly ImportError[]; onDownload: () => void }) {
  function where(e: ImportError): string {
    if (e.line <= 0) return t('consolidate.errorWhereFile', { file: e.file });
    // A workbook's rows are single rows of a named sheet.
    if (e.sheet !== undefined) return t('consolidate.errorWhereSheet', { file: e.file, sheet: e.sheet, line: e.line });
    if (e.lineTo > e.line) return t('consolidate.errorWhereRange', { file: e.file, from: e.line, to: e.lineTo });
    return t('consolidate.errorWhere', { file: e.file, line: e.line });
  }

  return (
    <section className="block errors" aria-live="polite">
      <h2>{t('consolidate.errors', { count: errors.length })}</h2>
      <p className="hint">
        {t('consolidate.errorsHelp')}{' '}
        <button type="button" className="link" data-testid="download-errors" onClick={onDownload}>
          {t('consolidate.errorReport')}
        </button>
      </p>
      <ul>
        {errorsByFile(errors).map((group) => [
          ...group.shown.map((e, i) => (
            <li key={`${e.file}-${e.line}-${i}`} data-testid="import-error" data-file={e.file} data-sheet={e.sheet} data-line={e.line} data-line-to={e.lineTo}>
              <strong>{where(e)}</strong>
              {' — '}
              {problemsText(t, e.problems)}
            </li>
          )),
          group.hidden > 0 && (
            <li key={`${group.file}-more`} className="more" data-testid="import-errors-more" data-file={group.file}>
              {t('consolidate.errorsMore', { count: group.hidden, file: group.file })}
            </li>
          ),
        ])}
      </ul>
    </section>
  );
}
