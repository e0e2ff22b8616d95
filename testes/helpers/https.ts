import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { App } from '../../src/app.js';
import { secretsOf } from '../../src/database/secret-store.js';

/** The shop's certificate as the app keeps it, for a client that trusts it (and nothing else). */
export const shopCertificateOf = (app: App): string => (JSON.parse(secretsOf(app.db).get('shop-network-certificate')!) as { cert: string }).cert;

export interface ShopDevice {
  post(operation: string, body: unknown, token?: string | null): Promise<{ status: number; json: any; fingerprint: string }>;
  /** Opens the live channel; `events` fills as they come, `ended` settles when the server closes it. */
  stream(token: string): Promise<{ status: number; events: string[]; ended: Promise<void>; close(): void }>;
}

/**
 * A device on the shop's network: HTTPS to the shop-network listener from its own loopback address,
 * trusting the shop's certificate only (so the certificate must name the address it is reached on).
 */
export function shopDevice(url: string, ca: string, localAddress: string): ShopDevice {
  const target = new URL(url);
  const base = { host: target.hostname, port: target.port, ca, localAddress, agent: false as const };
  return {
    post: (operation, body, token) =>
      new Promise((resolve, reject) => {
        const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
        const req = request({ ...base, path: `/api/${operation}`, method: 'POST', headers }, (res) => {
          const fingerprint = (res.socket as unknown as { getPeerCertificate(): { fingerprint256: string } }).getPeerCertificate().fingerprint256;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null, fingerprint }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      }),
    stream: (token) =>
      new Promise((resolve, reject) => {
        const req = request({ ...base, path: `/api/events?token=${encodeURIComponent(token)}`, method: 'GET' }, (res: IncomingMessage) => {
          const events: string[] = [];
          res.setEncoding('utf8');
          const ended = new Promise<void>((done) => {
            res.on('end', done);
            res.on('close', done);
          });
          res.on('data', (chunk: string) => {
            for (const match of chunk.matchAll(/^event: (.+)$/gm)) events.push(match[1]!);
          });
          resolve({ status: res.statusCode ?? 0, events, ended, close: () => req.destroy() });
        });
        req.on('error', reject);
        req.end();
      }),
  };
}
