import { useTranslation } from 'react-i18next';
import { LazyScreens, lazyScreen } from '../components/LazyScreen';
import type { Route } from '../routes';
import { routeKey } from '../navigation';
import { FEEDBACK_ROUTES, type FeedbackRoute } from './routes';
import { InboxScreen } from './InboxScreen';
import './feedback.css';

/** The reports carry chart.js: loaded the first time someone opens them. */
const ReportScreen = lazyScreen(() => import('./ReportScreen').then((module) => module.ReportScreen));

const TAB_LABEL = { avaliacoes: 'feedback.tabs.inbox', 'avaliacoes/relatorios': 'feedback.tabs.reports' } as const;

/** The managers' feedback screens: the inbox and the reports, under one "Avaliações" menu entry. */
export function FeedbackScreens({ route, onNavigate }: { route: FeedbackRoute; onNavigate: (route: Route) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <nav className="fb-tabs tabs" aria-label={t('feedback.tabsLabel')}>
        {FEEDBACK_ROUTES.map((item) => (
          <a
            key={item}
            href={`#/${item}`}
            className="tab"
            aria-current={item === route ? 'page' : undefined}
            data-testid={`feedback-tab-${routeKey(item)}`}
            onClick={(event) => {
              event.preventDefault();
              onNavigate(item);
            }}
          >
            {t(TAB_LABEL[item])}
          </a>
        ))}
      </nav>
      {route === 'avaliacoes' && <InboxScreen />}
      {route === 'avaliacoes/relatorios' && (
        <LazyScreens
          fallback={
            <div className="page-content" role="status">
              <p className="muted">{t('feedback.report.loading')}</p>
            </div>
          }
        >
          <ReportScreen />
        </LazyScreens>
      )}
    </>
  );
}
