import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashReport } from '../../../src/models/cash';
import { formatBRL, formatDateTime } from '../format';
import { useSession } from '../session';

const signed = (centavos: number) => (centavos > 0 ? `+ ${formatBRL(centavos)}` : centavos < 0 ? `− ${formatBRL(-centavos)}` : formatBRL(0));

/**
 * The X report (caixa open) or Z report (closed): per method what was expected, what was counted and
 * the difference — shortages in red, overs in amber — then the cash drawer's arithmetic, the orders
 * and the movements.
 */
export function CashReportView({ report, actions }: { report: CashReport; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const { session, cash, orders } = report;
  const closed = report.kind === 'Z';

  return (
    <div className="report" data-testid={closed ? 'z-report' : 'x-report'} data-kind={report.kind}>
      <div className="report-head">
        <span className={`report-kind report-kind-${report.kind}`}>{t('cashReport.kind', { kind: report.kind })}</span>
        <div>
          <h2>{closed ? t('cashReport.zTitle') : t('cashReport.xTitle')}</h2>
          <p className="muted small">
            {t('cashReport.session', { letter: session.terminalLetter, opened: formatDateTime(session.openedAt, timeZone), by: session.openedByName })}
            {session.closedAt !== null && ` · ${t('cashReport.closed', { at: formatDateTime(session.closedAt, timeZone), by: session.closedByName ?? '' })}`}
            {session.confirmedAt !== null && ` · ${t('cashReport.confirmed', { by: session.confirmedByName ?? '' })}`}
          </p>
          {report.auditHead && (
            <p className="muted small" data-testid="report-audit">
              {t('cashReport.audit', { seq: report.auditHead.seq, hash: report.auditHead.hash.slice(0, 16) })}
            </p>
          )}
        </div>
        {actions && <div className="report-actions">{actions}</div>}
      </div>

      <div className="report-main">

      <div className="table-wrap">
        <table className="table report-table" data-testid="report-methods">
          <caption className="visually-hidden">{t('cashReport.methodsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cashReport.columns.method')}</th>
              <th scope="col" className="num">
                {t('cashReport.columns.sales')}
              </th>
              <th scope="col" className="num">
                {t('cashReport.columns.refunds')}
              </th>
              <th scope="col" className="num">
                {t('cashReport.columns.expected')}
              </th>
              {closed && (
                <>
                  <th scope="col" className="num">
                    {t('cashReport.columns.counted')}
                  </th>
                  <th scope="col" className="num">
                    {t('cashReport.columns.difference')}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {report.methods.map((line) => {
              const difference = line.difference ?? 0;
              const tone = difference < 0 ? 'short' : difference > 0 ? 'over' : 'even';
              return (
                <tr key={line.method} data-testid="report-method" data-method={line.method} className={closed ? `diff-${tone}` : undefined}>
                  <th scope="row">{t(`methods.${line.method}`)}</th>
                  <td className="num">{formatBRL(line.sales)}</td>
                  <td className="num">{line.refunds ? `− ${formatBRL(line.refunds)}` : formatBRL(0)}</td>
                  <td className="num" data-testid="report-expected" data-value={line.expected}>
                    {formatBRL(line.expected)}
                  </td>
                  {closed && (
                    <>
                      <td className="num" data-testid="report-counted" data-value={line.counted ?? ''}>
                        {line.counted === null ? '—' : formatBRL(line.counted)}
                      </td>
                      <td className="num report-difference" data-testid="report-difference" data-value={difference}>
                        {signed(difference)}
                        {tone !== 'even' && <span className={`badge ${tone === 'short' ? 'badge-danger' : 'badge-warning'}`}>{t(`cashReport.${tone}`)}</span>}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

        <section className="panel report-panel" aria-labelledby="report-cash">
          <h3 id="report-cash" className="section-title">
            {t('cashReport.cashTitle')}
          </h3>
          <dl className="report-lines" data-testid="report-cash">
            <div>
              <dt>{t('cashReport.cash.openingFloat')}</dt>
              <dd>{formatBRL(cash.openingFloat)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.cash.received')}</dt>
              <dd>+ {formatBRL(cash.received)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.cash.change')}</dt>
              <dd>− {formatBRL(cash.change)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.cash.suprimentos')}</dt>
              <dd>+ {formatBRL(cash.suprimentos)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.cash.sangrias')}</dt>
              <dd>− {formatBRL(cash.sangrias)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.cash.refunds')}</dt>
              <dd>− {formatBRL(cash.refunds)}</dd>
            </div>
            <div className="report-total">
              <dt>{t('cashReport.cash.expected')}</dt>
              <dd data-testid="report-cash-expected">{formatBRL(cash.expected)}</dd>
            </div>
          </dl>
        </section>
      </div>

      <div className="report-grid">
        <section className="panel report-panel" aria-labelledby="report-orders">
          <h3 id="report-orders" className="section-title">
            {t('cashReport.ordersTitle')}
          </h3>
          <dl className="report-lines" data-testid="report-orders">
            <div>
              <dt>{t('cashReport.orders.count')}</dt>
              <dd data-testid="report-orders-count">{orders.count}</dd>
            </div>
            <div>
              <dt>{t('cashReport.orders.total')}</dt>
              <dd>{formatBRL(orders.total)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.orders.discounts')}</dt>
              <dd>{formatBRL(orders.discounts)}</dd>
            </div>
            <div>
              <dt>{t('cashReport.orders.cancelled')}</dt>
              <dd>{orders.cancelled}</dd>
            </div>
            <div>
              <dt>{t('cashReport.orders.voided')}</dt>
              <dd data-testid="report-orders-voided">
                {orders.voided} · {formatBRL(orders.voidedTotal)}
              </dd>
            </div>
          </dl>
        </section>
        {report.movements.length > 0 && (
          <section className="panel report-panel" aria-labelledby="report-movements">
            <h3 id="report-movements" className="section-title">
              {t('cashReport.movementsTitle')}
            </h3>
            <ul className="report-movements">
              {report.movements.map((movement) => (
                <li key={movement.id}>
                  <span className={`badge ${movement.kind === 'sangria' ? 'badge-danger' : 'badge-success'}`}>{t(`cashMovement.kinds.${movement.kind}`)}</span>
                  <span>{movement.reason}</span>
                  <span className="muted small">
                    {formatDateTime(movement.at, timeZone)} · {movement.byName}
                  </span>
                  <strong>{formatBRL(movement.amount)}</strong>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}
