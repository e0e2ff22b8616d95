import { dayLabel } from '../sales-report.js';
import { defineScript } from '../../script.js';
import { CHAIN_ROLES, describeChainError, openChainReader, requireChainShop } from './chain-link.js';

/** "Testar": reads the shop's terminals and its last day with sales, and says so in a sentence. Only reads. */
export default defineScript('reports.chainTest', {
  roles: CHAIN_ROLES,
  readOnly: true,
  async prepare(input, ctx) {
    const shop = requireChainShop(ctx.db, input.id);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const reader = openChainReader(ctx.db, shop.id);
    if ('error' in reader) return { ok: false, message: reader.error, terminals: null, lastSaleDay: null, ms: elapsed() };
    try {
      const { terminals, lastSaleDay } = await reader.describe();
      const counted = `${terminals} ${terminals === 1 ? 'terminal' : 'terminais'}`;
      const last = lastSaleDay ? `último dia com vendas ${dayLabel(lastSaleDay)}` : 'nenhum dia com vendas publicado ainda';
      return { ok: true, message: `Conectado: ${shop.name}, ${counted}, ${last}.`, terminals, lastSaleDay, ms: elapsed() };
    } catch (error) {
      return { ok: false, message: describeChainError(error), terminals: null, lastSaleDay: null, ms: elapsed() };
    } finally {
      await reader.close().catch(() => {});
    }
  },
  run: (_tx, _input, _ctx, result) => result,
});
