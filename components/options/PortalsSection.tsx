import { useState } from 'react';
import type { Translate } from '@/lib/i18n/translate';
import { BUILT_IN_PORTAL_HOSTS } from '@/lib/portal/hosts';

export interface PortalsSectionProps {
  t: Translate;
  extraOrigins: string[];
  /** Adds an origin (asks for the permission); resolves to an error message, or null when added. */
  onAdd: (input: string) => Promise<string | null>;
  onRemove: (origin: string) => Promise<void>;
}

/** The portals the extension works on: the built-in hosts, and the extra ones the user adds. */
export function PortalsSection({ t, extraOrigins, onAdd, onRemove }: PortalsSectionProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <fieldset>
      <legend>{t('options.sectionPortals')}</legend>
      <p className="hint">{t('options.builtInHosts', { hosts: BUILT_IN_PORTAL_HOSTS.join(', ') })}</p>
      <ul className="origin-list" data-testid="extra-origins">
        {extraOrigins.map((origin) => (
          <li key={origin}>
            <span>{origin}</span>
            {origin.startsWith('http:') && (
              <span className="warning" data-testid="http-origin-warning">
                {t('options.httpOriginWarning')}
              </span>
            )}
            <button type="button" className="link" onClick={() => void onRemove(origin)}>
              {t('options.removeOrigin')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="field-inline"
        onSubmit={async (event) => {
          event.preventDefault();
          const problem = await onAdd(input);
          setError(problem);
          if (!problem) setInput('');
        }}
      >
        <label className="field grow">
          <span>{t('options.addOrigin')}</span>
          <input
            data-testid="extra-origin-input"
            value={input}
            placeholder={t('options.originPlaceholder')}
            onChange={(event) => setInput(event.target.value)}
          />
        </label>
        <button type="submit" className="secondary" data-testid="extra-origin-add">
          {t('options.add')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
