import { useEffect, useMemo, useRef, useState } from 'react';
import type { Translate } from '@/lib/i18n/translate';
import type { DossierTag } from '@/lib/dossier/model';
import { filterLateRows, type LateRow, type PanelModel } from '@/lib/portal/panel-model';
import { formatDayVn } from '@/lib/calendar/day';
import { LateDossierRow, type TagCallbacks } from './LateDossierRow';

export interface PanelProps extends TagCallbacks {
  t: Translate;
  open: boolean;
  onToggle: () => void;
  /** Changes each time the user opens the panel from the keyboard shortcut: focus the filter then. */
  focusRequest: number;
  model: PanelModel;
  today: string;
  /** A message when the store cannot be reached (database error, lost connection). */
  storeError: string | null;
  /** A short notice after an action, with an optional undo. */
  notice: { text: string; undo?: () => void } | null;
  onDismissNotice: () => void;
  onTagMany: (codes: string[], realReturn: string) => Promise<void>;
  /** The date the bulk input starts with (the last date used in this sitting). */
  bulkDefault: string;
  reasonChoices: readonly string[];
  /** Codes whose tag state is unknown (the page could not be saved): shown as such, never as untagged. */
  unknown?: ReadonlySet<string>;
  /** The tables the reader could not name and the pointing at their columns (UnmappedTables), if any. */
  unmapped?: React.ReactNode;
}

/** How many rows to render at first, and how many more each time the list is scrolled to its end. */
const PAGE_OF_ROWS = 60;

/**
 * The panel's view. Over 80 lines: the toggle, the count, the filter, the bulk bar and the list share
 * the filter, the selection and the rows rendered so far; splitting would pass all of it around.
 */
export function Panel(props: PanelProps) {
  const { t, open, model, onToggle } = props;
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE_OF_ROWS);
  const [bulkDate, setBulkDate] = useState(props.bulkDefault);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const moreRef = useRef<HTMLDivElement>(null);

  const visible = useMemo(() => filterLateRows(model.lateRows, filter), [model.lateRows, filter]);
  const count = model.lateRows.length;

  useEffect(() => setBulkDate(props.bulkDefault), [props.bulkDefault]);
  // Drop selections of rows that left the page.
  useEffect(() => {
    setSelected((current) => {
      const present = new Set(model.lateRows.map((row) => row.dossier.code));
      const next = new Set([...current].filter((code) => present.has(code)));
      return next.size === current.size ? current : next;
    });
  }, [model.lateRows]);
  useEffect(() => setLimit(PAGE_OF_ROWS), [filter]);
  // Focus the filter only when the user opens the panel, never on page load (that would take focus
  // away from the portal's own fields).
  const openedByUser = useRef(false);
  useEffect(() => {
    if (open && openedByUser.current) filterRef.current?.focus({ preventScroll: true });
    openedByUser.current = false;
  }, [open]);
  useEffect(() => {
    if (props.focusRequest > 0) (open ? filterRef.current : toggleRef.current)?.focus({ preventScroll: true });
  }, [props.focusRequest, open]);
  // Render more rows when the end of the list scrolls into view (long lists stay cheap).
  useEffect(() => {
    const sentinel = moreRef.current;
    if (!sentinel || visible.length <= limit) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((value) => value + PAGE_OF_ROWS);
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [visible.length, limit, open]);

  // Rows whose state is unknown are not offered for tagging: they may be tagged already.
  const untaggedVisible = visible.filter((row) => !row.tag && !props.unknown?.has(row.dossier.code));
  const allSelected = untaggedVisible.length > 0 && untaggedVisible.every((row) => selected.has(row.dossier.code));

  function toggleSelected(code: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }

  return (
    <div
      className={open ? 'mcpl-root mcpl-open' : 'mcpl-root'}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onToggle();
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="mcpl-toggle"
        data-testid="panel-toggle"
        aria-expanded={open}
        aria-controls="mcpl-panel"
        title={open ? t('panel.toggleClose') : t('panel.toggleOpen')}
        aria-label={`${open ? t('panel.toggleClose') : t('panel.toggleOpen')}: ${t('panel.count', { count })}`}
        onClick={() => {
          openedByUser.current = !open;
          onToggle();
        }}
      >
        <span className="mcpl-toggle-icon" aria-hidden="true">
          {open ? '×' : '‹'}
        </span>
        <span data-testid="panel-count" className={count ? 'mcpl-count mcpl-count-late' : 'mcpl-count'}>
          {t('panel.countShort', { count })}
        </span>
      </button>
      {open && (
        <aside id="mcpl-panel" className="mcpl-panel" aria-label={t('panel.title')}>
          <header className="mcpl-header">
            <h2>{t('panel.title')}</h2>
            <p className="mcpl-sub" aria-live="polite">
              {t('panel.count', { count })} · {t('panel.tables', { rows: model.readCount, tables: model.tableCount })}
            </p>
          </header>
          {props.storeError && (
            <p className="mcpl-error" role="alert">
              {props.storeError}
            </p>
          )}
          {props.notice && (
            <div className="mcpl-notice" role="status">
              <span>{props.notice.text}</span>
              {props.notice.undo && (
                <button type="button" className="mcpl-link" onClick={props.notice.undo}>
                  {t('panel.undo')}
                </button>
              )}
              <button type="button" className="mcpl-close" aria-label={t('panel.dismiss')} onClick={props.onDismissNotice}>
                ×
              </button>
            </div>
          )}
          {props.unmapped}
          <label className="mcpl-filter">
            <span className="mcpl-visually-hidden">{t('panel.filterLabel')}</span>
            <input
              ref={filterRef}
              type="search"
              data-testid="panel-filter"
              placeholder={t('panel.filterPlaceholder')}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </label>
          {untaggedVisible.length > 0 && (
            <div className="mcpl-bulk">
              <label className="mcpl-check">
                <input
                  type="checkbox"
                  checked={allSelected}
                  onChange={() =>
                    setSelected(allSelected ? new Set() : new Set(untaggedVisible.map((row) => row.dossier.code)))
                  }
                />
                <span>{t('panel.selectAll')}</span>
              </label>
              {selected.size > 0 && (
                <div className="mcpl-bulk-action">
                  <input
                    type="date"
                    aria-label={t('panel.bulkDateLabel')}
                    value={bulkDate}
                    max={props.today}
                    onChange={(event) => setBulkDate(event.target.value)}
                  />
                  <button
                    type="button"
                    className="mcpl-primary"
                    data-testid="bulk-tag-button"
                    onClick={async () => {
                      try {
                        await props.onTagMany([...selected], bulkDate);
                      } finally {
                        setSelected(new Set());
                      }
                    }}
                  >
                    {t('panel.bulkTag', { count: selected.size, date: bulkDate ? formatDayVn(bulkDate) : '…' })}
                  </button>
                </div>
              )}
            </div>
          )}
          {model.unreadable.length > 0 && (
            <details className="mcpl-unreadable" data-testid="unreadable">
              <summary>{t('panel.unreadable', { count: model.unreadable.length })}</summary>
              <p>{t('panel.unreadableHelp')}</p>
              <ul>
                {model.unreadable.map((row) => (
                  <li key={`${row.rowIndex}-${row.code}`}>
                    <strong>{row.code || `#${row.rowIndex + 1}`}</strong>: {describeUnreadable(t, row.reason)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="mcpl-list" role="list">
            {count === 0 && !(props.unmapped && model.tableCount === 0) && <p className="mcpl-empty">{t('panel.empty')}</p>}
            {count > 0 && visible.length === 0 && <p className="mcpl-empty">{t('panel.noMatch', { filter })}</p>}
            {visible.slice(0, limit).map((row: LateRow) => (
              <LateDossierRow
                key={row.dossier.code}
                t={t}
                row={row}
                today={props.today}
                selected={selected.has(row.dossier.code)}
                unknown={props.unknown?.has(row.dossier.code) ?? false}
                onSelect={() => toggleSelected(row.dossier.code)}
                onTag={props.onTag}
                onRemoveTag={props.onRemoveTag}
                reasonChoices={props.reasonChoices}
              />
            ))}
            {visible.length > limit && (
              <div ref={moreRef} className="mcpl-more">
                <button type="button" className="mcpl-link" onClick={() => setLimit((value) => value + PAGE_OF_ROWS)}>
                  +{visible.length - limit}
                </button>
              </div>
            )}
          </div>
          <footer className="mcpl-footer">
            {model.derivedYears.length > 0 && (
              <p className="mcpl-derived" data-testid="calendar-derived">
                {t('calendar.derived', { years: model.derivedYears.join(', ') })}
              </p>
            )}
            {t('panel.openPopupHint')}
          </footer>
        </aside>
      )}
    </div>
  );
}

function describeUnreadable(t: Translate, reason: import('@/lib/dossier/model').UnreadableReason): string {
  switch (reason.kind) {
    case 'bad-date':
      return t('unreadable.bad-date', { field: t(`field.${reason.field}`), text: reason.text });
    case 'missing-due':
      return t('unreadable.missing-due');
    case 'missing-code':
      return t('unreadable.missing-code');
  }
}

export type { DossierTag };
