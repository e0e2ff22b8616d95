import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { downloadText } from '../feedback/download';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { CaixasSection } from './CaixasSection';
import { DiscountsSection } from './DiscountsSection';
import { formatDay } from './display';
import { PeriodPicker } from './PeriodPicker';
import { RatingsSection } from './RatingsSection';
import { csvFileName, reportCsv } from './report-table';
import type { ReportView, SectionProps } from './report-view';
import { SalesSection } from './SalesSection';
import { StockSection } from './StockSection';
import { usePeriod } from './usePeriod';
import { VoidsSection } from './VoidsSection';
import './reports.css';

const TABS = { sales: SalesSection, discounts: DiscountsSection, voids: VoidsSection, caixas: CaixasSection, stock: StockSection, ratings: RatingsSection } satisfies Record<string, (props: SectionProps) => unknown>;
type Tab = keyof typeof TABS;

/**
 * Reports by period (#/relatorios), for the manager and the owner: a period of business days, a tab
 * per report, each against the previous equal period; the report on screen exports to CSV, prints on
 * A4 (or to PDF through the print dialog), and the day's summary goes to the counter printer.
 */
export function ReportsScreen() {
  const { t } = useTranslation();
  const { notify, timeZone } = useSession();
  const periodState = usePeriod();
  const [tab, setTab] = useState<Tab>('sales');
  const [view, setView] = useState<ReportView | null>(null);
  const [printing, setPrinting] = useState(false);
  const onView = useCallback((next: ReportView | null) => setView(next), []);
  const Section = TABS[tab];

  const exportCsv = () => {
    if (!view) return;
    const name = csvFileName(view.name, view.period);
    downloadText(name, reportCsv(view.tables, timeZone));
    notify(t('reports.actions.csvDone', { name }));
  };

  // A one-day period prints that day; a longer one prints today's summary (the core's default).
  const summaryDay = view && view.period.from === view.period.to ? view.period.from : null;
  const printDaySummary = async () => {
    setPrinting(true);
    const outcome = await api.call('reports.printDaySummary', { id: uuidv7(), ...(summaryDay ? { day: summaryDay } : {}) });
    setPrinting(false);
    notify(outcome.ok ? t('reports.actions.daySummaryQueued', { day: formatDay(outcome.result.day) }) : outcome.error.message);
  };

  return (
    <div className="page-content page-content-wide rep-screen" data-testid="reports-screen">
      <div className="page-header">
        <div>
          <h1>
            {t('reports.title')}
            <span className="rep-print-only">: {t(`reports.tabs.${tab}`)}</span>
          </h1>
          {view && (
            <p className="muted" data-testid="rep-period" data-from={view.period.from} data-to={view.period.to}>
              {t('reports.subtitle', {
                from: formatDay(view.period.from),
                to: formatDay(view.period.to),
                previousFrom: formatDay(view.previousPeriod.from),
                previousTo: formatDay(view.previousPeriod.to),
              })}
            </p>
          )}
        </div>
        <div className="rep-actions">
          <button type="button" className="button button-secondary" onClick={exportCsv} disabled={!view} data-testid="rep-csv">
            {t('reports.actions.csv')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => window.print()} disabled={!view} title={t('reports.actions.printHint')} data-testid="rep-print">
            {t('reports.actions.print')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void printDaySummary()} disabled={printing} data-testid="rep-day-summary">
            {summaryDay ? t('reports.actions.daySummaryOf', { day: formatDay(summaryDay) }) : t('reports.actions.daySummary')}
          </button>
        </div>
      </div>
      <PeriodPicker state={periodState} shown={view?.period ?? null} />
      <div className="tabs" role="tablist" aria-label={t('reports.title')}>
        {(Object.keys(TABS) as Tab[]).map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            aria-selected={tab === item}
            className="tab"
            onClick={() => {
              setView(null);
              setTab(item);
            }}
            data-testid={`rep-tab-${item}`}
          >
            {t(`reports.tabs.${item}`)}
          </button>
        ))}
      </div>
      <div className="rep-body" role="tabpanel" aria-label={t(`reports.tabs.${tab}`)}>
        <Section key={tab} period={periodState.period} onView={onView} />
      </div>
    </div>
  );
}
