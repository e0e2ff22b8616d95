import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import { parsePixPayload } from '../../src/utils/pix-brcode.js';
import { SLIDE_MAX_BYTES } from '../../src/services/display/slide-rules.js';
import { newId } from '../../src/utils/ids.js';
import { cash, line, seedCatalog } from '../helpers/catalog-fixture.js';
import { shopCertificateOf, shopDevice } from '../helpers/https.js';
import { ADMIN, initializedApp, type TestApp } from '../helpers/test-app.js';

// The customer's display: the counter pushes what its customer sees, the display of that terminal (a
// tablet paired over the shop network's HTTPS, or a window on this computer) hears `display.changed`
// and reads `display.current`. Nothing else crosses: no other terminal's screen, no staff token.

const SHOP_NETWORK: AppOptions['shopNetwork'] = { port: 0, interfaces: () => ({}), extraInterfaces: [{ name: 'lan-teste', address: '127.0.0.2' }] };

let t: (TestApp & { adminToken: string }) | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5e2b5d20000000049454e44ae426082', 'hex');

async function counterWithDisplay() {
  const app = await initializedApp({ app: { shopNetwork: SHOP_NETWORK } });
  t = app;
  const menu = await seedCatalog(app, app.adminToken);
  await app.ok('settings.update', { pixKey: '+5511912345678', pixMerchantName: 'Lanchonete Teste', pixMerchantCity: 'SAO PAULO', displayColor: '#1E8449' }, app.adminToken);
  await app.ok('users.create', { name: 'Caio Caixa', role: 'cashier', pin: '2580' }, app.adminToken);
  const cashier = (await app.ok('auth.login', { name: 'Caio Caixa', pin: '2580' })).token;
  await app.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const view = await app.ok('devices.setNetwork', { enabled: true, interfaceName: 'lan-teste' }, app.adminToken);
  const ca = shopCertificateOf(app.app);
  const device = (address: string) => shopDevice(view.url!, ca, address);
  const pair = async (address: string, kind: 'display' | 'kitchen') => {
    const client = device(address);
    const asked = await client.post('devices.requestPairing', {});
    const paired = await app.ok('devices.confirmPairing', { code: asked.json.code, kind, label: `Tela ${address}` }, app.adminToken);
    return { client, token: asked.json.token as string, id: paired.id };
  };
  return { app, menu, cashier, pair };
}

const cartOf = (name: string, quantity: number, unit: number) => ({
  phase: 'cart' as const,
  lines: [{ name, quantity, modifiers: ['+ Bacon'], discount: 0, total: quantity * unit }],
  subtotal: quantity * unit,
  discount: 0,
  total: quantity * unit,
});

describe('the customer display', () => {
  it("shows its counter's cart, the PIX the core makes for the order and the change of the paid order, and nothing more", async () => {
    const { app, menu, cashier, pair } = await counterWithDisplay();
    const { client, token } = await pair('127.0.0.3', 'display');
    const stream = await client.stream(token);
    expect(stream.status).toBe(200);

    const idle = (await client.post('display.current', {}, token)).json;
    expect(idle).toMatchObject({ phase: 'idle', shopName: 'Lanchonete Teste', color: '#1e8449', lines: [], pix: null, paid: null, updatedAt: null });

    const { version } = await app.ok('display.push', { screen: cartOf('X-Burger', 2, 2200) }, cashier);
    await expect.poll(() => stream.events).toContain('display.changed');
    const shown = (await client.post('display.current', {}, token)).json;
    expect(shown).toMatchObject({ version, phase: 'cart', total: 4400, lines: [{ name: 'X-Burger', quantity: 2, modifiers: ['+ Bacon'], total: 4400 }], updatedAt: app.clock.now() });
    expect(JSON.stringify(shown)).not.toMatch(/Caio|token/i);

    // The PIX shown is the core's BR Code for that order: its amount and its txid.
    const orderId = newId();
    await app.ok('orders.create', { id: orderId, type: 'balcao', lines: [line(menu.p.batata, 2)] }, cashier);
    const charge = await app.ok('orders.pixCharge', { orderId, amount: 2400 }, cashier);
    await app.ok('display.push', { screen: { ...cartOf('Batata frita', 2, 1200), phase: 'pix', orderId, amount: 2400 } }, cashier);
    const pix = (await client.post('display.current', {}, token)).json;
    expect(pix.pix).toEqual({ payload: charge.payload, svg: charge.svg, amount: 2400, txid: charge.txid });
    expect(parsePixPayload(pix.pix.payload).get('54')).toBe('24.00');
    // More than the order owes, or an order already paid, is refused and the display keeps what it had.
    expect(await app.fails('display.push', { screen: { ...cartOf('Batata frita', 2, 1200), phase: 'pix', orderId, amount: 2401 } }, cashier)).toMatchObject({ code: 'VALIDATION', field: 'screen.amount' });
    expect(await app.fails('display.push', { screen: { phase: 'paid', orderId } }, cashier)).toMatchObject({ code: 'INVALID_STATE', field: 'screen.orderId' });
    expect((await client.post('display.current', {}, token)).json.phase).toBe('pix');

    // The change comes from the paid order, with the code to rate it.
    const paidId = newId();
    const paid = await app.ok('orders.create', { id: paidId, type: 'balcao', lines: [line(menu.p.refri)], payments: [cash(1000)] }, cashier);
    await app.ok('display.push', { screen: { phase: 'paid', orderId: paidId } }, cashier);
    const thanks = (await client.post('display.current', {}, token)).json;
    expect(thanks).toMatchObject({ phase: 'paid', paid: { number: paid.number, total: 600, change: 400, feedbackCode: expect.stringMatching(/^A\d{3}-\d{4}-\d$/) }, pix: null, lines: [] });
    stream.close();
  });

  it('takes bad input from the counter with the field named, and keeps the display as it was', async () => {
    const { app, cashier } = await counterWithDisplay();
    await app.ok('display.push', { screen: cartOf('Suco', 1, 900) }, cashier);
    const bad: [unknown, string][] = [
      [{ screen: { ...cartOf('Suco', 1, 900), lines: [{ name: 'Suco', quantity: 0, modifiers: [], discount: 0, total: 0 }] } }, 'screen.lines.0.quantity'],
      [{ screen: { ...cartOf('Suco', 1, 900), total: 9.5 } }, 'screen.total'],
      [{ screen: { ...cartOf('Suco', 1, 900), cashierName: 'Caio' } }, 'screen.cashierName'],
      [{ screen: { phase: 'party' } }, 'screen.phase'],
      [{ screen: { phase: 'paid', orderId: 'pedido-1' } }, 'screen.orderId'],
      [{ screen: { phase: 'paid', orderId: newId() } }, 'screen.orderId'],
    ];
    for (const [input, field] of bad) expect(await app.fails('display.push', input, cashier)).toMatchObject({ field });
    const local = (await app.ok('display.openScreen', {}, cashier)).token;
    expect(await app.ok('display.current', {}, local)).toMatchObject({ phase: 'cart', lines: [{ name: 'Suco' }] });
  });

  it("refuses another terminal's display, a staff token on the display's read and a display's token on the push", async () => {
    const { app, cashier, pair } = await counterWithDisplay();
    const ours = await pair('127.0.0.3', 'display');
    const theirs = await pair('127.0.0.4', 'display');
    const kitchen = await pair('127.0.0.5', 'kitchen');
    // A display paired at another terminal of the shop (its row came with the shop's data) reads nothing here.
    app.app.db.prepare('UPDATE devices SET terminal_id = ? WHERE id = ?').run(newId(), theirs.id);
    app.app.sessions.closeDevice(theirs.id);
    const ourStream = await ours.client.stream(ours.token);
    const theirStream = await theirs.client.stream(theirs.token);
    const kitchenStream = await kitchen.client.stream(kitchen.token);

    await app.ok('display.push', { screen: cartOf('X-Salada', 1, 2000) }, cashier);
    await expect.poll(() => ourStream.events).toContain('display.changed');
    expect((await theirs.client.post('display.current', {}, theirs.token)).json).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await kitchen.client.post('display.current', {}, kitchen.token)).status).toBe(403);
    // A ping later, neither of them heard the other counter's display change.
    await app.ok('display.push', { screen: { phase: 'idle' } }, cashier);
    await expect.poll(() => ourStream.events.filter((e) => e === 'display.changed').length).toBe(2);
    expect(theirStream.events).not.toContain('display.changed');
    expect(kitchenStream.events).not.toContain('display.changed');

    expect(await app.fails('display.current', {}, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await app.fails('display.current', {}, app.adminToken)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ours.client.post('display.push', { screen: { phase: 'idle' } }, ours.token)).status).toBe(403);
    expect((await ours.client.post('orders.list', {}, ours.token)).status).toBe(403);
    for (const stream of [ourStream, theirStream, kitchenStream]) stream.close();
  });

  it("opens one display window on this computer, that reads this counter's display and nothing else", async () => {
    const { app, cashier } = await counterWithDisplay();
    const first = (await app.ok('display.openScreen', {}, cashier)).token;
    await app.ok('display.push', { screen: cartOf('Pão de queijo', 3, 500) }, cashier);
    expect(await app.ok('display.current', {}, first)).toMatchObject({ phase: 'cart', total: 1500 });
    for (const operation of ['orders.list', 'auth.session', 'display.push', 'display.openScreen', 'kitchen.queue']) {
      expect(await app.fails(operation, {}, first)).toMatchObject({ code: 'FORBIDDEN' });
    }
    // Public operations too: the customer cannot list the staff from this window.
    expect(await app.fails('auth.roster', {}, first)).toMatchObject({ code: 'FORBIDDEN' });
    // It stays up all day without locking, and one window at a time: a new one retires the older token.
    app.clock.advance(60 * 60_000);
    expect(await app.ok('display.current', {}, first)).toMatchObject({ phase: 'cart' });
    const manager = (await app.ok('auth.login', ADMIN)).token;
    const second = (await app.ok('display.openScreen', {}, manager)).token;
    expect(await app.fails('display.current', {}, first)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await app.ok('display.current', {}, second)).toMatchObject({ phase: 'cart' });
  });

  it('serves the idle slides of the chosen folder only: pictures checked by content, nothing outside it', async () => {
    const { app, cashier, pair } = await counterWithDisplay();
    const folder = mkdtempSync(join(tmpdir(), 'balcao-slides-'));
    const outside = mkdtempSync(join(tmpdir(), 'balcao-outside-'));
    writeFileSync(join(folder, '02-promo.png'), PNG);
    writeFileSync(join(folder, '10-combo.png'), PNG);
    writeFileSync(join(folder, 'leia-me.txt'), 'texto');
    writeFileSync(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(folder, 'falso.png'), '<html>não sou imagem</html>');
    writeFileSync(join(folder, 'grande.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(SLIDE_MAX_BYTES)]));
    writeFileSync(join(outside, 'segredo.png'), PNG);
    symlinkSync(join(outside, 'segredo.png'), join(folder, 'atalho.png'));

    // Only an admin chooses, only a folder of this computer given in full; a refusal writes nothing.
    expect(await app.fails('display.configure', { slidesFolder: folder, secondWindow: true }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await app.fails('display.configure', { slidesFolder: 'slides', secondWindow: true }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'slidesFolder' });
    expect(await app.fails('display.configure', { slidesFolder: join(folder, 'nada'), secondWindow: true }, app.adminToken)).toMatchObject({ code: 'VALIDATION', field: 'slidesFolder' });
    expect(await app.ok('display.config', {}, app.adminToken)).toEqual({ slidesFolder: null, secondWindow: false });
    expect(await app.ok('display.configure', { slidesFolder: folder, secondWindow: true }, app.adminToken)).toEqual({ slidesFolder: folder, secondWindow: true });
    expect(app.app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'display.configure'").pluck().get()).toBe(1);

    const { client, token } = await pair('127.0.0.3', 'display');
    const names = (await client.post('display.slides', {}, token)).json.names;
    expect(names).toEqual(['02-promo.png', '10-combo.png', 'falso.png', 'grande.jpg']);
    const slide = await client.post('display.slide', { name: '02-promo.png' }, token);
    expect(slide.json).toEqual({ name: '02-promo.png', contentType: 'image/png', base64: PNG.toString('base64') });

    const refused: [string, string][] = [
      ['../' + outside.split('/').pop() + '/segredo.png', 'VALIDATION'],
      ['..%2fsegredo.png', 'VALIDATION'],
      [join(outside, 'segredo.png'), 'VALIDATION'],
      ['logo.svg', 'VALIDATION'],
      ['leia-me.txt', 'VALIDATION'],
      ['.hidden.png', 'VALIDATION'],
      ['falso.png', 'VALIDATION'],
      ['grande.jpg', 'VALIDATION'],
      ['atalho.png', 'NOT_FOUND'],
      ['sumiu.png', 'NOT_FOUND'],
    ];
    for (const [name, code] of refused) {
      const reply = await client.post('display.slide', { name }, token);
      expect({ name, code: reply.json.error?.code, field: reply.json.error?.field }).toEqual({ name, code, field: 'name' });
    }
    // The cashier's screens have no business with the slides; the display has none with the folder.
    expect(await app.fails('display.slide', { name: '02-promo.png' }, cashier)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await client.post('display.config', {}, token)).status).toBe(403);
  });
});
