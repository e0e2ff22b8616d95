import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { DispatchResult } from '../../src/ipc/dispatcher.js';
import { MemoryLogger } from '../../src/logs/memory-logger.js';
import type { OperationInput, OperationName, OperationOutput } from '../../src/models/contract.js';
import type { ErrorBody } from '../../src/models/errors.js';
import { ManualClock } from './manual-clock.js';

export const ADMIN = { name: 'Ana Admin', pin: '480135' };
export const SHOP = { shopName: 'Lanchonete Teste', terminalLetter: 'A' };

export interface TestApp {
  app: App;
  clock: ManualClock;
  memory: MemoryLogger;
  dir: string;
  /** Calls an operation through the dispatcher, as a transport would. */
  call<N extends OperationName>(operation: N, input: OperationInput<N>, token?: string | null): Promise<DispatchResult>;
  /** Same, but the call must succeed. */
  ok<N extends OperationName>(operation: N, input: OperationInput<N>, token?: string | null): Promise<OperationOutput<N>>;
  /** Same, but the call must fail; returns the error body. */
  fails(operation: string, input: unknown, token?: string | null): Promise<ErrorBody & { status: number }>;
  close(): void;
}

/** A real app on a real SQLite file in a fresh temp folder, with a clock the test controls. */
export async function createTestApp(options: { dir?: string; app?: Partial<AppOptions> } = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'balcao-test-'));
  const clock = new ManualClock();
  const memory = new MemoryLogger();
  const app = await createApp({ dataDir: dir, logger: memory.logger, clock, ...options.app });
  const call = (operation: string, input: unknown, token?: string | null) => t.app.dispatcher.dispatch(operation, input, token ?? null);
  const t: TestApp = {
    app,
    clock,
    memory,
    dir,
    call: call as TestApp['call'],
    async ok(operation, input, token) {
      const outcome = await call(operation, input, token);
      if (!outcome.ok) throw new Error(`${operation} falhou: ${JSON.stringify(outcome.error)}`);
      return outcome.result as never;
    },
    async fails(operation, input, token) {
      const outcome = await call(operation, input, token);
      if (outcome.ok) throw new Error(`${operation} deveria falhar, mas devolveu ${JSON.stringify(outcome.result)}`);
      return { ...outcome.error, status: outcome.status };
    },
    close() {
      t.app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Sets the shop up and logs the admin in. */
export async function initializedApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp & { adminToken: string; adminId: string }> {
  const t = await createTestApp(options);
  const { adminId } = await t.ok('setup.initialize', { ...SHOP, adminName: ADMIN.name, adminPin: ADMIN.pin });
  const { token } = await t.ok('auth.login', ADMIN);
  return Object.assign(t, { adminToken: token, adminId });
}
