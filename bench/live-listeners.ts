/**
 * Screens in another process (as browsers are): opens N live streams to a counter in browser mode and
 * counts the events of one type they hear. Prints "open" once per accepted stream, and "heard N" (all
 * streams together) each time a line arrives on its input.
 * Usage: node live-listeners.js <port> <token> <streams> <event type>
 */
import { request } from 'node:http';

const [port, token, streams, type] = process.argv.slice(2);
if (!port || !token || !streams || !type) throw new Error('uso: live-listeners <porta> <token> <canais> <evento>');
let heard = 0;
for (let i = 0; i < Number(streams); i++) {
  request({ host: '127.0.0.1', port: Number(port), path: `/api/events?token=${token}` }, (res) => {
    if (res.statusCode !== 200) throw new Error(`canal ao vivo recusado: HTTP ${res.statusCode}`);
    res.setEncoding('utf8');
    let pending = '';
    res.on('data', (chunk: string) => {
      const events = (pending + chunk).split('\n\n');
      pending = events.pop()!;
      for (const event of events) if (event.startsWith(`event: ${type}\n`)) heard += 1;
    });
    process.stdout.write('open\n');
  }).end();
}
process.stdin.on('data', () => process.stdout.write(`heard ${heard}\n`));
