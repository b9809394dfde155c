import type { Translate } from '@/lib/i18n/translate';
import { DOSSIER_FIELDS, type DossierField } from '@/lib/dossier/model';
import type { SavedColumnMapping } from '@/lib/portal/column-mappings';

export interface MappingsSectionProps {
  t: Translate;
  mappings: readonly SavedColumnMapping[];
  /** Replaces one mapping (by origin and pattern) with `next`, or deletes it (`null`). */
  onChange: (target: SavedColumnMapping, next: SavedColumnMapping | null) => Promise<void>;
}

type Kind = 'headings' | 'labels';

/**
 * The column mappings staff saved by pointing on the page: each portal page's headings and labels with
 * their field, a field changed or an entry removed at once, or the whole mapping deleted.
 */
export function MappingsSection({ t, mappings, onChange }: MappingsSectionProps) {
  const edit = (mapping: SavedColumnMapping, kind: Kind, key: string, field: DossierField | null) => {
    const entries = { ...mapping[kind] };
    if (field) entries[key] = field;
    else delete entries[key];
    return onChange(mapping, { ...mapping, [kind]: entries, savedAt: Math.max(Date.now(), mapping.savedAt) });
  };
  return (
    <fieldset>
      <legend>{t('options.sectionMappings')}</legend>
      <p className="hint">{t('options.mappingsHelp')}</p>
      {mappings.length === 0 && <p data-testid="mappings-empty">{t('options.mappingsEmpty')}</p>}
      <ul className="mapping-list">
        {mappings.map((mapping) => (
          <li key={`${mapping.origin}${mapping.pathPattern}`} data-testid="mapping-entry" data-origin={mapping.origin} data-pattern={mapping.pathPattern}>
            <p className="mapping-where">
              <strong>{mapping.origin}</strong>
              <code>{mapping.pathPattern}</code>
            </p>
            <ul>
              {(['headings', 'labels'] as const).flatMap((kind) =>
                Object.entries(mapping[kind]).map(([key, field]) => (
                  <li key={`${kind}:${key}`} data-testid="mapping-item" data-kind={kind} data-key={key} data-field={field}>
                    <label>
                      <span>{t(kind === 'headings' ? 'options.mappingHeading' : 'options.mappingLabel', { heading: key, label: key })}</span>
                      <select data-testid="mapping-field" value={field} onChange={(event) => void edit(mapping, kind, key, event.target.value as DossierField)}>
                        {DOSSIER_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {t(`pointing.field.${f}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="button" className="link" data-testid="mapping-item-remove" onClick={() => void edit(mapping, kind, key, null)}>
                      {t('options.mappingRemoveEntry')}
                    </button>
                  </li>
                )),
              )}
            </ul>
            <button type="button" className="link" data-testid="mapping-remove" onClick={() => void onChange(mapping, null)}>
              {t('options.mappingRemove')}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
