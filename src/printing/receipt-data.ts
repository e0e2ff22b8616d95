/** What the printing module needs to print; callers build it from stored rows (names and prices as sold). */

export type PaymentMethod = 'cash' | 'debit' | 'credit' | 'voucher' | 'pix';
export type OrderType = 'balcao' | 'viagem' | 'comanda';

export interface ReceiptLine {
  quantity: number;
  name: string;
  unitPrice: number;
  total: number;
  modifiers: { name: string; priceDelta: number }[];
  notes?: string | null;
}

export interface ReceiptData {
  shop: { name: string; document?: string | null; address?: string | null; phone?: string | null };
  order: {
    number: string;
    type: OrderType;
    customerName?: string | null;
    pager?: string | null;
    createdAt: number;
    paidAt?: number | null;
    cashierName: string;
    terminalLetter: string;
    status?: string;
  };
  lines: ReceiptLine[];
  subtotal: number; discount: number; total: number; // integer centavos
  payments: { method: PaymentMethod; amount: number; tendered?: number | null; change?: number | null }[];
  pix?: { payload: string } | null;
  feedbackCode?: string | null;
  reprint?: boolean; // prints "2ª VIA"
  timezone: string; // e.g. America/Sao_Paulo
}

export interface KitchenTicketData {
  shopName: string;
  order: { number: string; type: OrderType; customerName?: string | null; pager?: string | null; createdAt: number };
  station: string | null;
  /** Each item with the station that makes it (shown when the ticket spans several). */
  lines: { quantity: number; name: string; station?: string | null; modifiers: string[]; notes?: string | null }[];
  reprint?: boolean;
  timezone: string;
}

export type CashSlipKind = 'suprimento' | 'sangria' | 'abertura' | 'fechamento';

export interface CashSlipData {
  shopName: string;
  kind: CashSlipKind;
  amount: number; // integer centavos
  reason?: string | null;
  userName: string;
  terminalLetter: string;
  at: number;
  timezone: string;
  lines?: { label: string; value: string }[];
}

export type PaperWidth = 80 | 58;

/** The day's figures for the counter printer (integer centavos); every terminal's counted sales of that business day. */
export interface DaySummaryData {
  shopName: string;
  businessDay: string;
  printedAt: number;
  timezone: string;
  orders: number;
  gross: number;
  discounts: number;
  net: number;
  averageTicket: number;
  /** What stayed in the till per method (handed over less change). */
  payments: { label: string; orders: number; net: number }[];
  discountCount: number;
  discountTotal: number;
  voided: number;
  voidedTotal: number;
  cancelled: number;
  cancelledTotal: number;
  topProducts: { name: string; quantity: number; net: number }[];
}
