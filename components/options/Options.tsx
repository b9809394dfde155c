import { useState } from 'react';
import type { Problem } from '@/lib/i18n/problem';
import { renderProblem, type Translate } from '@/lib/i18n/translate';
import { checkSettings, type Settings } from '@/lib/settings/settings';
import { formatSynonymsText, parseSynonymsText } from '@/lib/portal/synonyms-text';
import { formatHolidayOverrides, parseHolidayOverrides } from '@/lib/calendar/overrides';
import { DocumentSection } from './DocumentSection';

export interface OptionsProps {
  t: Translate;
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
  /** Asks the browser for the reminder's permissions; false when the user refuses. */
  onRequestReminderPermission: () => Promise<boolean>;
}

/** The problems of each refused field; kept as data so that they are worded in the current language. */
type FieldProblems = Partial<Record<keyof Settings, Problem[]>>;

/**
 * The settings form: every value is checked before it is saved (the text fields by their parsers, then
 * the whole draft by the settings schema), and each problem is shown next to its field with the line it
 * comes from; nothing is dropped silently. Over 80 lines because most of it is the form's markup, one
 * fieldset per section; the logic is `submit`.
 */
export function Options({ t, settings, onSave, onRequestReminderPermission }: OptionsProps) {
  const [draft, setDraft] = useState(settings);
  const [synonyms, setSynonyms] = useState(() => formatSynonymsText(settings.headerSynonyms));
  const [overrides, setOverrides] = useState(() => formatHolidayOverrides(settings.holidayOverrides));
  const [windowText, setWindowText] = useState(String(settings.monitorWindowDays));
  const [errors, setErrors] = useState<FieldProblems>({});
  // Kept as a function of the translator so that a message shown after switching the language is in
  // the new language.
  const [message, setMessage] = useState<{ ok: boolean; text: (t: Translate) => string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const nextErrors: FieldProblems = {};
    const parsedSynonyms = parseSynonymsText(synonyms);
    if (!parsedSynonyms.ok) nextErrors.headerSynonyms = parsedSynonyms.errors;
    const parsedOverrides = parseHolidayOverrides(overrides);
    if (!parsedOverrides.ok) nextErrors.holidayOverrides = parsedOverrides.errors;
    const checked = checkSettings({
      ...draft,
      headerSynonyms: parsedSynonyms.ok ? parsedSynonyms.value : draft.headerSynonyms,
      holidayOverrides: parsedOverrides.ok ? parsedOverrides.value : draft.holidayOverrides,
      // Only digits are a number of days: '', '1e1' or ' 3 4' are refused by the schema as NaN.
      monitorWindowDays: /^\d+$/.test(windowText.trim()) ? Number(windowText) : NaN,
    });
    if (!checked.ok) {
      for (const [field, problem] of Object.entries(checked.problems) as [keyof Settings, Problem][]) {
        nextErrors[field] ??= [problem];
      }
    }
    setErrors(nextErrors);
    if (!checked.ok || Object.keys(nextErrors).length) {
      setMessage({ ok: false, text: (tr) => tr('options.fixErrors') });
      return;
    }
    let next = checked.settings;
    if (next.reminder.enabled && !settings.reminder.enabled && !(await onRequestReminderPermission())) {
      next = { ...next, reminder: { ...next.reminder, enabled: false } };
      setDraft(next);
      setMessage({ ok: false, text: (tr) => tr('options.reminderRefused') });
    }
    try {
      await onSave(next);
      setMessage((current) => (current && !current.ok ? current : { ok: true, text: (tr) => tr('options.saved') }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setMessage({ ok: false, text: (tr) => tr('options.invalid', { message: detail }) });
    }
  }

  /** The problems of a field, worded now, beside it. */
  const fieldError = (field: keyof Settings, testId?: string) => {
    const problems = errors[field];
    if (!problems?.length) return null;
    return (
      <span className="field-error" role="alert" data-testid={testId}>
        {problems.map((problem) => renderProblem(t, problem)).join(' ')}
      </span>
    );
  };

  return (
    <form className="options-form" onSubmit={(event) => void submit(event)} onChange={() => setMessage(null)} noValidate>
      <fieldset>
        <legend>{t('options.sectionGeneral')}</legend>
        <label className="field">
          <span>{t('options.language')}</span>
          <select
            data-testid="option-language"
            value={draft.language}
            onChange={(event) => setDraft({ ...draft, language: event.target.value as Settings['language'] })}
          >
            <option value="vi">{t('lang.vi')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('options.unitName')}</span>
          <input data-testid="option-unit" value={draft.unitName} maxLength={200} onChange={(event) => setDraft({ ...draft, unitName: event.target.value })} />
          {fieldError('unitName')}
        </label>
        <label className="field">
          <span>{t('options.staffName')}</span>
          <input data-testid="option-staff" value={draft.staffName} maxLength={120} onChange={(event) => setDraft({ ...draft, staffName: event.target.value })} />
          {fieldError('staffName')}
        </label>
        <label className="field">
          <span>{t('options.delimiter')}</span>
          <select
            data-testid="option-delimiter"
            value={draft.delimiter}
            onChange={(event) => setDraft({ ...draft, delimiter: event.target.value as Settings['delimiter'] })}
          >
            <option value=",">{t('options.delimiterComma')}</option>
            <option value=";">{t('options.delimiterSemicolon')}</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('options.sectionReading')}</legend>
        <label className="field">
          <span>{t('options.synonyms')}</span>
          <small>{t('options.synonymsHelp')}</small>
          <textarea
            data-testid="option-synonyms"
            rows={4}
            value={synonyms}
            placeholder="due: Ngày hẹn trả dự kiến | Hạn trả"
            aria-invalid={errors.headerSynonyms ? true : undefined}
            onChange={(event) => setSynonyms(event.target.value)}
          />
          {fieldError('headerSynonyms', 'option-synonyms-error')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('options.sectionMonitoring')}</legend>
        <label className="field">
          <span>{t('options.window')}</span>
          <input
            data-testid="option-window"
            inputMode="numeric"
            value={windowText}
            aria-invalid={errors.monitorWindowDays ? true : undefined}
            onChange={(event) => setWindowText(event.target.value)}
          />
          {fieldError('monitorWindowDays', 'option-window-error')}
        </label>
        <label className="field">
          <span>{t('options.overrides')}</span>
          <small>{t('options.overridesHelp')}</small>
          <textarea
            data-testid="option-overrides"
            rows={4}
            value={overrides}
            placeholder={t('options.overridesPlaceholder')}
            aria-invalid={errors.holidayOverrides ? true : undefined}
            onChange={(event) => setOverrides(event.target.value)}
          />
          {fieldError('holidayOverrides', 'option-overrides-error')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="option-reminder"
            checked={draft.reminder.enabled}
            onChange={(event) => setDraft({ ...draft, reminder: { ...draft.reminder, enabled: event.target.checked } })}
          />
          <span>{t('options.reminder')}</span>
        </label>
        <label className="field field-narrow">
          <span>{t('options.reminderTime')}</span>
          <input
            type="time"
            data-testid="option-reminder-time"
            value={draft.reminder.time}
            disabled={!draft.reminder.enabled}
            onChange={(event) => setDraft({ ...draft, reminder: { ...draft.reminder, time: event.target.value || '08:00' } })}
          />
          {fieldError('reminder')}
        </label>
      </fieldset>

      <DocumentSection t={t} draft={draft} onChange={setDraft} fieldError={(field) => fieldError(field)} />

      <button type="submit" className="primary" data-testid="option-save">
        {t('options.save')}
      </button>
      {message && (
        <p className={message.ok ? 'export-message' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="option-message">
          {message.text(t)}
        </p>
      )}
    </form>
  );
}
