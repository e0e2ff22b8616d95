import { describe, expect, it } from 'vitest';
import { judgeWitness, shortAuditHash } from '../../src/hashing/audit-witness.js';

const H = (c: string) => c.repeat(64);

describe('a head seen outside the file, against the chain', () => {
  it('agrees when the chain reaches its seq with its hash, also after more rows', () => {
    expect(judgeWitness(10, H('a'), { seq: 10, hash: H('a') })).toBe('agrees');
    expect(judgeWitness(14, H('a'), { seq: 10, hash: H('a') })).toBe('agrees');
  });

  it('rows are missing when the chain ends before its seq, or that row is gone', () => {
    expect(judgeWitness(8, undefined, { seq: 10, hash: H('a') })).toBe('rows-missing');
    expect(judgeWitness(0, undefined, { seq: 1, hash: H('a') })).toBe('rows-missing');
    expect(judgeWitness(12, undefined, { seq: 10, hash: H('a') })).toBe('rows-missing');
  });

  it('rewritten when the chain has another hash at its seq', () => {
    expect(judgeWitness(10, H('b'), { seq: 10, hash: H('a') })).toBe('rewritten');
    expect(judgeWitness(11, H('b'), { seq: 10, hash: H('a') })).toBe('rewritten');
  });

  it('a Z prints the first 16 hex digits', () => {
    expect(shortAuditHash('0123456789abcdef' + H('f').slice(16))).toBe('0123456789abcdef');
  });
});
