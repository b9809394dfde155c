import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { formatSynonymsText, parseSynonymsText } from '@/lib/synonyms-text';

export interface OptionsProps {
  t: Translate;
  settings: Settings;
  onSave: (settings: Settings) => Promise<void>;
}

/** The options form: every value is checked before it is saved, and errors are shown, not dropped. */
export function Options({ t, settings, onSave }: OptionsProps) {
  const [draft, setDraft] = useState(settings);
  const [synonyms, setSynonyms] = useState(() => formatSynonymsText(settings.headerSynonyms));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = parseSynonymsText(synonyms);
    if (!parsed.ok) {
      setMessage({ ok: false, text: parsed.errors.join(' ') });
      return;
    }
    try {
      await onSave({ ...draft, headerSynonyms: parsed.value });
      setMessage({ ok: true, text: t('options.saved') });
    } catch (error) {
      setMessage({ ok: false, text: t('options.invalid', { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  return (
    <form className="popup options" onSubmit={submit}>
      <h1>{t('options.title')}</h1>
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
        <input
          data-testid="option-unit"
          value={draft.unitName}
          maxLength={200}
          onChange={(event) => setDraft({ ...draft, unitName: event.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('options.staffName')}</span>
        <input
          data-testid="option-staff"
          value={draft.staffName}
          maxLength={120}
          onChange={(event) => setDraft({ ...draft, staffName: event.target.value })}
        />
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
      <label className="field">
        <span>{t('options.synonyms')}</span>
        <small>{t('options.synonymsHelp')}</small>
        <textarea
          data-testid="option-synonyms"
          rows={5}
          value={synonyms}
          placeholder="due: Ngày hẹn trả dự kiến | Hạn trả"
          onChange={(event) => setSynonyms(event.target.value)}
        />
      </label>
      <button type="submit" className="primary" data-testid="option-save">
        {t('options.save')}
      </button>
      {message && (
        <p className={message.ok ? 'export-message' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="option-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
