import type { ProductView } from '../../../src/models/catalog';
import type { OrderView } from '../../../src/models/orders';
import { api } from '../api';
import { sendWithOverride } from '../components/OverrideDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { formatTime } from '../format';
import { uuidv7 } from '../ids';
import { useSession } from '../session';
import { readCart, type CartPricing } from './cart';
import { CustomerDialog, DiscountDialog, HoldDialog, NotesDialog, OpenOrdersDialog, RecallDialog } from './CartDialogs';
import { DoneDialog, type DoneKind } from './DoneDialog';
import { OptionsDialog, type LineOptions } from './OptionsDialog';
import { PayDialog } from './PayDialog';
import { SoldOutDialog } from './SoldOutDialog';
import type { LoadedCatalog } from './useCatalog';
import type { Counter } from './useCounter';

export type CounterDialog =
  | { kind: 'options'; product: ProductView; initial: LineOptions; lineId: string | null }
  | { kind: 'customer'; required: boolean }
  | { kind: 'discount'; key: string }
  | { kind: 'notes'; lineId: string }
  | { kind: 'hold' }
  | { kind: 'recall' }
  | { kind: 'openOrders' }
  | { kind: 'pay' }
  | { kind: 'cancelTarget' }
  | { kind: 'soldOut'; product: ProductView }
  | { kind: 'done'; order: OrderView; doneKind: DoneKind };

/** The counter's one open dialog, if any, and what each does when confirmed. */
export function CounterDialogs({ counter, catalog, pricing }: { counter: Counter; catalog: LoadedCatalog; pricing: CartPricing }) {
  const { t, notify, cart, target, dialog, setDialog, chooseTarget, override, resetCart, update } = counter;
  const { setCart, patchLine, addLine, setSelectedId } = counter.lines;
  const { timeZone } = useSession();
  const close = () => setDialog(null);
  if (!dialog) return null;

  switch (dialog.kind) {
    case 'options':
      return (
        <OptionsDialog
          maps={catalog.maps}
          product={dialog.product}
          initial={dialog.initial}
          editing={dialog.lineId !== null}
          onClose={close}
          onConfirm={(options) => {
            if (dialog.lineId) patchLine(dialog.lineId, options);
            else addLine({ productId: dialog.product.id, ...options, discount: null });
            close();
          }}
        />
      );
    case 'customer':
      return (
        <CustomerDialog
          customerName={cart.customerName}
          pager={cart.pager}
          required={dialog.required}
          onClose={close}
          onSave={(values) => {
            setCart((c) => ({ ...c, ...values }));
            close();
          }}
        />
      );
    case 'discount':
      if (!counter.discountTargets.length) return null;
      return (
        <DiscountDialog
          targets={counter.discountTargets}
          initialKey={dialog.key}
          onClose={close}
          onApply={(key, discount) => {
            if (key === 'order') setCart((c) => ({ ...c, discount }));
            else patchLine(key, { discount });
            close();
          }}
        />
      );
    case 'notes':
      return (
        <NotesDialog
          name={pricing.lines.find((l) => l.line.id === dialog.lineId)?.name ?? ''}
          notes={cart.lines.find((l) => l.id === dialog.lineId)?.notes ?? ''}
          onClose={close}
          onSave={(notes) => {
            patchLine(dialog.lineId, { notes });
            close();
          }}
        />
      );
    case 'hold':
      return (
        <HoldDialog
          defaultLabel={cart.customerName || (cart.pager ? t('counter.pagerShort', { pager: cart.pager }) : t('hold.defaultLabel', { time: formatTime(Date.now(), timeZone) }))}
          onClose={close}
          onHold={async (label) => {
            const outcome = await api.call('orders.hold', { id: cart.orderId, label, cart: cart as unknown as Record<string, unknown> });
            if (!outcome.ok) return outcome.error.message;
            resetCart();
            close();
            notify(t('hold.done', { label }));
            return null;
          }}
        />
      );
    case 'recall':
      return (
        <RecallDialog
          maps={catalog.maps}
          onClose={close}
          onRecall={async (held) => {
            const outcome = await api.call('orders.recall', { id: held.id });
            if (!outcome.ok) return outcome.error.message;
            const recalled = readCart(outcome.result.cart);
            if (!recalled) return t('recall.unreadable');
            const known = recalled.lines.filter((line) => catalog.maps.products.has(line.productId));
            if (known.length < recalled.lines.length) notify(t('recall.dropped', { count: recalled.lines.length - known.length }));
            // A new id: held again later, it is a new hold, not a resend of the first one.
            update((s) => ({ ...s, cart: { ...recalled, orderId: uuidv7(), lines: known } }));
            setSelectedId(null);
            close();
            return null;
          }}
        />
      );
    case 'openOrders':
      return <OpenOrdersDialog onClose={close} onAdd={(order) => void counter.openTarget(order.id, 'add')} onPay={(order) => void counter.openTarget(order.id, 'pay')} />;
    case 'pay':
      return (
        <PayDialog
          due={counter.due}
          title={target ? t('pay.titleFor', { number: target.number }) : t('pay.title')}
          onClose={close}
          onPay={counter.sales.pay}
          onPixCharge={counter.sales.pixCharge}
        />
      );
    case 'cancelTarget':
      if (!target) return null;
      return (
        <ReasonDialog
          title={t('counter.cancelTitle', { number: target.number })}
          text={t('counter.cancelText')}
          confirmLabel={t('counter.cancelOrder')}
          onClose={close}
          onConfirm={async (reason) => {
            const outcome = await sendWithOverride(
              (overrideToken) => api.call('orders.cancel', { orderId: target.id, reason, ...(overrideToken ? { overrideToken } : {}) }),
              override,
              { operation: 'orders.cancel', recordId: target.id, reason: t('override.reasons.cancelAfterKitchen', { number: target.number }) },
            );
            if (!outcome.ok) return outcome.error.code === 'OVERRIDE_REQUIRED' ? t('override.notGiven') : outcome.error.message;
            chooseTarget(null);
            close();
            notify(t('counter.cancelled', { number: target.number }));
            return null;
          }}
        />
      );
    case 'soldOut':
      return (
        <SoldOutDialog
          product={dialog.product}
          onClose={close}
          onConfirm={() => {
            void counter.toggleSoldOut(dialog.product);
            close();
          }}
        />
      );
    case 'done':
      return (
        <DoneDialog
          order={dialog.order}
          kind={dialog.doneKind}
          onClose={() => {
            close();
            requestAnimationFrame(counter.focusSearch);
          }}
        />
      );
  }
}
