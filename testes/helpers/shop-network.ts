import { expect } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import type { DeviceKind } from '../../src/models/devices.js';
import { shopCertificateOf, shopDevice, type ShopDevice } from './https.js';
import { initializedApp, type TestApp } from './test-app.js';

// The shop network in tests: 127.0.0.2 stands for the shop's network; devices connect from 127.0.0.3 and up.

export const SHOP_NETWORK: AppOptions['shopNetwork'] = { port: 0, interfaces: () => ({}), extraInterfaces: [{ name: 'lan-teste', address: '127.0.0.2' }] };

export type ShopApp = TestApp & { adminToken: string };

/** A shop with its network on: the app, the network's view, and a device calling from an address. */
export async function shopOnTheNetwork(options: Parameters<typeof initializedApp>[0] = {}) {
  const app = await initializedApp({ ...options, app: { shopNetwork: SHOP_NETWORK, ...options.app } });
  const view = await app.ok('devices.setNetwork', { enabled: true, interfaceName: 'lan-teste' }, app.adminToken);
  expect(view).toMatchObject({ enabled: true, interfaceName: 'lan-teste', problem: null, url: expect.stringMatching(/^https:\/\/127\.0\.0\.2:\d+\/$/) });
  const ca = shopCertificateOf(app.app);
  return { app, view, device: (address: string) => shopDevice(view.url!, ca, address) };
}

/** Pairs a device as `kind` (a kitchen may ask for its cook's PIN); returns its token and id. */
export async function pair(app: ShopApp, device: ShopDevice, kind: DeviceKind, extra: { station?: string; cookLogin?: boolean } = {}) {
  const asked = await device.post('devices.requestPairing', {});
  expect(asked.status).toBe(200);
  const paired = await app.ok('devices.confirmPairing', { code: asked.json.code, kind, label: `Aparelho ${kind}`, ...extra }, app.adminToken);
  return { token: asked.json.token as string, id: paired.id, asked: asked.json };
}
