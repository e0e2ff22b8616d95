import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, auditRowHash } from '../../src/hashing/audit-chain.js';
import { canonicalJson } from '../../src/hashing/canonical-json.js';

describe('audit hashing', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('a row hash changes with its content and with the previous hash', () => {
    const base = auditRowHash(AUDIT_GENESIS, { action: 'auth.login', seq: 1 });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash(AUDIT_GENESIS, { seq: 1, action: 'auth.login' })).toBe(base);
    expect(auditRowHash(AUDIT_GENESIS, { action: 'auth.logout', seq: 1 })).not.toBe(base);
    expect(auditRowHash(base, { action: 'auth.login', seq: 1 })).not.toBe(base);
  });
});
