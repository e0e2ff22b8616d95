import { describe, expect, it } from 'vitest';
import { isDeviceLocation } from '../../renderer/src/devices/deviceLocation.js';

describe('where the renderer shows the pairing and device screens', () => {
  it('on every page of the shop-network listener (HTTPS) and at #/aparelho, never on the counter', () => {
    expect(isDeviceLocation({ protocol: 'https:', hash: '' })).toBe(true);
    expect(isDeviceLocation({ protocol: 'https:', hash: '#/caixa' })).toBe(true);
    expect(isDeviceLocation({ protocol: 'http:', hash: '#/aparelho' })).toBe(true);
    expect(isDeviceLocation({ protocol: 'http:', hash: '#aparelho?x=1' })).toBe(true);
    expect(isDeviceLocation({ protocol: 'http:', hash: '' })).toBe(false);
    expect(isDeviceLocation({ protocol: 'http:', hash: '#/aparelhos' })).toBe(false);
    expect(isDeviceLocation({ protocol: 'balcao:', hash: '#/configuracoes' })).toBe(false);
  });
});
