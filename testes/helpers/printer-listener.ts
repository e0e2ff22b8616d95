import { createServer, type AddressInfo, type Server } from 'node:net';

export interface ListeningPrinter {
  server: Server;
  port: number;
  /** Each connection's bytes, in order: one printed document each. */
  received: Buffer[];
  close(): Promise<void>;
}

/** A network thermal printer on loopback, as the shop's at host:9100: it keeps what it is sent. */
export async function listeningPrinter(): Promise<ListeningPrinter> {
  const received: Buffer[] = [];
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      received.push(Buffer.concat(chunks));
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
