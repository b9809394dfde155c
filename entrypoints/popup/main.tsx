import './style.css';
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { appendixFileName, buildAppendixRows, summarizeDossiers } from '@/lib/appendix/rows';
import { appendixCsv } from '@/lib/appendix/csv';
import { vietnamNow } from '@/lib/calendar/day';
import { createWorkingCalendar, derivedYears } from '@/lib/calendar/working-calendar';
import { monitorDossiers } from '@/lib/reports/monitor';
import { lateRates } from '@/lib/reports/rates';
import { periodBounds, periodToQuery } from '@/lib/appendix/period';
import { Popup } from '@/components/popup/Popup';
import { downloadFile, downloadText, useSettings, useStoredDossiers } from '@/components/shared/use-extension';
import { exportsOnPage, officeFile, officeSettings, type OfficeKind } from '@/lib/appendix/office-file';
import { HostAccessNotice } from '@/components/shared/HostAccessNotice';
import { useHostAccess } from '@/components/shared/use-host-access';

function PopupPage() {
  const { settings, t } = useSettings();
  const { dossiers, error } = useStoredDossiers();
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const hostAccess = useHostAccess();
  // The Vietnam minute when the popup opened: lateness is counted to the minute.
  const [now] = useState(() => vietnamNow());
  const today = now.day;
  const range = useMemo(() => periodBounds(period), [period]);
  const summary = useMemo(() => (dossiers ? summarizeDossiers(dossiers, now, range) : null), [dossiers, now, range]);

  const monitor = useMemo(
    () =>
      dossiers
        ? monitorDossiers(dossiers, now, createWorkingCalendar(settings.holidayOverrides), settings.monitorWindowDays)
        : null,
    [dossiers, now, settings.holidayOverrides, settings.monitorWindowDays],
  );
  const rates = useMemo(() => (dossiers ? lateRates(dossiers, now) : null), [dossiers, now]);
  const monitoredYears = useMemo(
    () => (monitor ? derivedYears([today, ...[...monitor.returnedNotClosed, ...monitor.dueSoon].flatMap((item) => (item.dossier.due ? [item.dossier.due.day] : []))]) : []),
    [monitor, today],
  );

  function exportCsv() {
    if (!dossiers) return;
    const rows = buildAppendixRows(dossiers, { today: now, unitName: settings.unitName, period: range });
    if (rows.length === 0) {
      setExportMessage(t('popup.nothingToExport'));
      return;
    }
    const fileName = appendixFileName(today, settings.unitName);
    downloadText(fileName, appendixCsv(rows, { delimiter: settings.delimiter }));
    setExportMessage(t('popup.exportDone', { file: fileName, count: rows.length }));
  }

  // The workbook and the Word document: their writers load only now (a chunk of their own).
  async function exportOffice(kind: OfficeKind) {
    if (!dossiers) return;
    // The same rows as the CSV: lateness to the minute of the popup's opening.
    const rows = buildAppendixRows(dossiers, { today: now, unitName: settings.unitName, period: range });
    if (rows.length === 0) {
      setExportMessage(t('popup.nothingToExport'));
      return;
    }
    if (exportsOnPage(kind, rows.length)) {
      // Too long for the popup, which closes when the user clicks elsewhere: the appendix page makes it.
      const query = periodToQuery(period);
      const url = browser.runtime.getURL(`/appendix.html${query ? `${query}&` : '?'}export=${kind}` as `/appendix.html`);
      void browser.tabs.create({ url });
      setExportMessage(t('popup.exportOnPage', { count: rows.length }));
      return;
    }
    setExportMessage(t('popup.exportPreparing'));
    try {
      const file = await officeFile(kind, rows, { ...officeSettings(settings), period: range, today });
      downloadFile(file);
      setExportMessage(t('popup.exportDone', { file: file.fileName, count: rows.length }));
    } catch (error) {
      setExportMessage(t('popup.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <Popup
      t={t}
      summary={summary}
      storedCount={dossiers?.length ?? 0}
      error={error ? t('error.database', { message: error }) : null}
      period={period}
      onPeriodChange={setPeriod}
      onExport={exportCsv}
      onExportOffice={(kind) => void exportOffice(kind)}
      exportMessage={exportMessage}
      monitor={monitor}
      derivedYears={monitoredYears}
      rates={rates}
      accessNotice={<HostAccessNotice t={t} {...hostAccess} onGrant={hostAccess.request} />}
      onOpenPage={(page) => {
        if (page === 'options') void browser.runtime.openOptionsPage();
        else {
          // The printable appendix opens on the period chosen here.
          const query = page === 'appendix' ? periodToQuery(period) : '';
          void browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html${query}` as `/popup.html`) });
        }
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(<PopupPage />);
