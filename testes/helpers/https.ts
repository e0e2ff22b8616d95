import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import type { App } from '../../src/app.js';
import { secretsOf } from '../../src/database/secret-store.js';

/** The shop's authority as the app keeps it, for a client that trusts it (and nothing else). */
export const shopCertificateOf = (app: App): string => (JSON.parse(secretsOf(app.db).get('shop-network-ca')!) as { cert: string }).cert;

export interface ShopDevice {
  /** `fingerprint` is the SHA-256 of the authority that issued the certificate the server sent. */
  post(operation: string, body: unknown, token?: string | null): Promise<{ status: number; json: any; fingerprint: string }>;
  get(path: string): Promise<{ status: number; type: string; text: string }>;
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
          const peer = (res.socket as unknown as { getPeerCertificate(detailed: true): { issuerCertificate: { fingerprint256: string } } }).getPeerCertificate(true);
          const fingerprint = peer.issuerCertificate.fingerprint256;
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null, fingerprint }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      }),
    get: (path) =>
      new Promise((resolve, reject) => {
        const req = request({ ...base, path, method: 'GET' }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
        });
        req.on('error', reject);
        req.end();
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
