/**
 * The audit chain proves that no row in it was changed, but not that rows were cut from its end or
 * that the whole chain was rewritten consistently: whoever holds the file can do either. What
 * catches them is a head (last seq and hash) seen outside the file: a printed Z report, the shop's
 * server, a small file beside the database. The chain must still reach that seq, with that hash.
 */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** A head seen outside the file, and when. */
export interface WitnessedHead extends AuditHead {
  at: number;
}

export type WitnessVerdict = 'agrees' | 'rows-missing' | 'rewritten';

/**
 * How the chain stands against one witness: `lastSeq` is the chain's last seq now (0 when empty),
 * `hashAtWitnessSeq` the chain's hash at the witness's seq (undefined when the row is gone).
 */
export function judgeWitness(lastSeq: number, hashAtWitnessSeq: string | undefined, witness: AuditHead): WitnessVerdict {
  if (lastSeq < witness.seq || hashAtWitnessSeq === undefined) return 'rows-missing';
  return hashAtWitnessSeq === witness.hash ? 'agrees' : 'rewritten';
}

/** What a Z report prints: the seq and the first 16 hex digits of the hash, enough to compare by eye. */
export const shortAuditHash = (hash: string): string => hash.slice(0, 16);
