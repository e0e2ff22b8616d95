import { sessionsOpenedBetween } from '../../database/queries/reports.js';
import { businessDay } from '../../utils/business-day.js';
import { buildCashReport } from '../cash/cash-report.js';
import { defineScript } from '../script.js';
import { periodBounds, previousPeriod, resolvePeriod } from './period.js';
import { REPORT_READERS } from './report-rules.js';

/**
 * Each caixa opened in the period, as its X (open) or Z (closed) report reads, and the count
 * differences summed per cashier who opened them, so a drawer that is often short shows.
 */
export default defineScript('reports.caixas', {
  roles: REPORT_READERS,
  reads: 'worker',
  run(tx, input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const [start, end] = periodBounds(period, ctx.settings);
    const caixas = sessionsOpenedBetween(tx, start, end).map((session) => {
      const report = buildCashReport(tx, session);
      const closed = report.kind === 'Z';
      return {
        sessionId: session.id,
        kind: report.kind,
        businessDay: businessDay(session.openedAt, ctx.settings.timezone, ctx.settings.businessDayStartsAt),
        terminalLetter: report.session.terminalLetter,
        openedAt: session.openedAt,
        openedByName: session.openedByName,
        closedAt: report.session.closedAt,
        closedByName: report.session.closedByName,
        takings: report.methods.reduce((sum, m) => sum + m.sales - m.refunds, 0),
        difference: closed ? report.methods.reduce((sum, m) => sum + (m.difference ?? 0), 0) : null,
        methods: report.methods.map((m) => ({ method: m.method, expected: m.expected, counted: m.counted, difference: m.difference })),
      };
    });
    const cashiers = new Map<string, { name: string; caixas: number; closed: number; difference: number; shortages: number; overages: number }>();
    for (const caixa of caixas) {
      const cashier = cashiers.get(caixa.openedByName) ?? { name: caixa.openedByName, caixas: 0, closed: 0, difference: 0, shortages: 0, overages: 0 };
      cashier.caixas += 1;
      if (caixa.difference !== null) {
        cashier.closed += 1;
        cashier.difference += caixa.difference;
        if (caixa.difference < 0) cashier.shortages += caixa.difference;
        if (caixa.difference > 0) cashier.overages += caixa.difference;
      }
      cashiers.set(caixa.openedByName, cashier);
    }
    const byCashier = [...cashiers.values()].sort((a, b) => a.difference - b.difference || a.name.localeCompare(b.name));
    return { period, previousPeriod: previousPeriod(period), caixas, byCashier };
  },
});
