/**
 * A child process for the crash test: writes through real scripts as fast as it can and prints
 * "ack N" only after write N has committed (sales: "ack N <order id> <checkpoint passes so far>").
 * The parent kills it with SIGKILL mid-stream.
 */
import { createApp } from '../../src/app.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';

import { newId } from '../../src/utils/ids.js';

const [dataDir, mode = 'users', webhookUrl] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-writer <dataDir> [users|sales] [webhook url]');

const app = await createApp({ dataDir, logger: new MemoryLogger().logger });
const call = async (operation: string, input: unknown, token?: string) => {
  const outcome = await app.dispatcher.dispatch(operation, input, token);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  return outcome.result as any;
};

await call('setup.initialize', { shopName: 'Lanchonete Teste', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
const { token } = await call('auth.login', { name: 'Ana Admin', pin: '480135' });

if (mode === 'sales') {
  // With a receiver, every sale also queues order.created and order.paid for it (the worker runs as in the app).
  if (webhookUrl) await call('webhooks.create', { url: webhookUrl, events: ['order.created', 'order.paid'] }, token);
  // Sales with modifiers, a kitchen station and split payments: many rows per transaction.
  const group = { id: newId(), option: newId() };
  await call('catalog.saveModifierGroup', { id: group.id, name: 'Ponto', minChoices: 1, maxChoices: 1, options: [{ id: group.option, name: 'Ao ponto', priceDelta: 150 }] }, token);
  const burger = newId();
  const drink = newId();
  await call('catalog.saveProduct', { id: burger, name: 'X-Burger', code: 'XB', price: 1800, station: 'Chapa', modifierGroupIds: [group.id] }, token);
  await call('catalog.saveProduct', { id: drink, name: 'Refri', code: 'RF', price: 600 }, token);
  await call('cash.open', { id: newId(), openingFloat: 10_000 }, token);
  process.stdout.write('ready sales\n');
  for (let i = 1; ; i++) {
    // Each sale comes as its own event, as from the counter: the loop runs its timers in between.
    await new Promise((resolve) => setImmediate(resolve));
    const order = await call(
      'orders.create',
      {
        id: newId(),
        type: 'balcao',
        lines: [
          { id: newId(), productId: burger, quantity: 2, modifierOptionIds: [group.option], notes: `pedido ${i}` },
          { id: newId(), productId: drink, quantity: 1 },
        ],
        payments: [{ id: newId(), method: 'debit', amount: 1000 }, { id: newId(), method: 'cash', tendered: 5000 }],
      },
      token,
    );
    // With how many of the WAL checkpointer's passes had folded the sales into the file by then.
    process.stdout.write(`ack ${i} ${order.id} ${app.checkpoints.status.passes}\n`);
  }
} else {
  const { id } = await call('users.create', { name: 'Caixa 0', role: 'cashier', pin: '2580' }, token);
  process.stdout.write(`ready ${id}\n`);
  for (let i = 1; ; i++) {
    await call('users.update', { id, name: `Caixa ${i}` }, token);
    process.stdout.write(`ack ${i}\n`);
  }
}
