import type { CashSlipKind, OrderType, PaymentMethod, ReceiptData, ReceiptLine } from './receipt-data.js';

export { formatDateTime } from '../utils/format.js';

const BRL = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const QUANTITY = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3 });

/** "R$ 1.234,56" from integer centavos, exactly as Intl writes it (with its non-breaking space). */
export const formatCentavos = (centavos: number): string => BRL.format(centavos / 100);

/**
 * The same with plain spaces, for the printer: Intl puts U+00A0 after "R$", which cp860 holds only
 * as 0xFF, a byte some printer fonts draw as a block instead of a blank.
 */
export const formatCentavosPlain = (centavos: number): string => plainSpaces(formatCentavos(centavos));

/** "+ R$ 3,00" / "- R$ 1,00" for modifier price changes; plain spaces so it serves both outputs. */
export const formatDelta = (centavos: number): string =>
  `${centavos < 0 ? '-' : '+'} ${formatCentavosPlain(Math.abs(centavos))}`;

/** Quantities as the customer reads them: 2, 0,5. */
export const formatQuantity = (quantity: number): string => QUANTITY.format(quantity);

export const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Dinheiro',
  debit: 'Débito',
  credit: 'Crédito',
  voucher: 'Vale-refeição',
  pix: 'PIX',
};

export const ORDER_TYPE_LABELS: Record<OrderType, string> = {
  balcao: 'Balcão',
  viagem: 'Para viagem',
  comanda: 'Comanda',
};

export const CASH_SLIP_TITLES: Record<CashSlipKind, string> = {
  suprimento: 'SUPRIMENTO DE CAIXA',
  sangria: 'SANGRIA DE CAIXA',
  abertura: 'ABERTURA DE CAIXA',
  fechamento: 'FECHAMENTO DE CAIXA',
};

export const paymentMethodLabel = (method: PaymentMethod): string => PAYMENT_METHOD_LABELS[method];
export const orderTypeLabel = (type: OrderType): string => ORDER_TYPE_LABELS[type];

export const NOT_FISCAL = 'NÃO É DOCUMENTO FISCAL';
export const REPRINT = '2ª VIA';

const VOID_STATUSES = new Set(['voided', 'void', 'cancelled', 'canceled', 'cancelado']);

/** Only a cancelled order changes what the customer must read; other statuses are internal. */
export const isVoided = (status: string | undefined): boolean => VOID_STATUSES.has(status ?? '');

/** A paid order with a PIX payment: its receipt says so instead of charging again. */
export const PAID_WITH_PIX = 'Pago com PIX';
export const paidWithPix = (data: Pick<ReceiptData, 'order' | 'payments'>): boolean =>
  data.order.paidAt != null && data.payments.some((p) => p.method === 'pix');

/** The unit price says something only when it differs from the line total. */
export const showsUnitPrice = (line: ReceiptLine): boolean => line.quantity !== 1 || line.unitPrice !== line.total;

