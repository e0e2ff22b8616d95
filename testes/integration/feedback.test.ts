import { afterEach, describe, expect, it } from 'vitest';
import { eraseExpiredContacts } from '../../src/services/privacy-retention.js';
import { feedbackCode } from '../../src/utils/feedback-code.js';
import { newId } from '../../src/utils/ids.js';
import { card, cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { startBridge, type RunningBridge } from '../helpers/http.js';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let kiosk: string;
let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  t?.close();
});

async function shop() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier);
  kiosk = (await t.ok('feedback.openKiosk', {}, t.adminToken)).token;
}

const sale = (productId = menu.p.refri) => t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(productId)], payments: [cash(5000)] }, cashier);

describe('customer feedback', () => {
  it('rates a paid order found by number or by the receipt code, once', async () => {
    await shop();
    const order = await sale();
    const byNumber = await t.ok('feedback.lookup', { code: 'a1' }, kiosk);
    expect(byNumber).toMatchObject({ orderId: order.id, number: 'A-001', items: ['1 × Refrigerante lata'] });
    const code = feedbackCode(order.number, order.businessDay);
    expect((await t.ok('feedback.lookup', { code }, kiosk)).orderId).toBe(order.id);
    const { html } = await t.ok('printing.receiptHtml', { orderId: order.id }, cashier);
    expect(html).toContain(code);
    expect(await t.fails('feedback.lookup', { code: code.replace(/\d$/, (d) => String((Number(d) + 1) % 10)) }, kiosk)).toMatchObject({ code: 'VALIDATION', field: 'code' });

    await t.ok('feedback.submit', { id: newId(), orderId: order.id, rating: 4, tags: ['sabor'] }, kiosk);
    expect(await t.fails('feedback.submit', { id: newId(), orderId: order.id, rating: 5 }, kiosk)).toMatchObject({ code: 'CONFLICT', field: 'orderId' });
    expect(await t.fails('feedback.lookup', { code: 'A-001' }, kiosk)).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses unpaid, cancelled, unknown and old orders, unknown tags, and contact without consent', async () => {
    await shop();
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', lines: [line(menu.p.refri)] }, cashier);
    expect(await t.fails('feedback.submit', { id: newId(), orderId: comanda.id, rating: 3 }, kiosk)).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('pago') });
    expect(await t.fails('feedback.lookup', { code: 'A-999' }, kiosk)).toMatchObject({ code: 'NOT_FOUND' });
    const paid = await sale();
    expect(await t.fails('feedback.submit', { id: newId(), orderId: paid.id, rating: 3, tags: ['música'] }, kiosk)).toMatchObject({ field: 'tags' });
    expect(await t.fails('feedback.submit', { id: newId(), orderId: paid.id, rating: 3, contactPhone: '11 91234-5678' }, kiosk)).toMatchObject({ code: 'VALIDATION', field: 'consent' });
    expect(await t.fails('feedback.submit', { id: newId(), orderId: paid.id, rating: 0 }, kiosk)).toMatchObject({ field: 'rating' });
    t.clock.advanceMinutes(8 * 24 * 60);
    // Sessions end with the business day: a manager opens the feedback screen again.
    const manager = (await t.ok('auth.login', ADMIN)).token;
    kiosk = (await t.ok('feedback.openKiosk', {}, manager)).token;
    expect(await t.fails('feedback.submit', { id: newId(), orderId: paid.id, rating: 3 }, kiosk)).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('7 dias') });
    expect(t.app.db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(0);
  });

  it('the feedback screen’s session can submit feedback and read nothing else', async () => {
    await shop();
    for (const op of ['orders.list', 'catalog.snapshot', 'auth.session', 'users.list', 'feedback.list', 'kitchen.board', 'printing.jobs', 'cash.current', 'feedback.openKiosk'] as const) {
      expect((await t.fails(op, {}, kiosk)).code, op).toBe('FORBIDDEN');
    }
    expect(await t.ok('feedback.kiosk', {}, kiosk)).toEqual({ shopName: 'Lanchonete Teste', tags: ['sabor', 'tempo de espera', 'atendimento', 'preço', 'limpeza'] });
    // Its live channel hears only that an order was just paid, to pre-select it.
    bridge = await startBridge(t.app);
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}/api/events?token=${kiosk}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const order = await sale();
    let text = '';
    while (!text.includes('feedback.prompt')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`"number":"${order.number}"`);
    expect(text).not.toContain('orders.changed');
    controller.abort();
  });

  it('a low rating raises an alert and a feedback.received event; the manager handles it from the inbox', async () => {
    await shop();
    const events: { type: string; data: unknown }[] = [];
    t.app.events.subscribe((e) => events.push(e));
    const happy = await sale(menu.p.batata);
    const sad = await sale(menu.p.refri);
    await t.ok('feedback.submit', { id: newId(), orderId: happy.id, rating: 5, tags: ['sabor'] }, kiosk);
    const sadId = newId();
    await t.ok('feedback.submit', { id: sadId, orderId: sad.id, rating: 2, tags: ['tempo de espera'], comment: 'Demorou muito', contactName: 'Maria', contactPhone: '(11) 91234-5678', consent: true }, kiosk);
    expect(events.filter((e) => e.type === 'feedback.alert').map((e) => e.data)).toEqual([{ feedbackId: sadId, orderNumber: sad.number, rating: 2, comment: 'Demorou muito' }]);
    expect(events.filter((e) => e.type === 'feedback.received')).toHaveLength(2);

    const low = await t.ok('feedback.list', { maxRating: 2, handled: false }, t.adminToken);
    expect(low.map((f) => [f.orderNumber, f.rating, f.tags, f.cashierName, f.hasContact])).toEqual([[sad.number, 2, ['tempo de espera'], 'Caio Caixa', true]]);
    expect((await t.ok('feedback.list', { productId: menu.p.batata }, t.adminToken)).map((f) => f.rating)).toEqual([5]);
    expect((await t.ok('feedback.list', { tag: 'sabor' }, t.adminToken)).map((f) => f.rating)).toEqual([5]);
    const detail = await t.ok('feedback.get', { id: sadId }, t.adminToken);
    expect(detail).toMatchObject({ items: [{ name: 'Refrigerante lata', quantity: 1 }], contact: { name: 'Maria', phone: '(11) 91234-5678' } });
    await t.ok('feedback.handle', { id: sadId, note: 'Liguei e ofereci um lanche.' }, t.adminToken);
    expect(await t.ok('feedback.list', { maxRating: 2, handled: false }, t.adminToken)).toEqual([]);
    expect((await t.ok('feedback.get', { id: sadId }, t.adminToken))).toMatchObject({ handledByName: 'Ana Admin', handledNote: 'Liguei e ofereci um lanche.' });
    expect((await t.fails('feedback.list', {}, cashier)).code).toBe('FORBIDDEN');
  });

  it('reports average and distribution by day, week, product, tag, cashier and hour, and as CSV', async () => {
    await shop();
    const ratings = [5, 4, 2, 5, 3];
    for (const [i, rating] of ratings.entries()) {
      const order = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(i % 2 ? menu.p.batata : menu.p.refri)], payments: [card('debit', i % 2 ? 1200 : 600)] }, cashier);
      await t.ok('feedback.submit', { id: newId(), orderId: order.id, rating, tags: rating <= 3 ? ['tempo de espera'] : ['sabor'] }, kiosk);
    }
    const report = await t.ok('feedback.report', { from: '2026-11-01', to: '2026-11-30' }, t.adminToken);
    expect(report).toMatchObject({ count: 5, average: 3.8, distribution: [0, 1, 1, 1, 2] });
    expect(report.byDay).toEqual([{ key: '2026-11-29', label: '29/11/2026', count: 5, average: 3.8 }]);
    expect(report.byWeek.map((w) => w.key)).toEqual(['2026-W48']);
    expect(report.byProduct.map((p) => [p.label, p.count, p.average])).toEqual([['Refrigerante lata', 3, 3.33], ['Batata frita', 2, 4.5]]);
    expect(report.byTag.map((p) => [p.label, p.average])).toEqual([['tempo de espera', 2.5], ['sabor', 4.67]]);
    expect(report.byCashier).toEqual([{ key: 'Caio Caixa', label: 'Caio Caixa', count: 5, average: 3.8 }]);
    expect(report.byHour).toEqual([{ key: '12', label: '12h', count: 5, average: 3.8 }]);
    const { csv, rows } = await t.ok('feedback.exportCsv', { from: '2026-11-29', to: '2026-11-29' }, t.adminToken);
    expect(rows).toBe(5);
    expect(csv).toContain('data;pedido;nota;etiquetas;comentario;operador;tratada;nota_do_gerente');
  });
});

describe('privacy (LGPD)', () => {
  it('an admin exports and erases one customer’s data; contacts expire by themselves; ratings stay', async () => {
    await shop();
    const a = await sale();
    const b = await sale();
    await t.ok('feedback.submit', { id: newId(), orderId: a.id, rating: 5, contactName: 'Maria', contactEmail: 'Maria@Example.com', consent: true }, kiosk);
    await t.ok('feedback.submit', { id: newId(), orderId: b.id, rating: 4, contactName: 'João', contactPhone: '11 98888-7777', consent: true }, kiosk);
    const data = await t.ok('feedback.customerData', { email: 'maria@example.com' }, t.adminToken);
    expect(data).toMatchObject([{ orderNumber: a.number, name: 'Maria', email: 'maria@example.com', rating: 5 }]);
    expect((await t.fails('feedback.customerData', { email: 'maria@example.com' }, cashier)).code).toBe('FORBIDDEN');
    expect(await t.ok('feedback.eraseCustomer', { email: 'MARIA@example.com' }, t.adminToken)).toEqual({ erased: 1 });
    expect(await t.ok('feedback.customerData', { email: 'maria@example.com' }, t.adminToken)).toEqual([]);
    const audit = t.app.db.prepare("SELECT details FROM audit_log WHERE action = 'feedback.eraseCustomer'").pluck().get() as string;
    expect(audit).not.toContain('maria');

    t.clock.advanceMinutes(91 * 24 * 60);
    expect(eraseExpiredContacts(t.app.db, t.clock.now())).toBe(1);
    expect(t.app.db.prepare('SELECT count(*) FROM feedback_contacts').pluck().get()).toBe(0);
    expect(t.app.db.prepare('SELECT count(*) FROM feedback').pluck().get()).toBe(2);
  });
});
