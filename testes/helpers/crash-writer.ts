/**
 * A child process for the crash test: writes through real scripts as fast as it can and prints
 * "ack N" only after write N has committed. The parent kills it with SIGKILL mid-stream.
 */
import { createApp } from '../../src/app.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer <dataDir>');

const app = await createApp({ dataDir, logger: new MemoryLogger().logger });
const call = async (operation: string, input: unknown, token?: string) => {
  const outcome = await app.dispatcher.dispatch(operation, input, token);
  if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
  return outcome.result as any;
};

await call('setup.initialize', { shopName: 'Lanchonete Teste', terminalLetter: 'A', adminName: 'Ana Admin', adminPin: '480135' });
const { token } = await call('auth.login', { name: 'Ana Admin', pin: '480135' });
const { id } = await call('users.create', { name: 'Caixa 0', role: 'cashier', pin: '2580' }, token);
process.stdout.write(`ready ${id}\n`);
for (let i = 1; ; i++) {
  await call('users.update', { id, name: `Caixa ${i}` }, token);
  process.stdout.write(`ack ${i}\n`);
}
