import { formatNumberVi, type Translate } from '@/lib/i18n/translate';
import type { HandlerReport } from '@/lib/reports/handlers';

/** Who closes late on the system although the result was returned on time, per handler and unit. */
export function HandlerTable({ t, report }: { t: Translate; report: HandlerReport }) {
  return (
    <section className="handlers panel-box" aria-labelledby="handlers-title" data-testid="handlers">
      <h2 id="handlers-title">{t('dashboard.handlersTitle')}</h2>
      <p className="hint">{t('dashboard.handlersHint')}</p>
      {!report.anyHandlerRead ? (
        <p className="notice" data-testid="handlers-never-read">
          {t('dashboard.handlersNeverRead')}
        </p>
      ) : report.total === 0 ? (
        <p className="empty" data-testid="handlers-empty">
          {t('dashboard.handlersEmpty')}
        </p>
      ) : (
        <>
          <table className="data-table" data-testid="handlers-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.colHandler')}</th>
                <th scope="col">{t('dashboard.colUnit')}</th>
                <th scope="col" className="num">
                  {t('dashboard.handlersCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={`${row.handler}\u0001${row.unit}`} data-testid="handler-row" data-handler={row.handler}>
                  <td>{row.handler || t('dashboard.noHandler')}</td>
                  <td>{row.unit || t('dashboard.noUnit')}</td>
                  <td className="num">{formatNumberVi(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="total">{t('dashboard.handlersTotal', { count: report.total })}</p>
        </>
      )}
    </section>
  );
}
