import type { Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { escposText, qrStoredData } from '../helpers/cp860.js';
import { listeningPrinter } from '../helpers/printer-listener.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let kitchen: string;
let printer: Server | undefined;
afterEach(async () => {
  t?.close();
  await new Promise<void>((resolve) => (printer ? printer.close(() => resolve()) : resolve()));
  printer = undefined;
});

async function shop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  await t.ok('users.create', { name: 'Kátia Cozinha', role: 'kitchen', pin: '3690' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  kitchen = (await t.ok('auth.login', { name: 'Kátia Cozinha', pin: '3690' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
}

const burger = () => line(menu.p.xburger, 1, { modifierOptionIds: [menu.ponto.aoPonto, menu.extras.semCebola], notes: 'capricha' });

describe('kitchen queue and ready board', () => {
  it('paid orders reach the kitchen with modifiers and notes; tickets move forward and the board follows', async () => {
    await shop();
    const seen: string[] = [];
    t.app.events.subscribe((event) => seen.push(event.type));
    const a = await t.ok('orders.create', { id: newId(), type: 'balcao', customerName: 'Ana', lines: [burger(), line(menu.p.batata), line(menu.p.refri)], payments: [cash(5000)] }, cashier);
    const unpaid = await t.ok('orders.create', { id: newId(), type: 'viagem', lines: [burger()] }, cashier);
    expect(seen).toContain('kitchen.changed');

    const queue = await t.ok('kitchen.queue', {}, kitchen);
    expect(queue).toHaveLength(1); // the unpaid takeaway order waits for payment
    expect(queue[0]).toMatchObject({ orderId: a.id, number: 'A-001', customerName: 'Ana', status: 'queued' });
    expect(queue[0]!.lines.map((l) => [l.name, l.station, l.modifiers, l.notes])).toEqual([
      ['X-Burger', 'Chapa', ['Ao ponto', 'Sem cebola'], 'capricha'],
      ['Batata frita', 'Fritadeira', [], null],
    ]);
    expect(await t.ok('kitchen.board', {}, kitchen)).toMatchObject({ preparing: [{ number: 'A-001', customerName: 'Ana' }], ready: [] });

    const ticketId = queue[0]!.id;
    expect(await t.fails('kitchen.start', { ticketId }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.ok('kitchen.start', { ticketId }, kitchen)).toMatchObject({ status: 'preparing', orderStatus: 'preparing' });
    expect(await t.ok('kitchen.ready', { ticketId }, kitchen)).toMatchObject({ status: 'ready', orderStatus: 'ready' });
    expect(await t.ok('kitchen.start', { ticketId }, kitchen)).toMatchObject({ status: 'ready' }); // never backwards
    expect(await t.ok('kitchen.queue', {}, kitchen)).toEqual([]);
    expect(await t.ok('kitchen.board', {}, kitchen)).toMatchObject({ preparing: [], ready: [{ number: 'A-001' }] });

    await t.ok('orders.pay', { orderId: unpaid.id, payments: [card('debit', 1800)] }, cashier);
    expect((await t.ok('kitchen.queue', {}, kitchen)).map((k) => k.number)).toEqual(['A-002']);
    await t.ok('orders.deliver', { orderId: a.id }, cashier);
    const board = await t.ok('kitchen.board', {}, kitchen);
    expect(board.ready).toEqual([]);
    expect(board.preparing.map((e) => e.number)).toEqual(['A-002']);
    expect((await t.ok('orders.get', { id: a.id }, cashier)).status).toBe('delivered');
  });

  it('the cached order state always equals what the facts say', async () => {
    await shop();
    const a = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [burger()] }, cashier);
    await t.ok('orders.addLines', { orderId: a.id, lines: [line(menu.p.batata, 2)] }, cashier);
    const b = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.suco)], payments: [card('pix', 900)] }, cashier);
    await t.ok('orders.void', { orderId: b.id, reason: 'cliente desistiu' }, t.adminToken);
    const { deriveOrderState, readOrderState } = await import('../../src/database/queries/orders.js');
    for (const id of t.app.db.prepare('SELECT id FROM orders').pluck().all() as string[]) {
      const { statusAt: _at, ...cached } = readOrderState(t.app.db, id)!;
      expect(cached).toEqual(deriveOrderState(t.app.db, id));
    }
  });
});

describe('printing to a network printer', () => {
  async function listen(behaviour: 'record' | 'refuse' = 'record') {
    const listening = await listeningPrinter();
    printer = listening.server;
    if (behaviour === 'refuse') await listening.close();
    return { port: listening.port, received: listening.received };
  }

  it('a sale paid by PIX prints the receipt and the kitchen ticket over TCP; the receipt says "Pago com PIX" and charges nothing', async () => {
    await shop();
    const { port, received } = await listen();
    await t.ok(
      'settings.update',
      { printerAddress: `127.0.0.1:${port}`, pixKey: '+5511912345678', pixMerchantName: 'Lanchonete Teste', pixMerchantCity: 'SAO PAULO' },
      t.adminToken,
    );
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger(), line(menu.p.refri)], payments: [card('pix', 2400)] }, cashier);
    await t.app.printer.drain();
    expect(received).toHaveLength(2);
    const [receipt, ticket] = received.map((bytes) => escposText(new Uint8Array(bytes)));
    expect(receipt).toContain(order.number);
    expect(receipt).toContain('NÃO É DOCUMENTO FISCAL');
    expect(receipt).toContain('X-Burger');
    expect(receipt).toContain('Refrigerante lata');
    expect(receipt).toContain('R$ 24,00');
    // Already paid: a QR here could make the customer pay twice.
    expect(receipt).toContain('Pago com PIX');
    expect(receipt).not.toContain('Pague com PIX');
    expect(receipt).not.toContain('copia e cola');
    expect(qrStoredData(new Uint8Array(received[0]!))).toBeNull();
    expect(ticket).toContain(order.number);
    expect(ticket).toContain('X-Burger');
    expect(ticket).toContain('capricha');
    expect(ticket).not.toContain('Refrigerante');
    const jobs = await t.ok('printing.jobs', {}, cashier);
    expect(jobs.map((j) => j.status)).toEqual(['printed', 'printed']);
  });

  it('a printer that is off never blocks or loses the sale; the job fails, says why, and prints on retry', async () => {
    await shop();
    const dead = await listen('refuse');
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${dead.port}` }, t.adminToken);
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    await t.app.printer.drain();
    expect((await t.ok('orders.get', { id: order.id }, cashier)).status).toBe('delivered');
    const [job] = await t.ok('printing.jobs', { status: 'failed' }, cashier);
    expect(job).toMatchObject({ kind: 'receipt', attempts: 1, lastError: expect.stringContaining('recusou') });

    const alive = await listen();
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${alive.port}` }, t.adminToken);
    await t.ok('printing.retry', { jobId: job!.id }, cashier);
    await t.app.printer.drain();
    expect(alive.received).toHaveLength(1);
    expect(escposText(new Uint8Array(alive.received[0]!))).toContain(order.number);
    expect((await t.ok('printing.jobs', {}, cashier))[0]).toMatchObject({ status: 'printed', attempts: 2 });

    await t.ok('printing.print', { orderId: order.id, kind: 'receipt' }, cashier);
    await t.app.printer.drain();
    expect(escposText(new Uint8Array(alive.received[1]!))).toContain('2ª VIA');
  });

  it('only an unpaid order\'s slip carries the PIX charge; once paid by PIX the receipt says "Pago com PIX"', async () => {
    await shop();
    await t.ok('settings.update', { pixKey: '+5511912345678', pixMerchantName: 'Lanchonete Teste', pixMerchantCity: 'SAO PAULO' }, t.adminToken);
    const tab = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 4', lines: [line(menu.p.batata)] }, cashier);
    const bill = (await t.ok('printing.receiptHtml', { orderId: tab.id }, cashier)).html;
    expect(bill).toContain('Pague com PIX');
    expect(bill).toContain('copia e cola');
    expect(bill).toContain('<svg');
    expect(bill).not.toContain('Pago com PIX');
    await t.ok('orders.pay', { orderId: tab.id, payments: [card('pix', 1200)] }, cashier);
    const paid = (await t.ok('printing.receiptHtml', { orderId: tab.id }, cashier)).html;
    expect(paid).toContain('Pago com PIX');
    expect(paid).not.toContain('Pague com PIX');
    expect(paid).not.toContain('copia e cola');
    expect(paid).not.toContain('<svg');
    // Paid by card: no PIX line at all.
    const byCard = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [card('debit', 600)] }, cashier);
    expect((await t.ok('printing.receiptHtml', { orderId: byCard.id }, cashier)).html).not.toContain('PIX');
  });

  it('receipt HTML for the screen: not fiscal, the sale as sold', async () => {
    await shop();
    const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [burger()], payments: [cash(2000)] }, cashier);
    const { html } = await t.ok('printing.receiptHtml', { orderId: order.id, paper: 58 }, cashier);
    expect(html).toContain('NÃO É DOCUMENTO FISCAL');
    expect(html).toContain(order.number);
    expect(html).toMatch(/R\$\s18,00/);
    expect(html).not.toContain('<script');
    const kitchenHtml = await t.ok('printing.kitchenHtml', { orderId: order.id }, kitchen);
    expect(kitchenHtml.html).toContain('capricha');
  });
});
