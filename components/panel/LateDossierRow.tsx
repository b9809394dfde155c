import { useEffect, useState } from 'react';
import { renderProblem, type Translate } from '@/lib/i18n/translate';
import type { Problem } from '@/lib/i18n/problem';
import { formatDayVn } from '@/lib/calendar/day';
import { tagOutcome } from '@/lib/dossier/classify';
import { defaultReturnDate, type LateRow } from '@/lib/portal/panel-model';
import type { TagInput } from '@/lib/dossier/model';

export type TagRequest = TagInput;

export type TagOutcome = { ok: true } | { ok: false; problem: Problem };

export interface TagCallbacks {
  onTag: (code: string, request: TagRequest) => Promise<TagOutcome>;
  onRemoveTag: (code: string) => Promise<void>;
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
  const [saving, setSaving] = useState(false);

  // A tag saved elsewhere (another tab, the popup) updates the row's input.
  useEffect(() => {
    if (tag) {
      setDate(tag.realReturn);
      setTime(tag.time ?? dueTime ?? '');
      setNote(tag.note);
      setReasonChoice(initialReasonChoice(tag.reason, reasonChoices));
      if (!reasonChoices.includes(tag.reason)) setCustomReason(tag.reason);
    }
  }, [tag, reasonChoices, dueTime]);

  async function save() {
    if (saving) return;
    setSaving(true);
    const reason = reasonChoice === CUSTOM ? customReason : reasonChoice;
    try {
      const result = await onTag(dossier.code, { realReturn: date, ...(showTime && time ? { time } : {}), reason, note });
      setError(result.ok ? null : renderProblem(t, result.problem));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  const outcome = tag ? tagOutcome(tag, dossier.due) : null;
  const inputId = `mcpl-date-${dossier.code}`;
  return (
    <div
      role="listitem"
      className={tag ? 'mcpl-row mcpl-row-tagged' : 'mcpl-row'}
      data-testid="dossier-row"
      data-code={dossier.code}
      data-tagged={tag ? 'true' : undefined}
      data-unknown={unknown ? 'true' : undefined}
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
      {tag && outcome && (
        <div className="mcpl-tagged-line">
          <span className={`mcpl-outcome mcpl-outcome-${outcome}`}>
            ✓ {t('row.tagged', { date: withTime(tag.realReturn, tag.time), outcome: t(`outcome.${outcome}`) })}
          </span>
          <button type="button" className="mcpl-link" onClick={() => void onRemoveTag(dossier.code)}>
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
          onChange={(event) => setDate(event.target.value)}
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
              onChange={(event) => setTime(event.target.value)}
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
      <details className="mcpl-details">
        <summary>{t('row.details')}</summary>
        <label>
          <span>{t('row.reason')}</span>
          <select value={reasonChoice} onChange={(event) => setReasonChoice(event.target.value)}>
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
            onChange={(event) => setCustomReason(event.target.value)}
          />
        )}
        <label>
          <span>{t('row.note')}</span>
          <input type="text" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
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

/** `dd/MM/yyyy`, with ` HH:mm` where a time is given. */
function withTime(day: string, time: string | undefined): string {
  const shown = formatDayVn(day);
  return shown && time ? `${shown} ${time}` : shown;
}

function initialReasonChoice(reason: string, choices: readonly string[]): string {
  if (!reason) return '';
  return choices.includes(reason) ? reason : CUSTOM;
}
