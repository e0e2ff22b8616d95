import { createRequire } from 'node:module';
import { ThreadWorker } from '../utils/thread-worker.js';

/** bcrypt cost: 10 is the floor the design sets; each check takes tens of milliseconds on purpose. */
export const PIN_HASH_COST = 10;

type PinJob = { pin: string; cost: number } | { pin: string; hash: string };

/**
 * bcrypt runs in its own thread: done on the main thread (even in bcryptjs's async chunks) a login
 * would hold every sale behind it for tens of milliseconds.
 */
const hasher = new ThreadWorker<PinJob, string | boolean>(
  `const bcrypt = require(workerData.bcryptPath);
function handle(job) {
  return 'hash' in job ? bcrypt.compareSync(job.pin, job.hash) : bcrypt.hashSync(job.pin, job.cost);
}`,
  { bcryptPath: createRequire(import.meta.url).resolve('bcryptjs') },
  (code) => new Error(`A verificação de PIN parou (código ${code}).`),
);

/** Outside any transaction: hashing must never hold the writer. */
export const hashPin = (pin: string): Promise<string> => hasher.run({ pin, cost: PIN_HASH_COST }) as Promise<string>;

export const pinMatches = (pin: string, hash: string): Promise<boolean> => hasher.run({ pin, hash }) as Promise<boolean>;

/** Compared against when a name is unknown, so a wrong name takes as long as a wrong PIN. */
let decoyHash: Promise<string> | undefined;
export async function spendPinCheck(pin: string): Promise<false> {
  decoyHash ??= hashPin('decoy-pin').catch((error: unknown) => {
    decoyHash = undefined;
    throw error;
  });
  await pinMatches(pin, await decoyHash);
  return false;
}

/** Stops the hashing thread (tests that check it recovers; the app's threads stop with the process). */
export const stopPinHasher = (): Promise<void> => hasher.close();
