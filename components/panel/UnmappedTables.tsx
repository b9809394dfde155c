import { useEffect, useState } from 'react';
import type { Translate } from '@/lib/i18n/translate';
import { DOSSIER_FIELDS, type DossierField } from '@/lib/dossier/model';
import type { UnmappedSummary } from '@/lib/portal/pointing';

export interface UnmappedTablesProps {
  t: Translate;
  tables: UnmappedSummary[];
  /** Where a mapping of this page is saved (origin and pattern), shown so staff know its reach. */
  where: { origin: string; pathPattern: string } | null;
  /** The candidate the page highlights, and the heading staff clicked on the page. */
  pointing: { table: number; heading: number | null } | null;
  onPoint: (table: number) => void;
  onStop: () => void;
  /** Saves "this heading (or label) is that field"; resolves to an error message, or null once saved. */
  onSave: (entry: { heading?: string; label?: string }, field: DossierField) => Promise<string | null>;
}

/** The fields in the order offered: what the table is missing first, then the rest. */
function fieldChoices(missing: readonly DossierField[]): DossierField[] {
  return [...missing, ...DOSSIER_FIELDS.filter((field) => !missing.includes(field))];
}

/**
 * The list-like tables the reader could not name: for each, the headings seen and what is missing, and
 * "Chỉ cột": staff click a heading on the page, then choose its field here and save. The choice and the
 * save live in this frame only; the page only reports which heading was clicked.
 */
export function UnmappedTables({ t, tables, where, pointing, onPoint, onStop, onSave }: UnmappedTablesProps) {
  const [field, setField] = useState<DossierField | ''>('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fieldName = (f: DossierField) => t(`pointing.field.${f}`);
  const pointed = pointing && pointing.heading !== null ? tables[pointing.table]?.headings[pointing.heading] : undefined;
  // A new heading clicked starts a new choice.
  useEffect(() => setField(''), [pointed]);

  async function save(entry: { heading?: string; label?: string }, chosen: DossierField) {
    const error = await onSave(entry, chosen);
    const name = entry.heading ?? entry.label ?? '';
    setMessage(error ? { ok: false, text: error } : { ok: true, text: t('pointing.saved', { heading: name, field: fieldName(chosen) }) });
    if (!error) setField('');
  }

  return (
    <section className="mcpl-unmapped" aria-labelledby="mcpl-unmapped-title">
      <h3 id="mcpl-unmapped-title">{t('pointing.title')}</h3>
      <p>{t('pointing.explain', { count: tables.length })}</p>
      {tables.map((table, index) => {
        const active = pointing?.table === index;
        return (
          <div key={index} className="mcpl-unmapped-table" data-testid="unmapped-table" data-index={index}>
            <h4>{t('pointing.table', { number: index + 1 })}</h4>
            <p data-testid="unmapped-headings">
              {t('pointing.seen', { headings: table.headings.length ? table.headings.map((h) => `“${h}”`).join(', ') : t('pointing.noHeadings') })}
            </p>
            {table.found.length > 0 && <p>{t('pointing.found', { fields: table.found.map(fieldName).join(', ') })}</p>}
            {table.missing.length > 0 && (
              <p className="mcpl-missing" data-testid="unmapped-missing">
                {t('pointing.missing', { fields: table.missing.map(fieldName).join(', ') })}
              </p>
            )}
            {!active && (
              <button type="button" className="mcpl-primary" data-testid="map-columns" onClick={() => onPoint(index)}>
                {t('pointing.mapColumns')}
              </button>
            )}
            {active && (
              <div className="mcpl-pointing" data-testid="pointing">
                <p role="status">{t('pointing.clickHeading')}</p>
                {pointed !== undefined && (
                  <form
                    className="mcpl-pointed"
                    onSubmit={(event) => {
                      event.preventDefault();
                      if (field) void save({ heading: pointed }, field);
                    }}
                  >
                    <label>
                      <span data-testid="pointed-heading">{t('pointing.chosenHeading', { heading: pointed })}</span>
                      <select data-testid="map-field-select" value={field} onChange={(event) => setField(event.target.value as DossierField | '')}>
                        <option value="">{t('pointing.chooseField')}</option>
                        {fieldChoices(table.missing).map((f) => (
                          <option key={f} value={f}>
                            {fieldName(f)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" className="mcpl-primary" data-testid="map-save" disabled={!field}>
                      {t('pointing.save')}
                    </button>
                  </form>
                )}
                <button type="button" className="mcpl-link" data-testid="map-stop" onClick={onStop}>
                  {t('pointing.stop')}
                </button>
              </div>
            )}
            {table.labels.length > 0 && (
              <details className="mcpl-labels">
                <summary>{t('pointing.labelsTitle')}</summary>
                <p>{t('pointing.labelsHelp')}</p>
                <ul>
                  {table.labels.map((item) => (
                    <LabelChoice key={item.label} t={t} item={item} choices={fieldChoices(table.missing)} fieldName={fieldName} onSave={save} />
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
      })}
      {where && <p className="mcpl-scope">{t('pointing.scope', { origin: where.origin, pattern: where.pathPattern })}</p>}
      {message && (
        <p className={message.ok ? 'mcpl-notice' : 'mcpl-error'} role={message.ok ? 'status' : 'alert'} data-testid="map-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

function LabelChoice(props: {
  t: Translate;
  item: { label: string; sample: string };
  choices: DossierField[];
  fieldName: (field: DossierField) => string;
  onSave: (entry: { label: string }, field: DossierField) => Promise<void>;
}) {
  const { t, item } = props;
  const [field, setField] = useState<DossierField | ''>('');
  return (
    <li data-testid="labelled-value" data-label={item.label}>
      <span className="mcpl-label-sample">
        {item.label}: {item.sample}
      </span>
      <label>
        <span>{t('pointing.labelIs', { label: item.label })}</span>
        <select data-testid="map-label-select" value={field} onChange={(event) => setField(event.target.value as DossierField | '')}>
          <option value="">{t('pointing.chooseField')}</option>
          {props.choices.map((f) => (
            <option key={f} value={f}>
              {props.fieldName(f)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="mcpl-link" data-testid="map-label-save" disabled={!field} onClick={() => field && void props.onSave({ label: item.label }, field)}>
        {t('pointing.save')}
      </button>
    </li>
  );
}
