import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { newId } from '../src/utils/ids.js';
import { median, plainFigure, type Figures } from './lib.js';

/**
 * stock.on_hand_ms: on hand of 2,000 items over 1,000,000 movements, as the stockroom screen asks
 * for it (stock.items through the dispatcher). stock.ledger_sum_ms: the same figures summed from the
 * ledger itself, which the cached levels must always equal.
 */
export async function stockOnHand(figures: Figures) {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-bench-stock-'));
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger });
  const call = async (operation: string, input: unknown, token?: string) => {
    const outcome = await app.dispatcher.dispatch(operation, input, token);
    if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
    return outcome.result as any;
  };
  await call('setup.initialize', { shopName: 'Bancada', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
  const { token } = await call('auth.login', { name: 'Ana Admin', pin: '480135' });

  const items = Array.from({ length: 2000 }, () => newId());
  const { db } = app;
  db.transaction(() => {
    const item = db.prepare("INSERT INTO stock_items (id, name, search_key, base_unit, minimum, active, created_at, updated_at, hlc) VALUES (?, ?, ?, 'g', 1000, 1, 0, 0, '')");
    items.forEach((id, i) => item.run(id, `Insumo ${i}`, `insumo ${i}`));
    const movement = db.prepare("INSERT INTO stock_movements (id, item_id, kind, quantity, value, by_user, by_name, at, hlc) VALUES (?, ?, ?, ?, ?, 'u', 'U', ?, '')");
    for (let i = 0; i < 1_000_000; i++) {
      const incoming = i % 3 === 0;
      movement.run(newId(), items[i % items.length], incoming ? 'entrada' : 'venda', incoming ? 9000 : -4000, incoming ? 27 : -12, i);
    }
    db.exec(
      'INSERT INTO stock_levels (item_id, quantity, value, rate_value, rate_quantity, updated_at) SELECT item_id, sum(quantity), sum(value), sum(value), sum(quantity), 0 FROM stock_movements GROUP BY item_id',
    );
  }).immediate();

  const onHand: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    const list = await call('stock.items', {}, token);
    onHand.push(performance.now() - start);
    if (list.length !== 2000) throw new Error('esperava 2000 insumos');
  }
  const sums: number[] = [];
  const ledger = db.prepare('SELECT item_id, sum(quantity) AS q, sum(value) AS v FROM stock_movements GROUP BY item_id');
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    ledger.all();
    sums.push(performance.now() - start);
  }
  figures['stock.on_hand_ms'] = plainFigure(median(onHand), 'ms');
  figures['stock.ledger_sum_ms'] = plainFigure(median(sums), 'ms');
  app.close();
  rmSync(dir, { recursive: true, force: true });
}
