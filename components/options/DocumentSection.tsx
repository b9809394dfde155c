import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/translate';
import type { Settings } from '@/lib/settings/settings';
import type { MessageKey } from '@/lib/i18n/vi';

/** The settings fields the Excel and Word documents print, with their input's limits. */
type DocumentField = 'parentBody' | 'letterNumber' | 'letterDate' | 'letterIssuer' | 'place' | 'preparerName' | 'headTitle' | 'headName';

const FIELDS: readonly { field: DocumentField; label: MessageKey; testId: string; maxLength?: number; help?: MessageKey }[] = [
  { field: 'parentBody', label: 'options.parentBody', testId: 'option-parent-body', maxLength: 200 },
  { field: 'letterNumber', label: 'options.letterNumber', testId: 'option-letter-number', maxLength: 60 },
  { field: 'letterDate', label: 'options.letterDate', testId: 'option-letter-date' },
  { field: 'letterIssuer', label: 'options.letterIssuer', testId: 'option-letter-issuer', maxLength: 200 },
  { field: 'place', label: 'options.place', testId: 'option-place', maxLength: 80 },
  { field: 'preparerName', label: 'options.preparerName', testId: 'option-preparer', maxLength: 120, help: 'options.preparerHelp' },
  { field: 'headTitle', label: 'options.headTitle', testId: 'option-head-title', maxLength: 120 },
  { field: 'headName', label: 'options.headName', testId: 'option-head-name', maxLength: 120 },
];

export interface DocumentSectionProps {
  t: Translate;
  draft: Settings;
  onChange: (next: Settings) => void;
  /** The problem shown beside a refused field, or null. */
  fieldError: (field: keyof Settings) => ReactNode;
}

/** The letter the appendix goes with and who signs it: printed by the workbook and the Word document. */
export function DocumentSection({ t, draft, onChange, fieldError }: DocumentSectionProps) {
  return (
    <fieldset>
      <legend>{t('options.sectionDocument')}</legend>
      <p className="hint">{t('options.documentHelp')}</p>
      {FIELDS.map(({ field, label, testId, maxLength, help }) => (
        <label key={field} className={field === 'letterDate' ? 'field field-narrow' : 'field'}>
          <span>{t(label)}</span>
          {help && <small>{t(help)}</small>}
          <input
            type={field === 'letterDate' ? 'date' : 'text'}
            data-testid={testId}
            value={draft[field]}
            maxLength={maxLength}
            onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
          />
          {fieldError(field)}
        </label>
      ))}
    </fieldset>
  );
}
