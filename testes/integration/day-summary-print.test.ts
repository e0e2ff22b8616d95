import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { escposText } from '../helpers/cp860.js';
import { listeningPrinter, type ListeningPrinter } from '../helpers/printer-listener.js';
import { initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let manager: string;
let printer: ListeningPrinter | undefined;
afterEach(async () => {
  t?.close();
  await printer?.close();
  printer = undefined;
});

const listen = async () => (printer = await listeningPrinter());

/** São Paulo wall-clock time (UTC−3) on the test clock; everyone logs in again (sessions end with the business day). */
async function setLocal(iso: string) {
  t.clock.advance(Date.parse(`${iso}-03:00`) - t.clock.now());
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  manager = (await t.ok('auth.login', { name: 'Gil Gerente', pin: '736194' })).token;
  t.adminToken = (await t.ok('auth.login', { name: 'Ana Admin', pin: '480135' })).token;
}

async function shop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  await t.ok('users.create', { name: 'Gil Gerente', role: 'manager', pin: '736194' }, t.adminToken);
}

/**
 * 01/12: two burgers and a can in cash (R$ 42,00, R$ 8,00 change), fries with R$ 2,00 off by PIX, a juice
 * by debit at 03:30 of the next morning (still the 1st), and two cans sold and voided.
 */
async function dayOfSales() {
  await setLocal('2026-12-01T12:00:00');
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.xburger, 2, { modifierOptionIds: [menu.ponto.aoPonto] }), line(menu.p.refri)], payments: [cash(5000)] }, cashier);
  await t.ok('orders.create', { id: newId(), type: 'viagem', lines: [line(menu.p.batata, 1, { discount: { kind: 'amount', value: 200 } })], payments: [card('pix', 1000)] }, t.adminToken);
  const voided = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri, 2)], payments: [cash(1200)] }, cashier);
  await t.ok('orders.void', { orderId: voided.id, reason: 'cobrado em dobro' }, manager);
  await setLocal('2026-12-02T03:30:00');
  await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.suco)], payments: [card('debit', 900)] }, cashier);
  await setLocal('2026-12-02T03:45:00');
}

describe('reports.printDaySummary', () => {
  it("prints the business day under way (before 04:00, still yesterday's) on the counter printer, with the figures the reports give", async () => {
    await shop();
    await dayOfSales();
    // The printer is plugged in after the sales, so what it receives is the summary alone.
    const { port, received } = await listen();
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${port}` }, t.adminToken);

    const id = newId();
    const queued = await t.ok('reports.printDaySummary', { id }, manager);
    expect(queued.day).toBe('2026-12-01');
    await t.app.printer.drain();
    expect(received).toHaveLength(1);
    const text = escposText(new Uint8Array(received[0]!));

    const sales = await t.ok('reports.sales', { period: { from: '2026-12-01', to: '2026-12-01' }, by: 'product' }, manager);
    expect(sales.totals).toMatchObject({ orders: 3, gross: 6300, discounts: 200, net: 6100 });
    expect(text).toContain('NÃO É DOCUMENTO FISCAL');
    expect(text).toContain('Lanchonete Teste');
    expect(text).toContain('RESUMO DO DIA');
    expect(text).toMatch(/Dia +01\/12\/2026/);
    expect(text).toMatch(/Emitido em +02\/12\/2026 03:45/);
    expect(text).toMatch(/Pedidos +3\n/);
    expect(text).toMatch(/Vendas brutas +R\$ 63,00/);
    expect(text).toMatch(/Descontos +- R\$ 2,00/);
    expect(text).toMatch(/Vendas líquidas +R\$ 61,00/);
    // 61,00 / 3 = 20,333…: half up to the centavo.
    expect(text).toMatch(/Ticket médio +R\$ 20,33/);
    // What stayed per method: the cash sale's R$ 50,00 less R$ 8,00 change; the voided order is no sale.
    expect(text).toMatch(/Dinheiro \(1\) +R\$ 42,00/);
    expect(text).toMatch(/PIX \(1\) +R\$ 10,00/);
    expect(text).toMatch(/Débito \(1\) +R\$ 9,00/);
    expect(text).toMatch(/Descontos dados \(1\) +R\$ 2,00/);
    expect(text).toMatch(/Estornados \(1\) +R\$ 12,00/);
    expect(text).toMatch(/Cancelados \(0\) +R\$ 0,00/);
    // Best sellers by net, biggest first.
    const top = [...text.matchAll(/^(\d+) x (.+?) +R\$ ([\d.,]+)$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(top).toEqual([
      ['2', 'X-Burger', '36,00'],
      ['1', 'Batata frita', '10,00'],
      ['1', 'Suco de laranja', '9,00'],
      ['1', 'Refrigerante lata', '6,00'],
    ]);
    const jobs = await t.ok('printing.jobs', {}, manager);
    expect(jobs[0]).toMatchObject({ id: queued.jobId, kind: 'day_summary', refId: '2026-12-01', label: 'Resumo do dia 01/12/2026', status: 'printed' });
  });

  it('a retry whose reply was lost prints once; the same id for another day is a CONFLICT', async () => {
    await shop();
    await dayOfSales();
    // The printer is plugged in after the sales, so what it receives is the summary alone.
    const { port, received } = await listen();
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${port}` }, t.adminToken);
    const id = newId();
    const first = await t.ok('reports.printDaySummary', { id, day: '2026-11-30' }, manager);
    const again = await t.ok('reports.printDaySummary', { id, day: '2026-11-30' }, manager);
    expect(again).toEqual(first);
    expect(await t.fails('reports.printDaySummary', { id, day: '2026-12-01' }, manager)).toMatchObject({ code: 'CONFLICT', field: 'day' });
    await t.app.printer.drain();
    expect(received).toHaveLength(1);
    const text = escposText(new Uint8Array(received[0]!));
    expect(text).toMatch(/Dia +30\/11\/2026/);
    expect(text).toMatch(/Pedidos +0\n/);
    expect(text).toContain('Nenhum pagamento.');
    expect(text).toContain('Nenhuma venda.');
  });

  it('a printer that is off: the summary fails and says why, and prints on retry with the figures of that moment', async () => {
    await shop();
    await dayOfSales();
    const off = await listeningPrinter();
    await off.close();
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${off.port}` }, t.adminToken);
    const queued = await t.ok('reports.printDaySummary', { id: newId(), day: '2026-12-01' }, manager);
    await t.app.printer.drain();
    expect((await t.ok('printing.jobs', {}, manager))[0]).toMatchObject({ id: queued.jobId, status: 'failed', lastError: expect.any(String) });

    // Meanwhile one more sale lands on the 1st (it is still 03:45 of the night); its receipt fails too.
    await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.pao)], payments: [card('credit', 500)] }, cashier);
    await listen();
    await t.ok('settings.update', { printerAddress: `127.0.0.1:${printer!.port}` }, t.adminToken);
    await t.ok('printing.retry', { jobId: queued.jobId }, manager);
    await t.app.printer.drain();
    expect(printer!.received).toHaveLength(1);
    const text = escposText(new Uint8Array(printer!.received[0]!));
    expect(text).toMatch(/Pedidos +4\n/);
    expect(text).toMatch(/Vendas líquidas +R\$ 66,00/);
    expect(text).toMatch(/Crédito \(1\) +R\$ 5,00/);
    const job = (await t.ok('printing.jobs', {}, manager)).find((j) => j.id === queued.jobId);
    expect(job).toMatchObject({ kind: 'day_summary', status: 'printed', attempts: 2 });
  });

  it('refuses, naming the field and queuing nothing: no printer, a day to come, a day that does not exist, a cashier', async () => {
    await shop();
    await dayOfSales();
    const queued = () => t.app.db.prepare('SELECT count(*) FROM print_jobs').pluck().get();
    const before = queued();
    expect(await t.fails('reports.printDaySummary', { id: newId() }, manager)).toMatchObject({ code: 'INVALID_STATE', field: 'day', message: expect.stringContaining('impressora') });
    await t.ok('settings.update', { printerAddress: '127.0.0.1:9' }, t.adminToken);
    expect(await t.fails('reports.printDaySummary', { id: newId(), day: '2026-12-02' }, manager)).toMatchObject({ code: 'VALIDATION', field: 'day', message: 'O dia do resumo não pode ser depois de hoje.' });
    expect(await t.fails('reports.printDaySummary', { id: newId(), day: '2026-02-30' }, manager)).toMatchObject({ code: 'VALIDATION', field: 'day', message: expect.stringContaining('A data do resumo não existe.') });
    expect(await t.fails('reports.printDaySummary', { id: newId() }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(queued()).toBe(before);
  });
});
