import { useEffect, useRef, useState } from 'react';
import { renderProblem, type Translate } from '@/lib/i18n/translate';
import type { Problem } from '@/lib/i18n/problem';
import { formatDayVn } from '@/lib/calendar/day';
import { tagOutcome } from '@/lib/dossier/classify';
import { defaultReturnDate, type LateRow } from '@/lib/portal/panel-model';
import type { PortalDate, TagInput } from '@/lib/dossier/model';

export type TagRequest = TagInput;

/** A save's outcome: the new decision's id, or why not (`conflict`: decided on elsewhere since). */
export type TagOutcome = { ok: true; event?: string } | { ok: false; problem: Problem; conflict?: boolean };

/**
 * `expected` is the decision the edit started from (null: none yet): the store refuses the change
 * with a conflict when another tab or page decided on the dossier since, instead of overwriting it.
 */
export interface TagCallbacks {
  onTag: (code: string, request: TagRequest, expected: string | null) => Promise<TagOutcome>;
  onRemoveTag: (code: string, expected: string | null) => Promise<void>;
}

interface RowProps extends TagCallbacks {
  t: Translate;
  row: LateRow;
  today: string;
  selected: boolean;
  onSelect: () => void;
  reasonChoices: readonly string[];
  /** Whether the row is tagged is unknown (the page could not be saved). */
  unknown?: boolean;
}

const CUSTOM = '__custom__';

/**
 * One late dossier in the panel: what the system says, and the one-click tag of its real return day.
 * Over 80 lines: the date, reason and note fields share the row's editing state and its error.
 */
export function LateDossierRow({ t, row, today, selected, onSelect, onTag, onRemoveTag, reasonChoices, unknown = false }: RowProps) {
  const { dossier, tag } = row;
  const [date, setDate] = useState(() => defaultReturnDate(row, today));
  // The time of day matters where the return is on a timed appointment's day (docs/domain.md, "The
  // real outcome"): the field starts at the appointment's time, so "on time" stays one click.
  const dueTime = dossier.due?.time?.slice(0, 5);
  const [time, setTime] = useState(() => tag?.time ?? dueTime ?? '');
  const showTime = dueTime !== undefined && date === dossier.due?.day;
  const [reasonChoice, setReasonChoice] = useState(() => initialReasonChoice(tag?.reason ?? '', reasonChoices));
  const [customReason, setCustomReason] = useState(() => (reasonChoices.includes(tag?.reason ?? '') ? '' : (tag?.reason ?? '')));
  const [note, setNote] = useState(tag?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const decision = row.decided?.decision ?? null;
  // The decision the row's fields start from: an edit names it, so that a newer one is never overwritten.
  const [base, setBase] = useState(decision);
  // Whether staff changed a field since the row last followed the store: their values then stay.
  const edited = useRef(false);

  function follow(current: LateRow['tag'], currentDecision: string | null) {
    setBase(currentDecision);
    if (!current) return;
    setDate(current.realReturn);
    setTime(current.time ?? dueTime ?? '');
    setNote(current.note);
    setReasonChoice(initialReasonChoice(current.reason, reasonChoices));
    setCustomReason(reasonChoices.includes(current.reason) ? '' : current.reason);
  }

  // A tag saved elsewhere (another tab, the popup) updates the row's input, unless staff are editing
  // it: what they typed stays, and their save then meets the newer decision as a conflict.
  useEffect(() => {
    if (!edited.current) follow(tag, decision);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows the store's state only
  }, [tag, decision, reasonChoices, dueTime]);

  function edit<T>(set: (value: T) => void) {
    return (value: T) => {
      edited.current = true;
      set(value);
    };
  }

  function reload() {
    edited.current = false;
    setConflict(null);
    setError(null);
    if (!tag) {
      // Untagged now (removed elsewhere): the fields start over as for any untagged row.
      setDate(defaultReturnDate(row, today));
      setTime(dueTime ?? '');
      setNote('');
      setReasonChoice('');
      setCustomReason('');
    }
    follow(tag, decision);
  }

  async function save() {
    if (saving) return;
    setSaving(true);
    const reason = reasonChoice === CUSTOM ? customReason : reasonChoice;
    try {
      const result = await onTag(dossier.code, { realReturn: date, ...(showTime && time ? { time } : {}), reason, note }, base);
      if (result.ok) {
        edited.current = false;
        if (result.event) setBase(result.event);
        setError(null);
        setConflict(null);
      } else if (result.conflict) {
        setError(null);
        setConflict(renderProblem(t, result.problem));
      } else setError(renderProblem(t, result.problem));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  const outcome = tag ? tagOutcome(tag, dossier.due) : null;
  const pendingRead = row.decided?.pendingRead;
  const inputId = `mcpl-date-${dossier.code}`;
  return (
    <div
      role="listitem"
      className={tag ? 'mcpl-row mcpl-row-tagged' : 'mcpl-row'}
      data-testid="dossier-row"
      data-code={dossier.code}
      data-tagged={tag ? 'true' : undefined}
      data-unknown={unknown ? 'true' : undefined}
      data-pending-read={pendingRead ? 'true' : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT' && (event.target as HTMLInputElement).type !== 'checkbox') {
          event.preventDefault();
          void save();
        }
      }}
    >
      <div className="mcpl-row-head">
        {!tag && !unknown && (
          <input
            type="checkbox"
            className="mcpl-select"
            checked={selected}
            onChange={onSelect}
            aria-label={t('panel.selectRow', { code: dossier.code })}
          />
        )}
        <span className="mcpl-code">{dossier.code}</span>
        <span className={`mcpl-chip mcpl-chip-${row.state}`}>{t(`state.${row.state}`)}</span>
        {unknown && <span className="mcpl-chip mcpl-chip-unknown">{t('row.unknown')}</span>}
        {pendingRead && <span className="mcpl-chip mcpl-chip-check">{t('row.pendingReadTitle')}</span>}
        {row.check && (
          <span className="mcpl-chip mcpl-chip-check" data-testid="verdict-check">
            {t('row.verdictCheck', { portal: t(`verdict.${row.check.portal}`), computed: t(`verdict.${row.check.computed}`) })}
          </span>
        )}
      </div>
      <div className="mcpl-procedure" title={dossier.procedure}>
        {dossier.procedure}
      </div>
      <div className="mcpl-meta">
        <span>{dossier.applicant}</span>
        {dossier.due && (
          <span>
            {t('row.due')} {withTime(dossier.due.day, dossier.due.time?.slice(0, 5))}
          </span>
        )}
        {dossier.closed && (
          <span>
            {t('row.closed')} {withTime(dossier.closed.day, dossier.closed.time?.slice(0, 5))}
          </span>
        )}
        {dossier.due && (
          <span className="mcpl-late" data-testid="late-by">
            {lateByText(t, row)}
          </span>
        )}
      </div>
      {pendingRead && (
        <p className="mcpl-pending" data-testid="pending-read" role="note">
          {t('row.pendingRead', {
            read: readDates(t, pendingRead),
            stored: readDates(t, pendingRead.stored),
            at: new Date(pendingRead.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
          })}
        </p>
      )}
      {tag && outcome && (
        <div className="mcpl-tagged-line">
          <span className={`mcpl-outcome mcpl-outcome-${outcome}`}>
            ✓ {t('row.tagged', { date: withTime(tag.realReturn, tag.time), outcome: t(`outcome.${outcome}`) })}
          </span>
          <button type="button" className="mcpl-link" onClick={() => void onRemoveTag(dossier.code, decision)}>
            {t('row.remove')}
          </button>
        </div>
      )}
      <div className="mcpl-tag-form">
        <label htmlFor={inputId} className="mcpl-visually-hidden">
          {t('row.realReturnLabel', { code: dossier.code })}
        </label>
        <input
          id={inputId}
          type="date"
          data-testid="real-return-date"
          value={date}
          min={dossier.received?.day}
          max={today}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(event) => edit(setDate)(event.target.value)}
        />
        {showTime && (
          <>
            <label htmlFor={`${inputId}-time`} className="mcpl-visually-hidden">
              {t('row.realReturnTimeLabel', { code: dossier.code })}
            </label>
            <input
              id={`${inputId}-time`}
              type="time"
              data-testid="real-return-time"
              value={time}
              onChange={(event) => edit(setTime)(event.target.value)}
            />
          </>
        )}
        <button type="button" className="mcpl-primary" data-testid="tag-button" disabled={saving} onClick={() => void save()}>
          {saving ? t('row.saving') : date ? t('row.tag', { date: withTime(date, showTime ? time : undefined) || date }) : t('row.tagNoDate')}
        </button>
      </div>
      {error && (
        <p id={`${inputId}-error`} className="mcpl-tag-error" data-testid="tag-error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <div className="mcpl-tag-error" data-testid="tag-conflict" role="alert">
          <p>
            {conflict} {t('row.conflictKept')}
          </p>
          <button type="button" className="mcpl-link" data-testid="row-reload" onClick={reload}>
            {t('row.reload')}
          </button>
        </div>
      )}
      <details className="mcpl-details">
        <summary>{t('row.details')}</summary>
        <label>
          <span>{t('row.reason')}</span>
          <select value={reasonChoice} onChange={(event) => edit(setReasonChoice)(event.target.value)}>
            <option value="">{t('row.reasonDefault')}</option>
            {reasonChoices.map((reason) => (
              <option key={reason} value={reason}>
                {reason}
              </option>
            ))}
            <option value={CUSTOM}>{t('row.reasonCustom')}</option>
          </select>
        </label>
        {reasonChoice === CUSTOM && (
          <input
            type="text"
            aria-label={t('row.reasonCustom')}
            value={customReason}
            maxLength={500}
            onChange={(event) => edit(setCustomReason)(event.target.value)}
          />
        )}
        <label>
          <span>{t('row.note')}</span>
          <input type="text" value={note} maxLength={500} onChange={(event) => edit(setNote)(event.target.value)} />
        </label>
        {tag && <p className="mcpl-by">{t('row.by', { by: tag.by || '—', at: new Date(tag.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) })}</p>}
      </details>
    </div>
  );
}

/**
 * How late: within the appointment day, in hours and minutes ("trễ 40 phút"); else in days, with the
 * working days where the calendar gave them.
 */
function lateByText(t: Translate, row: LateRow): string {
  if (row.daysLate === 0 && row.minutesLate !== null) {
    const hours = Math.floor(row.minutesLate / 60);
    const minutes = row.minutesLate % 60;
    return hours > 0 ? t('row.lateByHours', { hours, minutes }) : t('row.lateByMinutes', { minutes });
  }
  return row.workingDaysLate === null
    ? t('row.lateBy', { days: row.daysLate })
    : t('row.lateByWorking', { days: row.daysLate, working: row.workingDaysLate });
}

/** The appointment and closing of a read, as the row says them. */
function readDates(t: Translate, dates: { due: PortalDate | null; closed: PortalDate | null }): string {
  const closed = dates.closed ? t('row.pendingReadClosed', { day: withTime(dates.closed.day, dates.closed.time?.slice(0, 5)) }) : t('row.pendingReadOpen');
  // An appointment the page never showed reads as empty, as everywhere else.
  return t('row.pendingReadDates', { due: dates.due ? withTime(dates.due.day, dates.due.time?.slice(0, 5)) : '', closed });
}

/** `dd/MM/yyyy`, with ` HH:mm` where a time is given. */
function withTime(day: string, time: string | undefined): string {
  const shown = formatDayVn(day);
  return shown && time ? `${shown} ${time}` : shown;
}

function initialReasonChoice(reason: string, choices: readonly string[]): string {
  if (!reason) return '';
  return choices.includes(reason) ? reason : CUSTOM;
}
