import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { defaultDataDir, LOGS_DIR } from './database/data-dir.js';
import { readTerminalIdentity } from './database/queries/meta.js';
import { createHttpBridge } from './ipc/http-server.js';
import { resolveBindHost, shopNetworkHosts } from './ipc/http-security.js';
import { createFileLogger } from './logs/file-logger.js';
import { parseExtraInterfaces } from './ipc/shop-network.js';
import { environmentConnection } from './sync/sync-connection.js';

/** Browser mode: the core behind HTTP on loopback, serving the built renderer. */
async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const dataDir = defaultDataDir();
  const level = process.env.BALCAO_LOG_LEVEL;
  const logger = createFileLogger({ dir: join(dataDir, LOGS_DIR), ...(level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? { minLevel: level } : {}) });
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = process.env.BALCAO_RENDERER_DIR || resolve(here, '..', 'renderer');
  const shopPort = process.env.BALCAO_SHOP_PORT ? Number(process.env.BALCAO_SHOP_PORT) : undefined;
  const app = await createApp({ dataDir, logger, sync: { connections: environmentConnection(process.env) }, shopNetwork: { staticDir, extraInterfaces: parseExtraInterfaces(process.env.BALCAO_SHOP_INTERFACES), ...(shopPort !== undefined ? { port: shopPort } : {}) } });
  const server = createHttpBridge(app, { staticDir, shopNetworkHosts: shopNetworkHosts(process.env) });
  const host = resolveBindHost(process.env.BALCAO_HOST);
  const port = Number(process.env.BALCAO_PORT || 5178);

  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.error('Não foi possível abrir o modo navegador', { error, host, port });
    process.exitCode = 1;
    app.close();
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    logger.info(`Balcão no navegador: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}/`, { dataDir });
    // Shown only on this computer's terminal, never logged: whoever reads it can claim the shop.
    if (app.damaged) process.stdout.write(`O banco de dados está danificado (${app.damaged}). Abra http://127.0.0.1:${actualPort}/ neste computador para restaurar um backup.\n`);
    else if (!readTerminalIdentity(app.db).letter) process.stdout.write(`Loja ainda não configurada. Para configurar de outro aparelho, use o código: ${app.setupCode}\n`);
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
