import type { Translate } from '@/lib/i18n/translate';
import type { MonitorItem, MonitorResult } from '@/lib/reports/monitor';
import { formatDayVn } from '@/lib/calendar/day';

const SHOWN = 8;

/** The popup's "needs action" lists: returned but not closed, and overdue or due soon. */
export function MonitorSection({ t, monitor, derivedYears }: { t: Translate; monitor: MonitorResult; derivedYears: number[] }) {
  return (
    <section className="monitor" data-testid="monitor" aria-labelledby="monitor-title">
      <h2 id="monitor-title">
        {t('monitor.title')} <span className="monitor-count">{monitor.actionCount}</span>
      </h2>
      {monitor.actionCount === 0 && <p className="hint">{t('monitor.none')}</p>}
      <MonitorList
        t={t}
        testId="monitor-returned"
        title={t('monitor.returnedNotClosed', { count: monitor.returnedNotClosed.length })}
        items={monitor.returnedNotClosed}
      />
      <MonitorList t={t} testId="monitor-due" title={t('monitor.dueSoon', { count: monitor.dueSoon.length })} items={monitor.dueSoon} />
      {derivedYears.length > 0 && (
        <p className="hint" data-testid="calendar-derived">
          {t('calendar.derived', { years: derivedYears.join(', ') })}
        </p>
      )}
    </section>
  );
}

function MonitorList({ t, testId, title, items }: { t: Translate; testId: string; title: string; items: MonitorItem[] }) {
  if (items.length === 0) return null;
  return (
    <details className="monitor-list" data-testid={testId} open={items.length <= 3}>
      <summary>{title}</summary>
      <ul>
        {items.slice(0, SHOWN).map(({ dossier, workingDaysLeft }) => (
          <li key={dossier.code} data-code={dossier.code}>
            <span className="monitor-code">{dossier.code}</span>
            <span className="monitor-due">
              {dossier.due ? formatDayVn(dossier.due.day) : ''} ·{' '}
              {workingDaysLeft > 0
                ? t('monitor.daysLeft', { days: workingDaysLeft })
                : workingDaysLeft === 0
                  ? t('monitor.dueToday')
                  : t('monitor.overdue', { days: -workingDaysLeft })}
            </span>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p className="hint">{t('monitor.more', { count: items.length - SHOWN })}</p>}
    </details>
  );
}
