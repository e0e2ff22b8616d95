import type { TFunction } from 'i18next';
import type { CashReport } from '../../../src/models/cash';
import { formatBRL, formatDateTime } from '../format';
import { escapeHtml } from '../printing';

export const NOT_FISCAL = 'NÃO É DOCUMENTO FISCAL';

/** A label and its value on one line of the slip. */
export const slipRow = (label: string, value: string) => `<div class="row"><span>${escapeHtml(label)}</span><span>${escapeHtml(value)}</span></div>`;

/** An 80 mm page for the browser's print dialog: the cash slips printed from the screen. */
export const slipPage = (title: string, body: string): string => `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page{size:80mm auto;margin:0}body{width:72mm;margin:0 auto;padding:3mm 0;font:12px "DejaVu Sans Mono",Consolas,monospace;color:#000}
.c{text-align:center}.b{font-weight:bold}.big{font-size:1.6em;font-weight:bold;text-align:center;margin:2mm 0}.nf{border:2px solid #000;text-align:center;font-weight:bold;padding:1mm;margin:2mm 0}
.row{display:flex;justify-content:space-between;gap:2mm}hr{border:0;border-top:1px dashed #000}.sig{margin-top:12mm;border-top:1px solid #000;text-align:center}
.small{font-size:10px;word-break:break-all}
</style></head><body>
${body}
</body></html>`;

/**
 * The Z report on paper: per method what was expected, counted and the difference, the drawer's
 * total, and the audit chain's head at the close (a witness of the audit kept off the computer).
 */
export function zReportHtml(report: CashReport, shop: string, timeZone: string, t: TFunction): string {
  const { session } = report;
  const title = t('cashReport.zTitle');
  const methods = report.methods
    .map((line) =>
      [
        `<div class="b">${escapeHtml(t(`methods.${line.method}`))}</div>`,
        slipRow(t('cashReport.columns.expected'), formatBRL(line.expected)),
        slipRow(t('cashReport.columns.counted'), line.counted === null ? '—' : formatBRL(line.counted)),
        slipRow(t('cashReport.columns.difference'), formatBRL(line.difference ?? 0)),
      ].join(''),
    )
    .join('');
  return slipPage(
    title,
    [
      `<div class="c b">${escapeHtml(shop)}</div><div class="nf">${NOT_FISCAL}</div><div class="c b">${escapeHtml(title)}</div><hr>`,
      slipRow('Terminal', session.terminalLetter),
      slipRow(t('cashReport.openedAt'), formatDateTime(session.openedAt, timeZone)),
      session.closedAt !== null ? slipRow(t('cashReport.closedAt'), formatDateTime(session.closedAt, timeZone)) : '',
      slipRow(t('cashReport.closedBy'), session.closedByName ?? ''),
      '<hr>',
      methods,
      '<hr>',
      slipRow(t('cashReport.cash.expected'), formatBRL(report.cash.expected)),
      slipRow(t('cashReport.orders.count'), String(report.orders.count)),
      slipRow(t('cashReport.orders.total'), formatBRL(report.orders.total)),
      report.auditHead
        ? `<hr><div class="small" data-audit>${escapeHtml(t('cashReport.audit', { seq: report.auditHead.seq, hash: report.auditHead.hash.slice(0, 16) }))}</div>`
        : '',
      `<div class="sig">${escapeHtml(session.closedByName ?? '')}</div>`,
    ].join('\n'),
  );
}
