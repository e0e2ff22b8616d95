import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { ADMIN, initializedApp } from '../helpers/test-app.js';

type T = Awaited<ReturnType<typeof initializedApp>>;
let t: T;
let menu: Menu;
let cashier: string;
let sessionId: string;
afterEach(() => t?.close());

/** The test clock starts at 12:00 in São Paulo; the business day turns at 04:00. */
async function shopAt0350() {
  t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, t.adminToken);
  t.clock.advanceMinutes(15 * 60 + 50);
  await later(0);
  t.adminToken = (await t.ok('auth.login', ADMIN)).token;
  sessionId = (await t.ok('cash.open', { id: newId(), openingFloat: 0 }, cashier)).id;
}

/** Time passes; the screen has locked itself meanwhile, so the cashier signs in again. */
async function later(minutes: number) {
  t.clock.advanceMinutes(minutes);
  cashier = (await t.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
}

const counted = { cash: 0, debit: 0, credit: 0, voucher: 0, pix: 0 };

describe('open orders after the business day turns', () => {
  it('a comanda opened at 03:50 is still listed, found by number and reachable from the caixa close at 04:01', async () => {
    await shopAt0350();
    const comanda = await t.ok('orders.create', { id: newId(), type: 'comanda', customerName: 'Mesa 9', lines: [line(menu.p.refri)] }, cashier);
    const pix = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.batata)] }, cashier);
    expect(comanda.businessDay).toBe('2026-11-29');
    await later(11);
    const today = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    expect(today).toMatchObject({ businessDay: '2026-11-30', number: 'A-001' });

    const open = await t.ok('orders.list', { open: true }, cashier);
    expect(open.map((o) => [o.number, o.businessDay])).toEqual([
      ['A-002', '2026-11-29'],
      ['A-001', '2026-11-29'],
    ]);
    // Today's list is today's; any other day is one choice away; a number is searched across days.
    expect((await t.ok('orders.list', {}, cashier)).map((o) => o.id)).toEqual([today.id]);
    expect((await t.ok('orders.list', { businessDay: '2026-11-29' }, cashier)).map((o) => o.id)).toEqual([pix.id, comanda.id]);
    expect((await t.ok('orders.list', { number: 'a1' }, cashier)).map((o) => o.id)).toEqual([today.id, comanda.id]);
    expect((await t.ok('orders.list', { number: '2' }, cashier)).map((o) => o.id)).toEqual([pix.id]);
    expect(await t.fails('orders.list', { number: 'mesa' }, cashier)).toMatchObject({ code: 'VALIDATION', field: 'number' });

    const refused = await t.fails('cash.close', { sessionId, counted }, cashier);
    expect(refused).toMatchObject({ code: 'INVALID_STATE', details: { openOrders: 2, numbers: ['A-001', 'A-002'] } });
    expect(refused.message).toContain('A-001, A-002');
    await t.ok('orders.pay', { orderId: comanda.id, payments: [cash(600)] }, cashier);
    await t.ok('orders.cancel', { orderId: pix.id, reason: 'cliente desistiu' }, cashier);
    await t.ok('cash.close', { sessionId, counted: { ...counted, cash: 1200 } }, cashier);
  });

  it('a bare number to rate means the most recent paid order with it within the rating window', async () => {
    await shopAt0350();
    const lateNight = await t.ok('orders.create', { id: newId(), type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(600)] }, cashier);
    await later(11);
    // Sessions end as the day turns: the rating screen is opened again for the new day.
    const kiosk = (await t.ok('feedback.openKiosk', {}, cashier)).token;
    // Rated after the day turned, by the number on the receipt.
    expect((await t.ok('feedback.lookup', { code: 'A-001' }, kiosk)).orderId).toBe(lateNight.id);
    // Today's A-001, once paid, is the more recent one.
    const unpaid = await t.ok('orders.create', { id: newId(), type: 'comanda', pager: '3', lines: [line(menu.p.refri)] }, cashier);
    expect((await t.ok('feedback.lookup', { code: '01' }, kiosk)).orderId).toBe(lateNight.id);
    await t.ok('orders.pay', { orderId: unpaid.id, payments: [cash(600)] }, cashier);
    expect((await t.ok('feedback.lookup', { code: 'a 1' }, kiosk)).orderId).toBe(unpaid.id);
    // Past the window, an old number is not found by its number alone.
    await later(8 * 24 * 60);
    const nextWeek = (await t.ok('feedback.openKiosk', {}, cashier)).token;
    expect(await t.fails('feedback.lookup', { code: 'A-001' }, nextWeek)).toMatchObject({ code: 'INVALID_STATE', field: 'code' });
  });
});
