import type { Server } from 'node:http';
import { hostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { Db } from '../database/connection.js';
import { readMeta } from '../database/queries/meta.js';
import type { SecretStore } from '../database/secret-store.js';
import type { Logger } from '../logs/logger.js';
import type { NetworkView } from '../models/devices.js';
import { shopCertificate, type ShopCertificate } from './shop-certificate.js';

/** Where the switch is kept: this terminal's own (meta), never synced: another terminal has other interfaces. */
export const SHOP_NETWORK_META = 'shop_network';

export interface ShopNetworkSetting {
  enabled: boolean;
  interfaceName: string | null;
}

export const readShopNetworkSetting = (db: Db): ShopNetworkSetting => {
  const kept = readMeta(db, SHOP_NETWORK_META);
  return kept ? (JSON.parse(kept) as ShopNetworkSetting) : { enabled: false, interfaceName: null };
};

/** A private IPv4 address (RFC 1918): the shop's own network, never the internet's. */
export function isPrivateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168);
}

/** The interfaces a device can reach this computer on: IPv4, private, not loopback. */
export function shopInterfaces(all: NodeJS.Dict<NetworkInterfaceInfo[]>): { name: string; address: string }[] {
  const found: { name: string; address: string }[] = [];
  for (const [name, addresses] of Object.entries(all)) {
    for (const info of addresses ?? []) if (info.family === 'IPv4' && !info.internal && isPrivateIPv4(info.address)) found.push({ name, address: info.address });
  }
  return found;
}

/** "Caixa 1" → "caixa-1.local": the name the certificate carries besides the address. */
export const localNameFor = (host: string): string =>
  `${host.toLowerCase().replace(/\.local$/, '').replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'balcao'}.local`;

export interface ShopNetworkOptions {
  secrets: SecretStore;
  logger: Logger;
  /** The HTTPS listener for paired devices, built on the app's bridge (see createHttpBridge's `tls`). */
  serve: (tls: ShopCertificate, hosts: readonly string[]) => Server;
  /** BALCAO_SHOP_PORT; 0 (tests) takes any free port. */
  port?: number;
  /** This computer's interfaces (tests pass none). */
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  /**
   * Addresses offered besides the private ones (BALCAO_SHOP_INTERFACES): a shop network outside the
   * RFC 1918 ranges, or 127.0.0.2 standing for the shop's network in tests.
   */
  extraInterfaces?: readonly { name: string; address: string }[];
}

/** "lan=10.0.0.5,teste=127.0.0.2" → the extra interfaces it names; malformed entries are left out. */
export function parseExtraInterfaces(text: string | undefined): { name: string; address: string }[] {
  return (text ?? '')
    .split(',')
    .map((entry) => /^\s*([\w.-]+)=(\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(entry))
    .filter((match) => match !== null)
    .map((match) => ({ name: match[1]!, address: match[2]! }));
}

export const DEFAULT_SHOP_PORT = 5179;

/**
 * The second listener, on the shop's network: HTTPS with the shop's certificate, for paired devices only.
 * Loopback keeps its own plain HTTP listener. Switched on and off while the app runs; the switch itself is
 * kept by devices.setNetwork and read back at start.
 */
export class ShopNetwork {
  private server: Server | null = null;
  private setting: ShopNetworkSetting = { enabled: false, interfaceName: null };
  private url: string | null = null;
  private fingerprint: string | null = null;
  private problem: string | null = null;
  /** Switches run one after the other: two admins clicking at once never leave two listeners. */
  private switching: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ShopNetworkOptions) {}

  interfaces(): { name: string; address: string }[] {
    return [...shopInterfaces((this.options.interfaces ?? networkInterfaces)()), ...(this.options.extraInterfaces ?? [])];
  }

  status(): NetworkView {
    return { ...this.setting, url: this.url, fingerprint: this.fingerprint, problem: this.problem, interfaces: this.interfaces() };
  }

  /** The certificate's fingerprint while the listener is up, for the pairing screen. */
  currentFingerprint(): string | null {
    return this.fingerprint;
  }

  /** Turns the listener off, or (re)starts it on the chosen interface. A failure is kept in `problem`, not thrown. */
  apply(setting: ShopNetworkSetting): Promise<NetworkView> {
    const next = this.switching.then(() => this.switchTo(setting));
    this.switching = next.catch(() => undefined);
    return next;
  }

  private async switchTo(setting: ShopNetworkSetting): Promise<NetworkView> {
    await this.stop();
    this.setting = setting;
    this.problem = null;
    if (!setting.enabled) return this.status();
    const chosen = this.interfaces().find((item) => item.name === setting.interfaceName);
    if (!chosen) {
      this.problem = `A interface ${setting.interfaceName ?? '(nenhuma)'} não está disponível neste computador.`;
      return this.status();
    }
    const localName = localNameFor(hostname());
    const tls = await shopCertificate(this.options.secrets, chosen.address, localName);
    const server = this.options.serve(tls, [chosen.address, localName]);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.options.port ?? DEFAULT_SHOP_PORT, chosen.address, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      this.problem = `Não foi possível abrir a rede da loja em ${chosen.address} (${(error as NodeJS.ErrnoException).code ?? 'erro'}).`;
      this.options.logger.warn('Rede da loja não abriu', { error, address: chosen.address });
      return this.status();
    }
    this.server = server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    this.url = `https://${chosen.address}:${port}/`;
    this.fingerprint = tls.fingerprint;
    this.options.logger.info('Rede da loja aberta', { url: this.url });
    return this.status();
  }

  /** What was on at the last run comes back on at start. */
  restore(db: Db): Promise<NetworkView> {
    return this.apply(readShopNetworkSetting(db));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.url = null;
    this.fingerprint = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
