import { BusinessError } from '../../exceptions/business-error.js';
import { businessDay } from '../../utils/business-day.js';
import { dayLabel } from './sales-report.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { defineScript } from '../script.js';
import { REPORT_READERS } from './report-rules.js';

/**
 * Queues the day's summary for the counter printer, as sales print: the worker prints it after commit,
 * and a printer that is off leaves a failed job to retry. The id the screen made keeps a double click or
 * a lost reply from printing twice.
 */
export default defineScript('reports.printDaySummary', {
  roles: REPORT_READERS,
  retry: { key: (input) => `day_summary:${input.id}`, conflict: { message: 'Este pedido de impressão já foi feito para outro dia.', field: 'day' } },
  run(tx, input, ctx) {
    if (!ctx.settings.printerAddress) throw new BusinessError('INVALID_STATE', 'Nenhuma impressora configurada (Configurações → Impressora).', 'day');
    const today = businessDay(ctx.now, ctx.settings.timezone, ctx.settings.businessDayStartsAt);
    const day = input.day ?? today;
    if (day > today) throw new BusinessError('VALIDATION', 'O dia do resumo não pode ser depois de hoje.', 'day');
    return { jobId: enqueuePrint(tx, ctx, 'day_summary', day, `Resumo do dia ${dayLabel(day)}`), day };
  },
});
