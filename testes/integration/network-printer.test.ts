import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeKitchenTicket, encodeReceipt } from '../../src/printing/escpos.js';
import { PrinterError, parsePrinterAddress, sendToPrinter } from '../../src/printing/network-printer.js';
import type { KitchenTicketData, ReceiptData } from '../../src/printing/receipt-data.js';
import { encodeCashSlip } from '../../src/printing/slips.js';
import { decodeCp860, escposText, indexOfBytes, qrStoredData } from '../helpers/cp860.js';

const PIX_PAYLOAD =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000520400005303986540523.505802BR5913Fulano de Tal6008BRASILIA62070503***6304XXXX';
const AT = Date.UTC(2026, 10, 29, 19, 32); // 16:32 in São Paulo

const receipt: ReceiptData = {
  shop: { name: 'Lanchonete do Zé', document: 'CNPJ 12.345.678/0001-90', phone: '(11) 3333-4444' },
  order: { number: 'A-042', type: 'comanda', customerName: 'Conceição', createdAt: AT, cashierName: 'João', terminalLetter: 'A' },
  lines: [
    { quantity: 1, name: 'X-Tudo <especial>', unitPrice: 1800, total: 2100, modifiers: [{ name: 'Bacon', priceDelta: 300 }], notes: 'sem cebola' },
    { quantity: 2, name: 'Pão de queijo', unitPrice: 350, total: 700, modifiers: [] },
  ],
  subtotal: 2800,
  discount: 450,
  total: 2350,
  payments: [
    { method: 'cash', amount: 1000, tendered: 2000, change: 1000 },
    { method: 'pix', amount: 1350 },
  ],
  pix: { payload: PIX_PAYLOAD },
  feedbackCode: 'K7P2',
  timezone: 'America/Sao_Paulo',
};

const ticket: KitchenTicketData = {
  shopName: 'Lanchonete do Zé',
  order: { number: 'A-042', type: 'viagem', pager: '9', createdAt: AT },
  station: 'Chapa',
  lines: [
    { quantity: 2, name: 'X-Salada', modifiers: ['+ Ovo', 'sem tomate'], notes: 'pão bem tostado' },
    { quantity: 1, name: 'Açaí 500 ml', modifiers: [] },
  ],
  timezone: 'America/Sao_Paulo',
};

interface FakePrinter {
  port: number;
  /** Everything each connection sent, in order, once the sender finished. */
  jobs: Buffer[];
  /** Server-side sockets, to see them closed by the sender. */
  sockets: net.Socket[];
  close(): Promise<void>;
}

const servers: net.Server[] = [];
const accepted: net.Socket[] = [];
afterEach(async () => {
  for (const socket of accepted.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A raw TCP listener standing in for a network printer; `mute` accepts and then never reads. */
const fakePrinter = async (mode: 'prints' | 'mute' = 'prints'): Promise<FakePrinter> => {
  const jobs: Buffer[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    accepted.push(socket);
    socket.on('error', () => {});
    if (mode === 'mute') return socket.pause();
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end(); // a real printer closes its side once it has read the job
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    jobs,
    sockets,
    close: () => new Promise((r) => server.close(() => r())),
  };
};

const printOne = async (bytes: Uint8Array): Promise<Buffer> => {
  const printer = await fakePrinter();
  await sendToPrinter({ host: '127.0.0.1', port: printer.port }, bytes);
  expect(printer.jobs).toHaveLength(1);
  return printer.jobs[0]!;
};

const ESC_INIT = [0x1b, 0x40];
const SELECT_CP860 = [0x1b, 0x74, 0x03]; // ESC t 3: cp860 in Epson's numbering
const CUT = [0x1d, 0x56];

const openSockets = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
/** Handles close a loop turn or two after destroy(); wait for the count, up to a limit. */
const socketsSettle = async (atMost: number): Promise<number> => {
  for (let turn = 0; turn < 50 && openSockets() > atMost; turn++) await new Promise((r) => setTimeout(r, 5));
  return openSockets();
};

describe('ESC/POS over a real TCP printer port', () => {
  it('prints a receipt: initialise, cp860, the content in Portuguese, the PIX QR, a cut at the end', async () => {
    const sent = encodeReceipt(receipt, 80);
    const job = await printOne(sent);
    expect(Buffer.compare(job, Buffer.from(sent))).toBe(0);

    expect([...job.subarray(0, 2)]).toEqual(ESC_INIT);
    expect(indexOfBytes(job, SELECT_CP860)).toBeGreaterThan(0);
    expect(indexOfBytes(job, SELECT_CP860)).toBeLessThan(indexOfBytes(job, [0x8e])); // before the first Ã
    const cut = indexOfBytes(job, CUT, job.length - 8);
    expect(cut).toBeGreaterThan(job.length - 8);

    const text = escposText(job);
    for (const expected of [
      'Lanchonete do Zé', 'NÃO É DOCUMENTO FISCAL', 'A-042', 'Comanda', 'Conceição', '29/11/2026 16:32',
      '1 x X-Tudo <especial>', '+ R$ 3,00', 'Obs.: sem cebola', '2 x Pão de queijo', 'Vl. unit. R$ 3,50',
      'R$ 28,00', '- R$ 4,50', 'R$ 23,50', 'Dinheiro', 'Recebido', 'R$ 20,00', 'Troco', 'R$ 10,00', 'PIX',
      'Avalie seu pedido: código K7P2',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/TOTAL +R\$ 23,50/);
    expect(text).toMatch(/\n {3}Bacon +\+ R\$ 3,00/);
    expect(text.match(/NÃO É DOCUMENTO FISCAL/g)).toHaveLength(2);
    expect(text).not.toContain('\u00a0');
    expect(text).not.toContain('?');

    expect(qrStoredData(job)).toBe(PIX_PAYLOAD);
    const store = indexOfBytes(job, [0x1d, 0x28, 0x6b]);
    expect(store).toBeGreaterThan(0);
  });

  it('prints a receipt with no PIX without any QR command, and fits 58 mm paper', async () => {
    const job = await printOne(encodeReceipt({ ...receipt, pix: null, payments: [receipt.payments[0]!] }, 58));
    expect(qrStoredData(job)).toBeNull();
    const text = escposText(job);
    expect(text).toContain('NÃO É DOCUMENTO FISCAL');
    expect(text).toContain('R$ 23,50');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(32);
  });

  it('prints a kitchen ticket with the order, items, modifiers and notes and no prices', async () => {
    const job = await printOne(encodeKitchenTicket(ticket, 80));
    expect([...job.subarray(0, 2)]).toEqual(ESC_INIT);
    expect(indexOfBytes(job, SELECT_CP860)).toBeGreaterThan(0);
    expect(indexOfBytes(job, CUT, job.length - 8)).toBeGreaterThan(0);
    expect(indexOfBytes(job, [0x1d, 0x21, 0x33])).toBeGreaterThan(0); // the order number at 4× size
    const text = escposText(job);
    for (const expected of ['A-042', 'Para viagem', 'Chapa', 'Pager', '9', '16:32', '2 x X-Salada', '+ Ovo', 'sem tomate', 'OBS: pão', 'bem tostado', '1 x Açaí 500 ml']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('R$');
  });

  it('prints a cash slip with the notice, amount, reason and a signature line', async () => {
    const job = await printOne(
      encodeCashSlip(
        {
          shopName: 'Lanchonete do Zé',
          kind: 'fechamento',
          amount: 123456,
          reason: null,
          userName: 'Conceição',
          terminalLetter: 'A',
          at: AT,
          timezone: 'America/Sao_Paulo',
          lines: [{ label: 'Vendas em dinheiro', value: 'R$ 1.000,00' }, { label: 'Sangrias', value: 'R$ 200,00' }],
        },
        58,
      ),
    );
    expect(indexOfBytes(job, CUT, job.length - 8)).toBeGreaterThan(0);
    const text = escposText(job);
    for (const expected of ['FECHAMENTO DE CAIXA', 'NÃO É DOCUMENTO FISCAL', 'Saldo em dinheiro', 'R$ 1.234,56', 'Vendas em dinheiro', 'Sangrias', 'Conceição', '29/11/2026 16:32', '______']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Motivo');

    const sangria = escposText(
      encodeCashSlip({ shopName: 'Zé', kind: 'sangria', amount: 5000, reason: 'Troco para o cofre', userName: 'Ana', terminalLetter: 'B', at: AT, timezone: 'America/Sao_Paulo' }, 80),
    );
    expect(sangria).toContain('SANGRIA DE CAIXA');
    expect(sangria).toMatch(/Valor +R\$ 50,00/);
    expect(sangria).toContain('Motivo: Troco para o cofre');
  });

  it('keeps typed control bytes out of the printer and folds what cp860 cannot draw', () => {
    const job = encodeKitchenTicket(
      { ...ticket, lines: [{ quantity: 1, name: 'Crème “brûlée”\u001b@ — ½', modifiers: [], notes: null }] },
      80,
    );
    expect(indexOfBytes(job, [0x1b, 0x40], 2)).toBe(-1); // only the initialise at the start
    expect(escposText(job)).toContain('1 x Crème "brulée"@ - ½'); // û is not in cp860, é is
  });
});

describe('sending to a printer that fails', () => {
  it('rejects quickly with PrinterError when the printer refuses the connection', async () => {
    const printer = await fakePrinter();
    await printer.close(); // nothing listens on this port any more
    const before = openSockets();
    const started = Date.now();
    const error = await sendToPrinter({ host: '127.0.0.1', port: printer.port }, new Uint8Array([1, 2, 3])).catch((e) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(PrinterError);
    expect(error.reason).toBe('refused');
    expect(error.message).toBe(`Impressora 127.0.0.1:${printer.port} recusou a conexão`);
    expect(await socketsSettle(before)).toBe(before);
  });

  it.each([
    ['a small job', 2_000],
    ['a job larger than the socket buffers', 16 * 1024 * 1024],
  ])('rejects with the timeout message when the printer accepts %s and never reads', async (_, size) => {
    const printer = await fakePrinter('mute');
    const before = openSockets();
    const started = Date.now();
    const error = await sendToPrinter({ host: '127.0.0.1', port: printer.port }, new Uint8Array(size), { timeoutMs: 300 }).catch((e) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(PrinterError);
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe(`Impressora 127.0.0.1:${printer.port} não respondeu em 0,3 s`);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);

    // The mute printer still holds its end open, so exactly one socket may remain: ours must be gone.
    expect(printer.sockets).toHaveLength(1);
    expect(printer.sockets[0]!.destroyed).toBe(false);
    expect(await socketsSettle(before + 1)).toBe(before + 1);
  });
});

describe('parsePrinterAddress', () => {
  it('reads host and port, with 9100 as the default port', () => {
    expect(parsePrinterAddress('192.168.0.50:9100')).toEqual({ host: '192.168.0.50', port: 9100 });
    expect(parsePrinterAddress(' 192.168.0.50 ')).toEqual({ host: '192.168.0.50', port: 9100 });
    expect(parsePrinterAddress('impressora-cozinha.local:9101')).toEqual({ host: 'impressora-cozinha.local', port: 9101 });
    expect(parsePrinterAddress('[fe80::1]:9100')).toEqual({ host: 'fe80::1', port: 9100 });
    expect(parsePrinterAddress('fe80::1')).toEqual({ host: 'fe80::1', port: 9100 });
  });

  it.each([
    ['', /Informe o endereço/],
    ['192.168.0.500', /Endereço de impressora inválido/],
    ['impressora cozinha', /Endereço de impressora inválido/],
    ['192.168.0.50:', /Porta da impressora inválida/],
    ['192.168.0.50:0', /Porta da impressora inválida/],
    ['192.168.0.50:70000', /Porta da impressora inválida/],
    ['192.168.0.50:91a', /Porta da impressora inválida/],
  ])('refuses %j with a message in Portuguese', (text, message) => {
    expect(() => parsePrinterAddress(text)).toThrow(message);
  });
});

it('the test decoder reads Portuguese letters from cp860 bytes', () => {
  expect(decodeCp860([0x8e, 0x90, 0x80, 0x94, 0x87, 0xa6])).toBe('ÃÉÇõçª');
});
