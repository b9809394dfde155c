import './style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { appendixFileName, buildAppendixRows, inPeriod } from '@/lib/appendix/rows';
import { vietnamNow } from '@/lib/calendar/day';
import { createTranslator } from '@/lib/i18n/translate';
import { isReversed, periodBounds, periodFromQuery, periodToQuery, type PeriodInput } from '@/lib/appendix/period';
import { AppendixPrint } from '@/components/appendix/AppendixPrint';
import { downloadFile, useSettings, useStoredDossiers } from '@/components/shared/use-extension';
import { exportFromQuery, officeFile, officeSettings, type OfficeKind } from '@/lib/appendix/office-file';
import { createWorkingCalendar, workingDaysLate } from '@/lib/calendar/working-calendar';
import { lateRates } from '@/lib/reports/rates';

const vietnamese = createTranslator('vi');
const initial = periodFromQuery(window.location.search);
/** An export the popup handed over (too long for the popup): made once, as soon as the rows are read. */
const handedOver = exportFromQuery(window.location.search);

function AppendixPage() {
  const { settings, loaded, t } = useSettings();
  const { dossiers, error } = useStoredDossiers();
  const [period, setPeriod] = useState<PeriodInput>(initial.period);
  // The Vietnam minute when the page opened: lateness is counted to the minute.
  const [now] = useState(() => vietnamNow());
  const today = now.day;
  const bounds = useMemo(() => periodBounds(period), [period]);
  const rows = useMemo(
    () => (dossiers ? buildAppendixRows(dossiers, { today: now, unitName: settings.unitName, period: bounds }) : []),
    [dossiers, now, settings.unitName, bounds],
  );

  const calendar = useMemo(() => createWorkingCalendar(settings.holidayOverrides), [settings.holidayOverrides]);
  const lateDays = useMemo(() => {
    const byCode = new Map((dossiers ?? []).map((dossier) => [dossier.code, dossier]));
    return new Map(
      rows.flatMap((row) => {
        const dossier = byCode.get(row.code);
        return dossier ? [[row.code, workingDaysLate(dossier, today, calendar)] as const] : [];
      }),
    );
  }, [rows, dossiers, today, calendar]);
  const rates = useMemo(() => {
    return lateRates((dossiers ?? []).filter((dossier) => inPeriod(dossier.due?.day, bounds)), now);
  }, [dossiers, bounds, now]);

  const [exportMessage, setExportMessage] = useState<string | null>(null);
  async function exportOffice(kind: OfficeKind) {
    if (rows.length === 0) return;
    setExportMessage(t('print.exportPreparing', { count: rows.length }));
    // Let the message paint before the writer holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const file = await officeFile(kind, rows, { ...officeSettings(settings), period: bounds, today });
      downloadFile(file);
      setExportMessage(t('print.exportDone', { file: file.fileName, count: rows.length }));
    } catch (failure) {
      setExportMessage(t('print.exportFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    }
  }
  const handedOverDone = useRef(false);
  useEffect(() => {
    if (!handedOver || handedOverDone.current || !loaded || dossiers === null) return;
    handedOverDone.current = true;
    void exportOffice(handedOver);
  });

  useEffect(() => {
    // Keep the period in the address, so a reload or a bookmark shows the same appendix.
    window.history.replaceState(null, '', `${window.location.pathname}${periodToQuery(period)}`);
  }, [period]);

  useEffect(() => {
    // The print dialog suggests the title as the PDF's file name.
    document.title = appendixFileName(today, settings.unitName).replace(/\.csv$/, '');
    document.documentElement.style.setProperty('--page-word', JSON.stringify(vietnamese('print.pageWord')));
  }, [settings.unitName, today]);

  const errorText = error ? t('error.database', { message: error }) : null;
  return (
    <AppendixPrint
      t={t}
      doc={vietnamese}
      foreignScreen={settings.language !== 'vi'}
      loading={!loaded || (dossiers === null && !error)}
      error={errorText}
      rows={rows}
      unitName={settings.unitName}
      staffName={settings.staffName}
      today={today}
      period={period}
      invalidQuery={initial.invalid}
      reversed={isReversed(period)}
      onPeriodChange={setPeriod}
      onPrint={() => window.print()}
      onExportOffice={(kind) => void exportOffice(kind)}
      exportMessage={exportMessage}
      workingDaysLate={lateDays}
      rates={rates}
    />
  );
}

createRoot(document.getElementById('root')!).render(<AppendixPage />);
