import { listChainShops } from '../../../database/queries/chain.js';
import { defineScript } from '../../script.js';
import { resolvePeriod } from '../period.js';
import { CHAIN_ROLES, describeChainError, isThisShop, openChainReader, THIS_SHOP } from './chain-link.js';
import { figuresOfSummaries, localFigures, sumFigures } from './chain-figures.js';

/**
 * The chain's sales of a period side by side and summed. This shop is read from its own database;
 * the others from their terminals' day summaries, all at once, each with its own timeout: a shop
 * out of reach shows as such, out of the total, and the others still show.
 */
export default defineScript('reports.chainSales', {
  roles: CHAIN_ROLES,
  readOnly: true,
  async prepare(input, ctx) {
    const period = resolvePeriod(input.period, ctx.now, ctx.settings);
    const own = { id: null, name: ctx.terminal.shopName ?? 'Esta loja', reachable: true, error: null, figures: localFigures(ctx.db, period.from, period.to) };
    const ownLink = ctx.sync?.connections?.read() ?? null;
    const others = await Promise.all(
      listChainShops(ctx.db).map(async (shop) => {
        // Added before this terminal synced to the same database: shown, never summed twice.
        if (isThisShop(shop, ownLink)) return { id: shop.id, name: shop.name, reachable: false, error: THIS_SHOP, figures: null };
        const reader = openChainReader(ctx.db, shop.id);
        if ('error' in reader) return { id: shop.id, name: shop.name, reachable: false, error: reader.error, figures: null };
        try {
          return { id: shop.id, name: shop.name, reachable: true, error: null, figures: figuresOfSummaries(await reader.summaries(period.from, period.to)) };
        } catch (error) {
          return { id: shop.id, name: shop.name, reachable: false, error: describeChainError(error), figures: null };
        } finally {
          await reader.close().catch(() => {});
        }
      }),
    );
    const shops = [own, ...others];
    const read = shops.flatMap((shop) => (shop.figures ? [shop.figures] : []));
    return { period, shops, total: sumFigures(read), unreachable: shops.filter((shop) => !shop.figures && shop.error !== THIS_SHOP).length };
  },
  run: (_tx, _input, _ctx, report) => report,
});
