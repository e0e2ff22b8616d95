import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayView } from '../../../src/models/display';
import { LiveIndicator } from '../components/LiveIndicator';
import type { DeviceClient } from '../devices/deviceSession';
import { formatBRL } from '../format';
import { useDisplayState } from './useDisplayState';
import { useSlides } from './useSlides';
import './display.css';

/**
 * The screen facing the customer, in large type and the shop's colour: the cart as the cashier builds
 * it and its total, the PIX QR with its "copia e cola", the change and "Obrigado!" with how to rate the
 * order, and the idle slides when no sale is open. It shows only what its counter pushed.
 */
export function CustomerDisplay({ client, onRefused }: { client: DeviceClient; onRefused: () => void }) {
  const { view, phase } = useDisplayState(client, onRefused);
  const slide = useSlides(client, phase === 'idle');
  const style = { '--display-color': view?.color ?? 'var(--brand)' } as CSSProperties;
  return (
    <div className="customer-display" style={style} data-testid="customer-display" data-phase={phase}>
      <LiveIndicator source={client} />
      <header className="cd-header">
        <h1 data-testid="cd-shop-name">{view?.shopName}</h1>
      </header>
      <main className="cd-main">
        {phase === 'idle' || !view ? <IdleScreen slide={slide} /> : null}
        {phase === 'cart' && view ? <CartView view={view} /> : null}
        {phase === 'pix' && view?.pix ? <PixView view={view} pix={view.pix} /> : null}
        {phase === 'paid' && view?.paid ? <ThanksView paid={view.paid} /> : null}
      </main>
    </div>
  );
}

function IdleScreen({ slide }: { slide: string | null }) {
  const { t } = useTranslation();
  if (slide) return <img className="cd-slide" src={slide} alt="" data-testid="cd-slide" />;
  return <p className="cd-welcome">{t('display.screen.welcome')}</p>;
}

function CartView({ view }: { view: DisplayView }) {
  const { t } = useTranslation();
  return (
    <section className="cd-cart" aria-label={t('display.screen.yourOrder')}>
      <CartLines view={view} />
      <Totals view={view} />
    </section>
  );
}

function CartLines({ view }: { view: DisplayView }) {
  const { t } = useTranslation();
  return (
    <ol className="cd-lines" data-testid="cd-lines">
      {view.lines.map((line, index) => (
        <li key={index} className="cd-line" data-testid="cd-line">
          <span className="cd-qty">{t('display.screen.quantity', { count: line.quantity })}</span>
          <span className="cd-name">
            {line.name}
            {line.modifiers.length > 0 && <small className="cd-mods">{line.modifiers.join(' · ')}</small>}
            {line.discount > 0 && <small className="cd-mods">{`${t('display.screen.discount')} −${formatBRL(line.discount)}`}</small>}
          </span>
          <span className="cd-amount">{formatBRL(line.total)}</span>
        </li>
      ))}
    </ol>
  );
}

function Totals({ view }: { view: DisplayView }) {
  const { t } = useTranslation();
  return (
    <dl className="cd-totals">
      {view.discount > 0 && (
        <>
          <dt>{t('display.screen.subtotal')}</dt>
          <dd>{formatBRL(view.subtotal)}</dd>
          <dt>{t('display.screen.discount')}</dt>
          <dd>−{formatBRL(view.discount)}</dd>
        </>
      )}
      <dt className="cd-total-label">{t('display.screen.total')}</dt>
      <dd className="cd-total" data-testid="cd-total">
        {formatBRL(view.total)}
      </dd>
    </dl>
  );
}

function PixView({ view, pix }: { view: DisplayView; pix: NonNullable<DisplayView['pix']> }) {
  const { t } = useTranslation();
  return (
    <section className="cd-pix" data-testid="cd-pix">
      <div className="cd-pix-qr">
        <h2>{t('display.screen.pixTitle', { amount: formatBRL(pix.amount) })}</h2>
        <img className="cd-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(pix.svg)}`} alt={t('display.screen.pixScan')} data-testid="cd-pix-qr" />
        <p>{t('display.screen.pixScan')}</p>
        <p className="cd-pix-label">{t('display.screen.pixCopyPaste')}</p>
        <p className="cd-pix-payload" data-testid="cd-pix-payload">
          {pix.payload}
        </p>
      </div>
      <div className="cd-pix-cart">
        <CartLines view={view} />
        <Totals view={view} />
      </div>
    </section>
  );
}

function ThanksView({ paid }: { paid: NonNullable<DisplayView['paid']> }) {
  const { t } = useTranslation();
  return (
    <section className="cd-thanks" data-testid="cd-thanks">
      <p className="cd-number">{t('display.screen.orderNumber', { number: paid.number })}</p>
      {paid.change > 0 && (
        <p className="cd-change" data-testid="cd-change">
          {t('display.screen.change', { amount: formatBRL(paid.change) })}
        </p>
      )}
      <p className="cd-thanks-title">{t('display.screen.thanks')}</p>
      <p className="cd-rate">
        {t('display.screen.rate')} <strong data-testid="cd-feedback-code">{paid.feedbackCode}</strong>
      </p>
    </section>
  );
}
