import { useState } from 'react';
import { localMessage } from '@/lib/i18n/bilingual';
import type { Translate } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings/settings';
import { formatSynonymsText, parseSynonymsText } from '@/lib/portal/synonyms-text';
import { formatHolidayOverrides, parseHolidayOverrides } from '@/lib/calendar/overrides';

export interface OptionsProps {
  t: Translate;
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
  /** Asks the browser for the reminder's permissions; false when the user refuses. */
  onRequestReminderPermission: () => Promise<boolean>;
}

/**
 * The settings form: every value is checked before it is saved, and each error is shown next to its
 * field with the line it comes from; nothing is dropped silently.
 */
export function Options({ t, settings, onSave, onRequestReminderPermission }: OptionsProps) {
  const [draft, setDraft] = useState(settings);
  const [synonyms, setSynonyms] = useState(() => formatSynonymsText(settings.headerSynonyms));
  const [overrides, setOverrides] = useState(() => formatHolidayOverrides(settings.holidayOverrides));
  const [windowText, setWindowText] = useState(String(settings.monitorWindowDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Kept as a function of the translator so that a message shown after switching the language is in
  // the new language.
  const [message, setMessage] = useState<{ ok: boolean; text: (t: Translate) => string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const nextErrors: Record<string, string> = {};
    const parsedSynonyms = parseSynonymsText(synonyms);
    if (!parsedSynonyms.ok) nextErrors.synonyms = parsedSynonyms.errors.join(' ');
    const parsedOverrides = parseHolidayOverrides(overrides);
    if (!parsedOverrides.ok) {
      nextErrors.overrides = parsedOverrides.errors.map((error) => localMessage(error, draft.language)).join(' ');
    }
    const windowDays = Number(windowText);
    if (!/^\d{1,2}$/.test(windowText.trim()) || windowDays > 30) nextErrors.window = t('options.windowInvalid');
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length || !parsedSynonyms.ok || !parsedOverrides.ok) {
      setMessage({ ok: false, text: (tr) => tr('options.fixErrors') });
      return;
    }
    let next: Settings = {
      ...draft,
      headerSynonyms: parsedSynonyms.value,
      holidayOverrides: parsedOverrides.value,
      monitorWindowDays: windowDays,
    };
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
        </label>
        <label className="field">
          <span>{t('options.staffName')}</span>
          <input data-testid="option-staff" value={draft.staffName} maxLength={120} onChange={(event) => setDraft({ ...draft, staffName: event.target.value })} />
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
            aria-invalid={errors.synonyms ? true : undefined}
            onChange={(event) => setSynonyms(event.target.value)}
          />
          {errors.synonyms && <span className="field-error" role="alert">{errors.synonyms}</span>}
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
            aria-invalid={errors.window ? true : undefined}
            onChange={(event) => setWindowText(event.target.value)}
          />
          {errors.window && <span className="field-error" role="alert">{errors.window}</span>}
        </label>
        <label className="field">
          <span>{t('options.overrides')}</span>
          <small>{t('options.overridesHelp')}</small>
          <textarea
            data-testid="option-overrides"
            rows={4}
            value={overrides}
            placeholder={t('options.overridesPlaceholder')}
            aria-invalid={errors.overrides ? true : undefined}
            onChange={(event) => setOverrides(event.target.value)}
          />
          {errors.overrides && <span className="field-error" role="alert" data-testid="option-overrides-error">{errors.overrides}</span>}
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
        </label>
      </fieldset>

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
