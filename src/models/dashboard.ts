import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import { FeedbackView } from './feedback.js';
import { PaymentMethod } from './money.js';
import type { OperationTable } from './operation.js';
import { stockOperations } from './stock.js';
import { SyncStatus } from './sync.js';

const Int = z.number().int();

/** Sold orders (paid, not voided nor cancelled) and what they took, net of discounts. */
export const SalesFigures = z.object({ orders: Int, netSales: Int, averageTicket: Int, discounts: Int });
export type SalesFigures = z.infer<typeof SalesFigures>;

const Apart = z.object({ count: Int, total: Int });

export const TopProduct = z.object({ productId: Id, name: z.string(), quantity: Int, netValue: Int });

export const DashboardView = z.object({
  businessDay: z.string(),
  /** The same weekday a week before, the comparison's day. */
  lastWeekDay: z.string(),
  /** Today's sold orders; voided and cancelled ones (and orders still open) are apart and never sales. */
  today: SalesFigures.extend({ voided: Apart, cancelled: Apart, open: Apart }),
  /** Last week's same weekday up to the same time of its business day. */
  lastWeek: SalesFigures,
  /** The business day hour by hour from the turn ("04:00" … "03:00"), today against the same weekday last week. */
  hours: z.array(z.object({ label: z.string(), today: Int, lastWeek: Int })),
  /** Which hour of `hours` now is in. */
  currentHour: Int,
  /** Up to ten each: items sold, and their value net of line discounts (an order-wide discount stays with the order). */
  topProducts: z.object({ byValue: z.array(TopProduct), byQuantity: z.array(TopProduct) }),
  /** What today's sales were paid with; cash is what stayed in the drawer (change already given back). */
  payments: z.array(z.object({ method: PaymentMethod, amount: Int, count: Int })),
  /** Every caixa open on any terminal this database knows, with the cash its drawer should hold. */
  caixas: z.array(
    z.object({ sessionId: Id, terminalLetter: z.string(), openedAt: EpochMs, openedByName: z.string(), openingFloat: Int, expectedCash: Int }),
  ),
  stock: stockOperations['stock.alerts'].output,
  /** The latest five ratings of one or two faces. */
  lowRatings: z.array(FeedbackView),
  health: z.object({
    /** Null where this core runs without a sync worker. */
    sync: SyncStatus.nullable(),
    webhooks: z.object({
      /** Endpoints with deliveries that ran out of attempts, or switched off by the receiver. */
      failing: z.array(z.object({ id: Id, url: z.string(), description: z.string().nullable(), dead: Int, disabledReason: z.string().nullable() })),
      queued: Int,
    }),
    printers: z.object({ pending: Int, failed: Int, lastError: z.string().nullable() }),
  }),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const dashboardOperations = {
  'reports.dashboard': {
    summary:
      'O painel do gerente: vendas, pedidos e ticket médio do dia (cancelados e estornados à parte), vendas por hora contra o mesmo dia da semana passada, produtos mais vendidos, formas de pagamento, caixas abertos, alertas de estoque, avaliações baixas e a saúde da sincronização, dos webhooks e da impressora.',
    input: Empty,
    output: DashboardView,
  },
} satisfies OperationTable;
