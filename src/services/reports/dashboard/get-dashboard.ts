import { expectedBySession, openSessions } from '../../../database/queries/cash.js';
import { paymentMix, printJobHealth, productSales } from '../../../database/queries/dashboard.js';
import { PAYMENT_METHODS } from '../../../models/money.js';
import { MANAGER_ROLES } from '../../../models/roles.js';
import { businessDay } from '../../../utils/business-day.js';
import { compareNames } from '../../../utils/text.js';
import { queryFeedback } from '../../feedback/feedback-query.js';
import { defineScript } from '../../script.js';
import { stockAlerts } from '../../stock/stock-alerts.js';
import { endpointViews } from '../../webhooks/endpoint-store.js';
import { comparedDays, salesByHour, salesCards } from './day-figures.js';

const TOP = 10;
const LOW_RATING = 2;
const LOW_RATINGS_SHOWN = 5;

/**
 * The manager's dashboard: how today's business day is going against the same weekday last week,
 * and what needs a look now (caixas, stock, unhappy customers, sync, webhooks, printer). Reads only,
 * and only today's and last week's orders, so it stays quick on a year of sales.
 */
export default defineScript('reports.dashboard', {
  roles: MANAGER_ROLES,
  reads: 'worker',
  run(tx, _input, ctx) {
    const { timezone, businessDayStartsAt } = ctx.settings;
    const days = comparedDays(ctx.now, businessDay(ctx.now, timezone, businessDayStartsAt), timezone, businessDayStartsAt);

    const products = productSales(tx, days.today);
    const byValue = [...products].sort((a, b) => b.netValue - a.netValue || b.quantity - a.quantity || compareNames(a.name, b.name));
    const byQuantity = [...products].sort((a, b) => b.quantity - a.quantity || b.netValue - a.netValue || compareNames(a.name, b.name));
    const payments = paymentMix(tx, days.today).sort((a, b) => PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method));

    const caixas = openSessions(tx).map((session) => ({
      sessionId: session.id,
      terminalLetter: session.terminalLetter,
      openedAt: session.openedAt,
      openedByName: session.openedByName,
      openingFloat: session.openingFloat,
      expectedCash: expectedBySession(tx, session).cash.expected,
    }));

    const endpoints = endpointViews(tx);
    return {
      businessDay: days.today,
      lastWeekDay: days.lastWeek,
      ...salesCards(tx, days),
      ...salesByHour(tx, days, timezone),
      topProducts: { byValue: byValue.slice(0, TOP), byQuantity: byQuantity.slice(0, TOP) },
      payments,
      caixas,
      stock: stockAlerts(tx, ctx),
      lowRatings: queryFeedback(tx, { maxRating: LOW_RATING }, LOW_RATINGS_SHOWN),
      health: {
        sync: ctx.syncStatus,
        webhooks: {
          failing: endpoints
            .filter((endpoint) => endpoint.dead > 0 || endpoint.disabledReason !== null)
            .map(({ id, url, description, dead, disabledReason }) => ({ id, url, description, dead, disabledReason })),
          queued: endpoints.reduce((sum, endpoint) => sum + endpoint.pending, 0),
        },
        printers: printJobHealth(tx),
      },
    };
  },
});
