import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrapPinHash, unwrapUserPin, wrapPinHash, wrapUserPin } from '../../src/sync/pin-wrap.js';

const BCRYPT = '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';
const shopKey = randomBytes(32);
const change = { id: '0193a1b2-0000-7000-8000-000000000001', entityId: '0193a1b2-0000-7000-8000-0000000000aa' };

describe('a PIN hash wrapped with the shop key', () => {
  it('comes back with the same key, and shows nothing of the bcrypt hash', () => {
    const wrapped = wrapPinHash(shopKey, change, BCRYPT);
    expect(wrapped).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(wrapped).not.toContain('$2');
    expect(wrapped).not.toContain(BCRYPT.slice(7));
    expect(unwrapPinHash(shopKey, change, wrapped)).toBe(BCRYPT);
  });

  it('is the same bytes every time for the same change, so a push sent again is a retry', () => {
    expect(wrapPinHash(shopKey, change, BCRYPT)).toBe(wrapPinHash(shopKey, change, BCRYPT));
    // Another change of the same user (a PIN reset) does not repeat the bytes of the first.
    expect(wrapPinHash(shopKey, { ...change, id: '0193a1b2-0000-7000-8000-000000000002' }, BCRYPT)).not.toBe(wrapPinHash(shopKey, change, BCRYPT));
  });

  it('round-trips any hash under any key and change', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uuid(), fc.uuid(), fc.string({ minLength: 1, maxLength: 80 }), (key, id, entityId, pinHash) => {
        const at = { id, entityId };
        expect(unwrapPinHash(Buffer.from(key), at, wrapPinHash(Buffer.from(key), at, pinHash))).toBe(pinHash);
      }),
    );
  });

  it('is refused under another shop key (a terminal of another shop)', () => {
    const wrapped = wrapPinHash(shopKey, change, BCRYPT);
    expect(() => unwrapPinHash(randomBytes(32), change, wrapped)).toThrow(/não abre com a chave desta loja/);
  });

  it('is refused when moved to another change or another user (a tampered server)', () => {
    const wrapped = wrapPinHash(shopKey, change, BCRYPT);
    expect(() => unwrapPinHash(shopKey, { ...change, id: '0193a1b2-0000-7000-8000-000000000003' }, wrapped)).toThrow(/não abre com a chave desta loja/);
    expect(() => unwrapPinHash(shopKey, { ...change, entityId: '0193a1b2-0000-7000-8000-0000000000bb' }, wrapped)).toThrow(/não abre com a chave desta loja/);
  });

  it('is refused when any of its characters was changed', () => {
    const wrapped = wrapPinHash(shopKey, change, BCRYPT);
    fc.assert(
      fc.property(fc.integer({ min: 3, max: wrapped.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), (at, symbol) => {
        fc.pre(wrapped[at] !== symbol);
        const tampered = wrapped.slice(0, at) + symbol + wrapped.slice(at + 1);
        expect(() => unwrapPinHash(shopKey, change, tampered)).toThrow(/não abre com a chave desta loja/);
      }),
    );
  });

  it('a raw hash, or anything else that is not a wrapped one, is never taken for one', () => {
    for (const raw of [BCRYPT, '', 'v2:abc', 42, null]) expect(() => unwrapPinHash(shopKey, change, raw)).toThrow(/sem a proteção da chave da loja/);
    expect(() => unwrapPinHash(shopKey, change, 'v1:')).toThrow(/não abre com a chave desta loja/);
  });

  it('a terminal with no shop key yet refuses it and says how to get one', () => {
    expect(() => unwrapPinHash(undefined, change, wrapPinHash(shopKey, change, BCRYPT))).toThrow(/código de conexão/);
  });
});

describe('a user change as it travels', () => {
  const userChange = { ...change, entity: 'user' };

  it('only its PIN hash is wrapped, and unwrapping gives the data back', () => {
    const data = { id: change.entityId, name: 'Caio Caixa', role: 'cashier', pinHash: BCRYPT, active: true };
    const wrapped = wrapUserPin(shopKey, userChange, data);
    expect(wrapped).toEqual({ ...data, pinHash: expect.stringMatching(/^v1:/) });
    expect(unwrapUserPin(shopKey, userChange, wrapped)).toEqual(data);
  });

  it('a change without a PIN hash (a deactivation) travels as it is', () => {
    const data = { id: change.entityId, active: false };
    expect(wrapUserPin(shopKey, userChange, data)).toEqual(data);
    expect(unwrapUserPin(undefined, userChange, data)).toEqual(data);
  });

  it('a pulled change carrying a raw hash is refused', () => {
    expect(() => unwrapUserPin(shopKey, userChange, { id: change.entityId, pinHash: BCRYPT })).toThrow(/sem a proteção da chave da loja/);
  });
});
