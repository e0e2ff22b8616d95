import { useEffect, useRef } from 'react';
import type { Discount } from '../../../src/models/money';
import type { OrderType, OrderView } from '../../../src/models/orders';
import { formatBRL, formatPercent, formatTime } from '../format';
import { useSession } from '../session';
import { hasOptions, type CartPricing } from './cart';
import type { LoadedCatalog } from './useCatalog';
import type { Counter } from './useCounter';
import { Segmented } from '../components/Segmented';

// The contract's order types (the renderer imports only types from the core, so the list is repeated and type-checked).
const TYPES = ['balcao', 'viagem', 'comanda'] as const satisfies readonly OrderType[];

const describeDiscount = (discount: Discount) => (discount.kind === 'percent' ? formatPercent(discount.value) : formatBRL(discount.value));

/** The cart side of the counter: the order being worked on or the new order's type and customer, its lines, the total and the buttons. */
export function CartPanel({ counter, catalog, pricing }: { counter: Counter; catalog: LoadedCatalog; pricing: CartPricing }) {
  const { t, target } = counter;
  return (
    <aside className="cart" aria-label={t('counter.cart')}>
      {target ? <TargetHead counter={counter} target={target} /> : <CartHead counter={counter} />}
      <CartLines counter={counter} catalog={catalog} pricing={pricing} />
      <CartFooter counter={counter} pricing={pricing} />
    </aside>
  );
}

function TargetHead({ counter, target }: { counter: Counter; target: OrderView }) {
  const { t, chooseTarget, setDialog } = counter;
  const { timeZone } = useSession();
  return (
    <div className="cart-target" data-testid="counter-target" data-number={target.number}>
      <div className="cart-target-head">
        <span className="cart-target-number">{target.number}</span>
        <span className="cart-target-info">
          <strong>{target.customerName || (target.pager ? t('counter.pagerShort', { pager: target.pager }) : t(`orderTypes.${target.type}`))}</strong>
          <span className="muted small">
            {t(`orderTypes.${target.type}`)} · {formatTime(target.createdAt, timeZone)} · {t('counter.targetDue', { due: formatBRL(target.due) })}
          </span>
        </span>
        <button type="button" className="button button-small button-ghost" onClick={() => chooseTarget(null)} data-testid="target-leave">
          {t('counter.leaveTarget')}
        </button>
      </div>
      {target.lines.length > 0 && (
        <ul className="cart-target-lines">
          {target.lines.map((line) => (
            <li key={line.id}>
              <span>
                {line.quantity} × {line.name}
              </span>
              <span>{formatBRL(line.total)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <button type="button" className="button button-small button-danger-outline" onClick={() => setDialog({ kind: 'cancelTarget' })} data-testid="target-cancel">
          {t('counter.cancelOrder')}
        </button>
      </div>
    </div>
  );
}

function CartHead({ counter }: { counter: Counter }) {
  const { t, cart, setDialog } = counter;
  return (
    <div className="cart-head">
      <Segmented
        label={t('counter.orderType')}
        options={TYPES}
        value={cart.type}
        onChange={(type) => counter.lines.setCart((c) => ({ ...c, type }))}
        optionLabel={(type) => t(`orderTypes.${type}`)}
        optionTestId={(type) => `order-type-${type}`}
      />
      <button type="button" className="cart-customer" onClick={() => setDialog({ kind: 'customer', required: false })} data-testid="customer-button">
        <span className="muted small">{t('counter.customer')}</span>
        <span className="cart-customer-name">{[cart.customerName, cart.pager && t('counter.pagerShort', { pager: cart.pager })].filter(Boolean).join(' · ') || t('counter.noCustomer')}</span>
        <kbd>F4</kbd>
      </button>
    </div>
  );
}

function CartLines({ counter, catalog, pricing }: { counter: Counter; catalog: LoadedCatalog; pricing: CartPricing }) {
  const { t, cart, target, setDialog, openDiscount } = counter;
  const { selectedId, setSelectedId, changeQuantity, removeLine } = counter.lines;
  const cartRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    cartRef.current?.querySelector('.cart-line.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, cart.lines.length]);

  return (
    <ol className="cart-lines" ref={cartRef} aria-label={t('counter.items')}>
      {cart.lines.length === 0 && <li className="cart-empty muted">{target ? t('counter.emptyTarget') : t('counter.emptyCartHint')}</li>}
      {pricing.lines.map((priced) => {
        const line = priced.line;
        const isSelected = line.id === selectedId;
        const product = catalog.maps.products.get(line.productId);
        return (
          <li
            key={line.id}
            className={`cart-line${isSelected ? ' selected' : ''}`}
            onClick={() => setSelectedId(line.id)}
            data-testid="cart-line"
            data-name={priced.name}
            aria-current={isSelected ? 'true' : undefined}
          >
            <div className="cart-line-main">
              <span className="cart-line-qty" data-testid="line-quantity">
                {line.quantity}×
              </span>
              <span className="cart-line-name">{priced.name}</span>
              <span className="cart-line-total">
                {priced.discount > 0 && <s className="muted small">{formatBRL(priced.gross)}</s>} {formatBRL(priced.total)}
              </span>
            </div>
            {(priced.combo.length > 0 || priced.modifiers.length > 0 || line.notes || line.discount) && (
              <div className="cart-line-details">
                {priced.combo.map((c) => (
                  <span key={c.slotName} className="cart-chip">
                    {c.slotName}: {c.productName}
                    {c.modifiers.length > 0 && ` (${c.modifiers.join(', ')})`}
                  </span>
                ))}
                {priced.modifiers.map((m) => (
                  <span key={m.name} className="cart-chip">
                    {m.name}
                  </span>
                ))}
                {line.notes && <span className="cart-note">“{line.notes}”</span>}
                {line.discount && <span className="badge badge-warning">− {describeDiscount(line.discount)}</span>}
              </div>
            )}
            {isSelected && (
              <div className="cart-line-actions" onClick={(e) => e.stopPropagation()}>
                <div className="stepper stepper-small">
                  <button type="button" className="stepper-button" aria-label={t('counter.less')} onClick={() => changeQuantity(line.id, -1)} data-testid="line-minus">
                    −
                  </button>
                  <span className="stepper-value">{line.quantity}</span>
                  <button type="button" className="stepper-button" aria-label={t('counter.more')} onClick={() => changeQuantity(line.id, 1)} data-testid="line-plus">
                    +
                  </button>
                </div>
                {product && hasOptions(catalog.maps, product) && (
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() =>
                      setDialog({ kind: 'options', product, lineId: line.id, initial: { quantity: line.quantity, modifierOptionIds: line.modifierOptionIds, comboChoices: line.comboChoices, notes: line.notes } })
                    }
                  >
                    {t('counter.editLine')}
                  </button>
                )}
                <button type="button" className="button button-small button-secondary" onClick={() => setDialog({ kind: 'notes', lineId: line.id })} data-testid="line-notes">
                  {t('counter.notes')}
                </button>
                <button type="button" className="button button-small button-secondary" onClick={() => openDiscount(line.id)} data-testid="line-discount">
                  {t('counter.discount')}
                </button>
                <button type="button" className="button button-small button-danger-outline" onClick={() => removeLine(line.id)} data-testid="line-remove">
                  {t('counter.remove')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function CartFooter({ counter, pricing }: { counter: Counter; pricing: CartPricing }) {
  const { t, cart, target, error, busy, setDialog, due } = counter;
  const primaryLabel = target ? (cart.lines.length ? t('counter.sendLines') : t('counter.receive')) : cart.type === 'comanda' ? t('counter.openTab') : t('counter.pay');
  return (
    <div className="cart-footer">
      {error && (
        <div className="alert alert-error" role="alert" data-testid="counter-error">
          {error}
        </div>
      )}
      <dl className="cart-totals">
        {target && (
          <div>
            <dt>{t('counter.alreadyInTab')}</dt>
            <dd>{formatBRL(target.due)}</dd>
          </div>
        )}
        <div>
          <dt>{t('counter.subtotal')}</dt>
          <dd>{formatBRL(pricing.lines.reduce((s, l) => s + l.gross, 0))}</dd>
        </div>
        {pricing.discounts > 0 && (
          <div className="cart-discount">
            <dt>
              {t('counter.discounts')}
              {cart.discount && !target && <span className="muted small"> ({describeDiscount(cart.discount)})</span>}
            </dt>
            <dd>− {formatBRL(pricing.discounts)}</dd>
          </div>
        )}
        <div className="cart-total">
          <dt>{target ? t('counter.toReceive') : t('counter.total')}</dt>
          <dd data-testid="cart-total">{formatBRL(due)}</dd>
        </div>
      </dl>
      <div className="cart-buttons">
        <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: 'openOrders' })} data-testid="open-orders-button">
          {t('counter.openOrders')} <kbd>F3</kbd>
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => (cart.lines.length ? setDialog({ kind: 'hold' }) : setDialog({ kind: 'recall' }))}
          disabled={Boolean(target)}
          data-testid="hold-button"
        >
          {cart.lines.length ? t('counter.hold') : t('counter.recall')} <kbd>{cart.lines.length ? 'F8' : 'F9'}</kbd>
        </button>
      </div>
      <button type="button" className="button button-primary cart-pay" onClick={() => void counter.primary()} disabled={busy || (!target && cart.lines.length === 0)} data-testid="pay-button">
        <span>{busy ? t('common.sending') : primaryLabel}</span>
        <kbd>F10</kbd>
      </button>
    </div>
  );
}
