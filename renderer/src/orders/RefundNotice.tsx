import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../src/models/money';
import { formatBRL } from '../format';

export interface Refund {
  method: PaymentMethod;
  amount: number;
}

/** The refunds of a void added up per method, in the order the payments were made. */
export function refundsByMethod(refunds: readonly Refund[]): Refund[] {
  const totals = new Map<PaymentMethod, number>();
  for (const refund of refunds) totals.set(refund.method, (totals.get(refund.method) ?? 0) + refund.amount);
  return [...totals].map(([method, amount]) => ({ method, amount }));
}

/**
 * After a void, what the cashier must hand back, per method ("Devolva R$ 11,00 em dinheiro"). It stays
 * on screen until closed: a toast that fades could leave the customer without their money.
 */
export function RefundNotice({ number, refunds, onClose }: { number: string; refunds: readonly Refund[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info refund-notice" role="alert" data-testid="refund-notice">
      <div className="refund-notice-head">
        <strong>{t('orders.refund.title', { number })}</strong>
        <button type="button" className="button button-small button-secondary" onClick={onClose} data-testid="refund-notice-close">
          {t('common.close')}
        </button>
      </div>
      <ul className="refund-lines">
        {refundsByMethod(refunds).map((refund) => (
          <li key={refund.method} data-testid="refund-line">
            {t(`orders.refund.methods.${refund.method}`, { amount: formatBRL(refund.amount) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
