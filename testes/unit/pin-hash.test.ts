import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPin, PIN_HASH_COST, pinMatches, spendPinCheck, stopPinHasher } from '../../src/hashing/pin-hash.js';
import { ThreadWorker } from '../../src/utils/thread-worker.js';

describe('PIN hashes made in their own thread', () => {
  afterAll(() => stopPinHasher());

  it('are bcrypt hashes at the design cost that the library itself accepts, and tell a wrong PIN', async () => {
    const hash = await hashPin('4821');
    expect(bcrypt.getRounds(hash)).toBe(PIN_HASH_COST);
    expect(bcrypt.compareSync('4821', hash)).toBe(true);
    expect(await pinMatches('4821', hash)).toBe(true);
    expect(await pinMatches('4822', hash)).toBe(false);
    expect(await pinMatches('4821', bcrypt.hashSync('4821', 4))).toBe(true);
  });

  it('answer each of many checks at once with its own result', async () => {
    const hash = await hashPin('1357');
    const pins = ['1357', '0000', '1357', '7531', '1357', '1356'];
    expect(await Promise.all(pins.map((pin) => pinMatches(pin, hash)))).toEqual(pins.map((pin) => pin === '1357'));
  });

  it('an unknown name still costs a check and never matches', async () => {
    expect(await spendPinCheck('4821')).toBe(false);
  });

  it('keep working after the thread stops: the next check starts a new one', async () => {
    const hash = await hashPin('2468');
    await stopPinHasher();
    expect(await pinMatches('2468', hash)).toBe(true);
  });
});

describe('a worker thread', () => {
  it('fails what waits when it dies, answers errors as errors, and starts again on the next request', async () => {
    const worker = new ThreadWorker<number, number>(
      `function handle(n) {
  if (n < 0) throw new Error('negativo: ' + n);
  if (n === 0) process.exit(7);
  return n * workerData.factor;
}`,
      { factor: 3 },
      (code) => new Error(`parou (código ${code})`),
    );
    try {
      expect(await worker.run(14)).toBe(42);
      await expect(worker.run(-2)).rejects.toThrow('negativo: -2');
      await expect(worker.run(0)).rejects.toThrow('parou (código 7)');
      expect(await worker.run(5)).toBe(15);
    } finally {
      await worker.close();
    }
  });
});
