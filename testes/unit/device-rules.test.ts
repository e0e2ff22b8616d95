import type { NetworkInterfaceInfo } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventVisibleTo } from '../../src/ipc/http-security.js';
import { isPrivateIPv4, localNameFor, parseExtraInterfaces, shopInterfaces } from '../../src/ipc/shop-network.js';
import { DEVICE_KINDS } from '../../src/models/devices.js';
import {
  COOK_LOGIN_SCOPE,
  DEVICE_ROLES,
  DEVICE_SCOPES,
  deviceScope,
  isPairingCodeShape,
  KITCHEN_STAFF_ROLES,
  newPairingCode,
  normalizePairingCode,
  PAIRING_CODE_ALPHABET,
  pairingExpired,
  shopNetworkAdmits,
} from '../../src/services/devices/device-rules.js';

describe('pairing codes', () => {
  it('are six characters of an alphabet without look-alikes', () => {
    for (const lookAlike of '0O1IL2Z5S8B') expect(PAIRING_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(PAIRING_CODE_ALPHABET).size).toBe(PAIRING_CODE_ALPHABET.length);
    for (let i = 0; i < 200; i++) {
      const code = newPairingCode();
      expect(code).toMatch(new RegExp(`^[${PAIRING_CODE_ALPHABET}]{6}$`));
      expect(isPairingCodeShape(code)).toBe(true);
    }
    // Every symbol can come out: the draw covers the whole alphabet.
    expect(newPairingCode(() => 0)).toBe(PAIRING_CODE_ALPHABET[0]!.repeat(6));
    expect(newPairingCode(() => PAIRING_CODE_ALPHABET.length - 1)).toBe(PAIRING_CODE_ALPHABET.at(-1)!.repeat(6));
  });

  it('are read back however the manager types them, and other shapes are refused', () => {
    expect(normalizePairingCode('acd 347')).toBe('ACD347');
    expect(normalizePairingCode('acd-347')).toBe('ACD347');
    // Any code, typed in lower case with a space or a dash in the middle, reads back as itself.
    const symbol = fc.constantFrom(...PAIRING_CODE_ALPHABET);
    fc.assert(
      fc.property(fc.array(symbol, { minLength: 6, maxLength: 6 }), fc.constantFrom(' ', '-', ''), (symbols, gap) => {
        const code = symbols.join('');
        expect(normalizePairingCode(`${code.slice(0, 3).toLowerCase()}${gap}${code.slice(3).toLowerCase()}`)).toBe(code);
      }),
    );
    expect(isPairingCodeShape('ACD34')).toBe(false);
    expect(isPairingCodeShape('ACD3470')).toBe(false);
    expect(isPairingCodeShape('ACD30O')).toBe(false);
  });

  it('expire at their time exactly', () => {
    expect(pairingExpired(1000, 999)).toBe(false);
    expect(pairingExpired(1000, 1000)).toBe(true);
  });
});

describe('device scopes', () => {
  it('give each kind its own restricted role and only the events its screen needs', () => {
    expect(Object.keys(DEVICE_SCOPES).sort()).toEqual([...DEVICE_KINDS].sort());
    for (const kind of DEVICE_KINDS) expect(['admin', 'manager', 'cashier', 'stockroom', 'kitchen']).not.toContain(DEVICE_SCOPES[kind].role);
    const hears = (kind: (typeof DEVICE_KINDS)[number], event: string) => eventVisibleTo(event, { device: { kind, cookLogin: false } });
    expect(hears('kitchen', 'kitchen.changed')).toBe(true);
    expect(hears('kitchen', 'orders.changed')).toBe(true);
    expect(hears('kitchen', 'cash.changed')).toBe(false);
    expect(hears('kitchen', 'feedback.prompt')).toBe(false);
    expect(hears('board', 'orders.changed')).toBe(true);
    expect(hears('board', 'users.changed')).toBe(false);
    expect(hears('rating', 'feedback.prompt')).toBe(true);
    expect(hears('rating', 'orders.changed')).toBe(false);
    expect(hears('display', 'orders.changed')).toBe(false);
    expect(hears('display', 'devices.changed')).toBe(false);
  });

  it('keep a kitchen device that asks for its cook to the sign-in until a cook is in, then give the cook the kitchen', () => {
    const waiting = { kind: 'kitchen' as const, cookLogin: true };
    expect(deviceScope(waiting, false)).toBe(COOK_LOGIN_SCOPE);
    expect(COOK_LOGIN_SCOPE.events).toEqual([]);
    expect(eventVisibleTo('kitchen.changed', { device: waiting })).toBe(false);
    expect(deviceScope(waiting, true)).toBe(DEVICE_SCOPES.kitchen);
    expect(eventVisibleTo('kitchen.changed', { device: waiting, cook: true })).toBe(true);
    expect(eventVisibleTo('cash.changed', { device: waiting, cook: true })).toBe(false);
    // Only the kitchen asks; the flag on another kind changes nothing.
    expect(deviceScope({ kind: 'kitchen', cookLogin: false }, false)).toBe(DEVICE_SCOPES.kitchen);
    expect(deviceScope({ kind: 'board', cookLogin: true }, false)).toBe(DEVICE_SCOPES.board);
    expect(DEVICE_ROLES).toContain('kitchenLogin');
    // The people who may sign in are those whose own role reads the kitchen's queue; the counter's are not.
    expect([...KITCHEN_STAFF_ROLES].sort()).toEqual(['admin', 'kitchen', 'manager']);
  });

  it('let the shop network serve pairing to anyone and everything else to paired devices only', () => {
    expect(shopNetworkAdmits('devices.requestPairing', undefined)).toBe(true);
    expect(shopNetworkAdmits('devices.pairingStatus', undefined)).toBe(true);
    expect(shopNetworkAdmits('auth.login', undefined)).toBe(false);
    expect(shopNetworkAdmits('auth.roster', {})).toBe(false);
    expect(shopNetworkAdmits('kitchen.queue', { device: { id: 'd' } })).toBe(true);
  });
});

describe('the shop network interfaces', () => {
  it('are the private IPv4 addresses that are not loopback', () => {
    expect(['10.0.0.5', '172.16.1.1', '172.31.255.1', '192.168.0.10'].every(isPrivateIPv4)).toBe(true);
    expect(['172.15.0.1', '172.32.0.1', '8.8.8.8', '192.169.0.1', '127.0.0.1'].some(isPrivateIPv4)).toBe(false);
    const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
      family === 'IPv4' ? { address, family, internal, netmask: '', mac: '', cidr: null } : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };
    expect(
      shopInterfaces({
        lo: [info('127.0.0.1', 'IPv4', true)],
        wlan0: [info('192.168.0.10', 'IPv4'), info('fe80::1', 'IPv6')],
        wan: [info('200.150.1.2', 'IPv4')],
      }),
    ).toEqual([{ name: 'wlan0', address: '192.168.0.10' }]);
  });

  it('take extra addresses from BALCAO_SHOP_INTERFACES, leaving out what is not name=IPv4', () => {
    expect(parseExtraInterfaces('lan-teste=127.0.0.2, vpn=100.64.0.7,bad,x=fe80::1,=1.2.3.4')).toEqual([
      { name: 'lan-teste', address: '127.0.0.2' },
      { name: 'vpn', address: '100.64.0.7' },
    ]);
    expect(parseExtraInterfaces(undefined)).toEqual([]);
  });

  it('name the computer as name.local for the certificate', () => {
    expect(localNameFor('Caixa 1')).toBe('caixa-1.local');
    expect(localNameFor('balcao.local')).toBe('balcao.local');
    expect(localNameFor('---')).toBe('balcao.local');
  });
});
