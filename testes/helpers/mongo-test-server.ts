import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

/** Where `./run.sh test` builds FerretDB once; BALCAO_FERRETDB overrides it. */
export const FERRETDB_VERSION = '1.24.2';
export const ferretDbBinary = (): string => process.env.BALCAO_FERRETDB || join(homedir(), '.cache', 'balcao', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');

export interface MongoTestServer {
  uri: string;
  /** What the run covered, for the one line the suite prints; never the URI (it may hold a password). */
  label: string;
  stop(): Promise<void>;
}

/**
 * A real MongoDB-protocol server for the sync tests: the cluster in MONGODB_TEST_URI when set,
 * else FerretDB (MongoDB wire protocol over SQLite) started on a free loopback port with a temp
 * folder. Without either, the reason the MongoDB tests are skipped, in one line.
 */
export async function startMongoTestServer(): Promise<MongoTestServer | { skipReason: string }> {
  const given = process.env.MONGODB_TEST_URI;
  if (given) return { uri: given, label: `${await serverName(given)} (MONGODB_TEST_URI)`, stop: async () => {} };
  const binary = ferretDbBinary();
  if (!existsSync(binary)) {
    return { skipReason: `sem MONGODB_TEST_URI e sem FerretDB em ${binary} (./run.sh test o compila onde há Go)` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'balcao-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--state-dir=${dir}`, `--listen-addr=127.0.0.1:${port}`, '--telemetry=disable', '--debug-addr=-', '--log-level=error'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    const name = await serverName(uri, child);
    return { uri, label: `${name} (127.0.0.1:${port})`, stop };
  } catch (error) {
    await stop();
    throw new Error(`O FerretDB não respondeu: ${(error as Error).message}\n${stderr}`);
  }
}

/** A database no other test uses, so tests never see each other's logs. */
export const freshDbName = (): string => `balcao_test_${randomBytes(6).toString('hex')}`;

/** Asks the server who it is, retrying while it starts. */
async function serverName(uri: string, child?: ChildProcess): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500 });
    try {
      const info = await client.db('admin').command({ buildInfo: 1 });
      return typeof info.ferretdbVersion === 'string' ? `FerretDB ${info.ferretdbVersion.replace(/^v/, '')}` : `MongoDB ${String(info.version)}`;
    } catch (error) {
      if (attempt >= 40 || (child && child.exitCode !== null)) throw error;
    } finally {
      await client.close();
    }
  }
}

/** A loopback port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Stops a child process and waits until it is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
