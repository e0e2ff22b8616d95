import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../../src/app.js';
import { createHttpBridge, type HttpBridgeOptions } from '../../src/ipc/http-server.js';

export interface RunningBridge {
  url: string;
  /** Sends the body as JSON. */
  post(operation: string, body: unknown, token?: string | null, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  /** Sends the text as it is, for malformed bodies. */
  postRaw(operation: string, text: string, token?: string | null, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  /** Sends the body as JSON from another loopback address (127.0.0.2 stands for a second device). */
  postFrom(localAddress: string, operation: string, body: unknown, token?: string | null): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** The real HTTP bridge on a free loopback port. */
export async function startBridge(app: App, options: HttpBridgeOptions = {}): Promise<RunningBridge> {
  const server = createHttpBridge(app, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const postRaw: RunningBridge['postRaw'] = async (operation, text, token, headers = {}) => {
    const response = await fetch(`${url}/api/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: text,
    });
    return { status: response.status, json: await response.json() };
  };
  const postFrom: RunningBridge['postFrom'] = (localAddress, operation, body, token) =>
    new Promise((resolve, reject) => {
      const target = new URL(`${url}/api/${operation}`);
      const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress, headers, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  return {
    url,
    post: (operation, body, token, headers) => postRaw(operation, JSON.stringify(body), token, headers),
    postRaw,
    postFrom,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
