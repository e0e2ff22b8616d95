import { useTranslation } from 'react-i18next';
import { CartPanel } from './CartPanel';
import { CounterDialogs } from './CounterDialogs';
import { SHORTCUTS } from './counterKeys';
import { CounterSearch } from './CounterSearch';
import { OpenCaixaPanel } from './OpenCaixaPanel';
import { ReadyStrip } from './ReadyStrip';
import { useCounter } from './useCounter';
import { useCounterDisplay } from '../display/useCounterDisplay';

/**
 * The counter: search as you type (name, code or barcode, accents ignored), category tiles for
 * touch, the cart with its total always in sight, and a function key for every frequent action.
 */
export function CounterScreen() {
  const { t } = useTranslation();
  const counter = useCounter();
  useCounterDisplay(counter);
  const { catalog, cash, pricing } = counter;

  if (counter.catalogError || counter.cashError) {
    return (
      <div className="page-content">
        <div className="alert alert-error" role="alert">
          {counter.catalogError ?? counter.cashError}
        </div>
      </div>
    );
  }
  if (!catalog || !cash || !pricing) {
    return (
      <div className="center-panel" role="status">
        <p className="muted">{t('counter.loading')}</p>
      </div>
    );
  }
  if (!cash.session) return <OpenCaixaPanel onOpened={() => void counter.loadCash()} />;

  return (
    <div className="counter" data-testid="counter-ready">
      <section className="counter-main" aria-label={t('counter.catalog')}>
        <CounterSearch counter={counter} catalog={catalog} />
        <ReadyStrip />
      </section>
      <CartPanel counter={counter} catalog={catalog} pricing={pricing} />
      <footer className="shortcut-bar" aria-label={t('counter.shortcutsLabel')}>
        {SHORTCUTS.map(([key, action]) => (
          <span key={action} className="shortcut-hint">
            <kbd>{key}</kbd> {t(`counter.shortcuts.${action}`)}
          </span>
        ))}
      </footer>
      <CounterDialogs counter={counter} catalog={catalog} pricing={pricing} />
      {counter.override.dialog}
    </div>
  );
}
