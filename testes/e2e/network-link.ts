import { createServer, request as forward, type Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A screen's network link to the suite's server, that a test can cut and bring back: a plain HTTP
 * relay on its own loopback port. Cut, it drops every open connection (the live stream too) and
 * refuses new ones, as a tablet losing the shop's Wi-Fi; the server and its sessions carry on.
 * The relay speaks to the server as its own address (Host and Origin), which the server checks.
 */
export class NetworkLink {
  readonly baseURL: string;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  constructor(
    private readonly target: URL,
    private readonly port: number,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  async up(): Promise<void> {
    const server = createServer((incoming, outgoing) => {
      const headers = { ...incoming.headers, host: this.target.host, ...(incoming.headers.origin ? { origin: this.target.origin } : {}) };
      const upstream = forward({ host: this.target.hostname, port: this.target.port, path: incoming.url, method: incoming.method, headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      // A connection dropped on the screen's side ends on the server's side too (its live stream closes).
      outgoing.on('close', () => upstream.destroy());
      incoming.pipe(upstream);
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
