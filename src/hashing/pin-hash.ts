import bcrypt from 'bcryptjs';

/** bcrypt cost: 10 is the floor the design sets; each check takes tens of milliseconds on purpose. */
export const PIN_HASH_COST = 10;

/** Async and outside any transaction: hashing must never hold the writer. */
export const hashPin = (pin: string): Promise<string> => bcrypt.hash(pin, PIN_HASH_COST);

export const pinMatches = (pin: string, hash: string): Promise<boolean> => bcrypt.compare(pin, hash);

/** Compared against when a name is unknown, so a wrong name takes as long as a wrong PIN. */
let decoyHash: string | undefined;
export async function spendPinCheck(pin: string): Promise<false> {
  decoyHash ??= await hashPin('decoy-pin');
  await bcrypt.compare(pin, decoyHash);
  return false;
}
