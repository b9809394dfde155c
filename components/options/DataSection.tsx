import { useState } from 'react';
import { renderProblem, type Translate } from '@/lib/i18n/translate';
import type { RestorePlanPayload } from '@/lib/messaging/protocol';

export interface DataSectionProps {
  t: Translate;
  onBackup: () => Promise<string | null>;
  /** Reads and plans a restore; the plan is shown before anything is written. */
  onPlanRestore: (file: File) => Promise<{ plan: RestorePlanPayload } | { error: string }>;
  /** Applies the planned restore; its answer lists the rows it refused. */
  onRestore: () => Promise<{ plan: RestorePlanPayload } | { error: string }>;
  /** Puts back what the last restore changed (except records decided on since). */
  onUndoRestore: () => Promise<{ reverted: number; kept: number } | { error: string }>;
  onPrunePlan: (days: number) => Promise<{ count: number; tagged: number } | { error: string }>;
  onPrune: (days: number) => Promise<string | null>;
}

/**
 * Backup, restore and retention: each destructive step says what it will do and asks first. Over 80
 * lines: the three steps share the section's message and busy state.
 */
export function DataSection({ t, onBackup, onPlanRestore, onRestore, onUndoRestore, onPrunePlan, onPrune }: DataSectionProps) {
  const [plan, setPlan] = useState<RestorePlanPayload | null>(null);
  const [restored, setRestored] = useState<RestorePlanPayload | null>(null);
  const [days, setDays] = useState('365');
  const [prunePlan, setPrunePlan] = useState<{ count: number; tagged: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const dayCount = Number(days);
  const daysValid = /^\d{1,4}$/.test(days.trim()) && dayCount >= 30;

  return (
    <fieldset>
      <legend>{t('options.sectionData')}</legend>
      <p className="hint">{t('options.dataHelp')}</p>
      <div className="field-inline">
        <button
          type="button"
          className="secondary"
          data-testid="backup-export"
          onClick={async () => {
            const problem = await onBackup();
            setMessage(problem ? { ok: false, text: problem } : { ok: true, text: t('options.backupDone') });
          }}
        >
          {t('options.backup')}
        </button>
        <label className="secondary file-button">
          {t('options.restore')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="backup-file"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              const result = await onPlanRestore(file);
              setRestored(null);
              if ('error' in result) {
                setPlan(null);
                setMessage({ ok: false, text: result.error });
              } else {
                setPlan(result.plan);
                setMessage(null);
              }
            }}
          />
        </label>
      </div>
      {plan && (
        <div className="confirm" role="alertdialog" aria-label={t('options.restorePlanTitle')} data-testid="restore-plan">
          <p>
            {t('options.restorePlan', {
              add: plan.add,
              tag: plan.tagFromBackup,
              keep: plan.keepStoreTag,
              fields: plan.fieldsFromBackup,
              same: plan.same,
            })}
          </p>
          {plan.refused.length > 0 && <RefusedRows t={t} refused={plan.refused} />}
          <button
            type="button"
            className="primary"
            data-testid="restore-confirm"
            onClick={async () => {
              const result = await onRestore();
              setPlan(null);
              setRestored('error' in result ? null : result.plan);
              setMessage('error' in result ? { ok: false, text: result.error } : { ok: true, text: t('options.restoreDone') });
            }}
          >
            {t('options.restoreConfirm')}
          </button>
          <button type="button" className="link" onClick={() => setPlan(null)}>
            {t('options.cancel')}
          </button>
        </div>
      )}
      {restored && (
        <div className="confirm" data-testid="restore-result">
          {restored.refused.length > 0 && <RefusedRows t={t} refused={restored.refused} />}
          <button
            type="button"
            className="secondary"
            data-testid="restore-undo"
            onClick={async () => {
              const result = await onUndoRestore();
              setRestored(null);
              setMessage('error' in result ? { ok: false, text: result.error } : { ok: true, text: t('options.undoRestoreDone', result) });
            }}
          >
            {t('options.undoRestore')}
          </button>
        </div>
      )}
      <div className="field-inline">
        <label className="field">
          <span>{t('options.retention')}</span>
          <input data-testid="retention-days" inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value)} />
        </label>
        <button
          type="button"
          className="secondary"
          data-testid="retention-check"
          disabled={!daysValid}
          onClick={async () => {
            const result = await onPrunePlan(dayCount);
            if ('error' in result) setMessage({ ok: false, text: result.error });
            else setPrunePlan(result);
          }}
        >
          {t('options.retentionCheck')}
        </button>
      </div>
      {!daysValid && <p className="field-error">{t('options.retentionInvalid')}</p>}
      {prunePlan && (
        <div className="confirm" role="alertdialog" aria-label={t('options.retention')} data-testid="retention-plan">
          <p>{prunePlan.count === 0 ? t('options.retentionNone') : t('options.retentionPlan', { count: prunePlan.count, tagged: prunePlan.tagged, days: dayCount })}</p>
          {prunePlan.count > 0 && (
            <button
              type="button"
              className="danger"
              data-testid="retention-confirm"
              onClick={async () => {
                const problem = await onPrune(dayCount);
                setPrunePlan(null);
                setMessage(problem ? { ok: false, text: problem } : { ok: true, text: t('options.retentionDone') });
              }}
            >
              {t('options.retentionConfirm', { count: prunePlan.count })}
            </button>
          )}
          <button type="button" className="link" onClick={() => setPrunePlan(null)}>
            {t('options.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className={message.ok ? 'export-message' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="data-message">
          {message.text}
        </p>
      )}
    </fieldset>
  );
}

/** At most this many refused rows are listed; the rest are counted. */
const REFUSED_SHOWN = 100;

/** The backup rows a restore refused, each with why (worded from its problem). */
function RefusedRows({ t, refused }: { t: Translate; refused: RestorePlanPayload['refused'] }) {
  return (
    <div data-testid="restore-refused">
      <p>{t('options.restoreRefused', { count: refused.length })}</p>
      <ul>
        {refused.slice(0, REFUSED_SHOWN).map((row, index) => (
          <li key={`${index}-${row.code}`} data-code={row.code}>
            <strong>{row.code}</strong>: {renderProblem(t, row.problem)}
          </li>
        ))}
      </ul>
      {refused.length > REFUSED_SHOWN && <p>{t('options.restoreRefusedMore', { count: refused.length - REFUSED_SHOWN })}</p>}
    </div>
  );
}
