import { useCallback, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../src/models/orders';
import { Modal } from '../components/Modal';
import { ReceiptPreview } from '../components/ReceiptPreview';
import { formatBRL } from '../format';

export type DoneKind = 'paid' | 'opened' | 'added';

/**
 * After the sale: the order number big (what the customer listens for), the change to hand back,
 * the receipt to print, and "Novo pedido" (Enter) to serve the next customer.
 */
export function DoneDialog({ order, kind, onClose }: { order: OrderView; kind: DoneKind; onClose: () => void }) {
  const { t } = useTranslation();
  const print = useRef<((returnFocusTo?: HTMLElement | null) => void) | null>(null);
  const onPrintable = useCallback((fn: (returnFocusTo?: HTMLElement | null) => void) => {
    print.current = fn;
  }, []);
  const newOrder = useRef<HTMLButtonElement>(null);
  // F2 goes straight to the next customer's search, as it does on the counter.
  const onKeys = (event: KeyboardEvent) => {
    if (event.key !== 'F2') return;
    event.preventDefault();
    onClose();
  };
  const title = kind === 'paid' ? t('done.paidTitle') : kind === 'opened' ? t('done.openedTitle') : t('done.addedTitle');

  return (
    <Modal title={title} onClose={onClose} testId="order-done" size="wide">
      <div className="done-layout" onKeyDown={onKeys}>
        <div className="done-main">
          <p className="done-label">{t('done.orderNumber')}</p>
          <p className="done-number" data-testid="order-number">
            {order.number}
          </p>
          {(order.customerName || order.pager) && (
            <p className="done-customer">{[order.customerName, order.pager && t('counter.pagerShort', { pager: order.pager })].filter(Boolean).join(' · ')}</p>
          )}
          {kind === 'paid' ? (
            <>
              <div className="done-figures">
                <div>
                  <span>{t('done.total')}</span>
                  <strong>{formatBRL(order.total)}</strong>
                </div>
                <div className={order.change > 0 ? 'done-change' : ''}>
                  <span>{t('done.change')}</span>
                  <strong data-testid="order-change">{formatBRL(order.change)}</strong>
                </div>
              </div>
              <ul className="done-payments">
                {order.payments.map((payment) => (
                  <li key={payment.id}>
                    <span>{t(`methods.${payment.method}`)}</span>
                    <span>{formatBRL(payment.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="alert alert-info">{kind === 'opened' ? t('done.openedText', { due: formatBRL(order.due) }) : t('done.addedText', { due: formatBRL(order.due) })}</p>
          )}
          <div className="done-actions">
            {kind === 'paid' && (
              <button type="button" className="button button-secondary button-large" onClick={() => print.current?.(newOrder.current)} data-testid="print-receipt">
                {t('done.print')}
              </button>
            )}
            <button ref={newOrder} type="button" className="button button-primary button-large" onClick={onClose} data-autofocus data-testid="new-order">
              {t('done.newOrder')} <kbd>Enter</kbd>
            </button>
          </div>
        </div>
        {kind === 'paid' && (
          <div className="done-receipt">
            <ReceiptPreview orderId={order.id} onPrintable={onPrintable} />
          </div>
        )}
      </div>
    </Modal>
  );
}
