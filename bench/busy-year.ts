import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/database/connection.js';
import { DATABASE_FILE } from '../src/database/data-dir.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { MemoryLogger } from '../src/logs/memory-logger.js';
import { businessDayStart, shiftDay } from '../src/utils/business-day.js';
import { newId } from '../src/utils/ids.js';
import { projectRoot } from './lib.js';
import { call } from './sale.js';

/**
 * A busy shop's year, built fast by direct SQL (one transaction per business day) on a database the
 * app set up itself (shop, users, menu, stock items, recipes). Two terminals, a caixa each per day,
 * closed with the count right; sales with recipes (every line takes three items at their cost),
 * split payments with change, some order discounts, voids (refunded, stock returned) and
 * cancellations, losses, weekly receipts and a few ratings. The sales summaries are kept by the
 * schema's own triggers as the rows go in. The change log is left empty: nothing here is to be synced.
 *
 * Built files are cached under bench/.cache, keyed by VERSION, the migrations and the options, so a rerun copies one.
 */
export const VERSION = 'busy-year-3';

export interface BusyYearOptions {
  orders?: number;
  days?: number;
  firstDay?: string;
  /** Average lines per order (each takes three stock items). */
  linesPerOrder?: number;
  seed?: number;
}

export interface BusyYear {
  file: string;
  firstDay: string;
  lastDay: string;
  admin: { name: string; pin: string };
  cashier: { name: string; pin: string };
  productIds: string[];
  counts: Record<string, number>;
}

const ADMIN = { name: 'Ana Admin', pin: '480135' };
const CASHIER = { name: 'Caio Caixa', pin: '2580' };
const PRODUCTS = 40;
const ITEMS = 60;
/** The shop's zone as set up (the app's default), where business days turn at 04:00. */
const TIME_ZONE = 'America/Sao_Paulo';

/** A small deterministic random source (mulberry32), so every build is the same shop. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

async function setUpShop(dir: string) {
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, webhooks: { autoStart: false } });
  const call = async (operation: string, input: unknown, token?: string) => {
    const outcome = await app.dispatcher.dispatch(operation, input, token);
    if (!outcome.ok) throw new Error(`${operation}: ${outcome.error.message}`);
    return outcome.result as any;
  };
  await call('setup.initialize', { shopName: 'Lanchonete Movimentada', terminalLetter: 'A', adminName: ADMIN.name, adminPin: ADMIN.pin });
  const admin = (await call('auth.login', ADMIN)).token as string;
  await call('users.create', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin }, admin);
  const categories = Array.from({ length: 6 }, () => newId());
  for (const [i, id] of categories.entries()) await call('catalog.saveCategory', { id, name: `Categoria ${i + 1}`, color: '#ef4444', sortOrder: i }, admin);
  const items = Array.from({ length: ITEMS }, () => newId());
  for (const [i, id] of items.entries()) await call('stock.saveItem', { id, name: `Insumo ${i + 1}`, baseUnit: 'g', minimum: 0 }, admin);
  const products: { id: string; price: number; name: string; items: string[] }[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const product = { id: newId(), price: 600 + ((i * 137) % 30) * 100, name: `Produto ${i + 1}`, items: [items[i % ITEMS]!, items[(i + 20) % ITEMS]!, items[(i + 40) % ITEMS]!] };
    await call('catalog.saveProduct', { id: product.id, name: product.name, code: `P${i + 1}`, price: product.price, categoryId: categories[i % categories.length] }, admin);
    await call('recipes.save', { productId: product.id, items: product.items.map((itemId) => ({ itemId, quantity: 50_000 })) }, admin);
    products.push(product);
  }
  const cashierId = (app.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(CASHIER.name) as string);
  const adminId = (app.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(ADMIN.name) as string);
  const terminalA = app.db.prepare('SELECT id FROM terminals LIMIT 1').pluck().get() as string;
  app.close();
  return { products, items, cashierId, adminId, terminalA };
}

/** Builds the year into `file` (or copies the cached build); the file must not exist yet. */
export async function buildBusyYear(file: string, options: BusyYearOptions = {}): Promise<BusyYear> {
  const opts = { orders: 250_000, days: 365, firstDay: '2025-12-01', linesPerOrder: 4, seed: 42, ...options };
  // A new schema builds a new file: any migration added, even one numbered below the latest.
  const schema = createHash('sha256').update(MIGRATIONS.map((m) => `${m.version}:${m.name}`).join(',')).digest('hex').slice(0, 12);
  const key = `${VERSION}-s${schema}-${opts.orders}-${opts.days}-${opts.firstDay}-${opts.linesPerOrder}-${opts.seed}`;
  const cacheDir = join(projectRoot(), 'bench', '.cache');
  const cached = join(cacheDir, `${key}.sqlite3`);
  const meta = join(cacheDir, `${key}.json`);
  if (!existsSync(cached) || !existsSync(meta)) {
    mkdirSync(cacheDir, { recursive: true });
    const built = await build(opts);
    renameSync(built.file, `${cached}.tmp`);
    rmSync(dirname(built.file), { recursive: true, force: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(meta, JSON.stringify({ ...built, file: undefined }));
    renameSync(`${cached}.tmp`, cached);
  }
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(cached, file);
  const { readFileSync } = await import('node:fs');
  return { ...(JSON.parse(readFileSync(meta, 'utf8')) as Omit<BusyYear, 'file'>), file };
}

async function build(opts: Required<BusyYearOptions>): Promise<BusyYear> {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-busy-year-'));
  const shop = await setUpShop(dir);
  const file = join(dir, DATABASE_FILE);
  const db = openDatabase(file);
  // Built once, then checked: durability is not what is measured here, and the file is written once.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = OFF');
  const rnd = random(opts.seed);
  const terminalB = newId();
  db.prepare("INSERT INTO terminals (id, letter, created_at, hlc) VALUES (?, 'B', 0, '')").run(terminalB);
  const terminals = [
    { id: shop.terminalA, letter: 'A' },
    { id: terminalB, letter: 'B' },
  ];
  const s = {
    session: db.prepare('INSERT INTO cash_sessions (id, terminal_id, opened_by, opened_by_name, opened_at, opening_float, hlc) VALUES (?, ?, ?, ?, ?, 20000, ?)'),
    closing: db.prepare('INSERT INTO cash_closings (session_id, closed_by, closed_by_name, closed_at, counted, expected, hlc) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    counter: db.prepare('INSERT INTO order_counters (terminal_id, business_day, last_number) VALUES (?, ?, ?)'),
    order: db.prepare(`INSERT INTO orders (id, terminal_id, business_day, number, display_number, type, customer_name, pager, created_by, created_by_name, created_at, cash_session_id, hlc)
      VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`),
    line: db.prepare(`INSERT INTO order_lines (id, order_id, position, product_id, name, quantity, unit_price, modifiers, combo, notes, station, discount, total, cost, cost_known, added_by, added_at, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '[]', NULL, NULL, 0, ?, ?, 1, ?, ?, ?)`),
    discount: db.prepare(`INSERT INTO order_discounts (id, order_id, line_id, kind, value, amount, reason, given_by, approved_by, approved_by_name, at, hlc)
      VALUES (?, ?, NULL, 'percent', 1000, ?, 'cliente fiel', ?, ?, ?, ?, ?)`),
    payment: db.prepare('INSERT INTO payments (id, order_id, cash_session_id, method, amount, tendered, change, received_by, at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    refund: db.prepare('INSERT INTO refunds (id, order_id, payment_id, cash_session_id, method, amount, refunded_by, at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    event: db.prepare(`INSERT INTO order_events (id, order_id, kind, by_user, by_name, at, reason, approver_id, approver_name, cash_session_id, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    state: db.prepare('INSERT INTO order_state (order_id, status, subtotal, discount, total, paid, paid_at, status_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    movement: db.prepare(`INSERT INTO stock_movements (id, item_id, kind, quantity, value, reason, order_id, order_line_id, reverses_id, by_user, by_name, at, hlc)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    feedback: db.prepare("INSERT INTO feedback (id, order_id, rating, tags, comment, created_at, hlc) VALUES (?, ?, ?, '[]', NULL, ?, ?)"),
    taken: db.prepare("SELECT id, item_id AS itemId, quantity, value FROM stock_movements WHERE order_id = ? AND kind = 'venda'"),
  };
  // Every item costs R$ 0,03 a gram: a line's 3 × 50 g cost R$ 4,50 per unit sold.
  const COST_PER_UNIT = 450;
  const level = new Map<string, { quantity: number; value: number }>(shop.items.map((id) => [id, { quantity: 0, value: 0 }]));
  const move = (itemId: string, kind: string, quantity: number, value: number, at: number, extra: { reason?: string; orderId?: string; lineId?: string; reverses?: string } = {}) => {
    const id = newId();
    s.movement.run(id, itemId, kind, quantity, value, extra.reason ?? null, extra.orderId ?? null, extra.lineId ?? null, extra.reverses ?? null, shop.adminId, ADMIN.name, at, '');
    const l = level.get(itemId)!;
    l.quantity += quantity;
    l.value += value;
    return id;
  };
  const counts: Record<string, number> = { orders: 0, lines: 0, movements: 0, voided: 0, cancelled: 0 };
  const perDay = Math.floor(opts.orders / opts.days);
  const extra = opts.orders - perDay * opts.days;
  for (let d = 0; d < opts.days; d++) {
    const day = shiftDay(opts.firstDay, d);
    const start = businessDayStart(day, TIME_ZONE, '04:00');
    db.transaction(() => {
      // Weekly receipt: 100 kg of every item (a little more than a week takes) at R$ 0,03 a gram.
      if (d % 7 === 0) for (const itemId of shop.items) { move(itemId, 'entrada', 100_000_000, 300_000, start + 3_600_000); counts.movements! += 1; }
      const sessions = terminals.map((terminal) => {
        const id = newId();
        s.session.run(id, terminal.id, shop.cashierId, CASHIER.name, start + 6 * 3_600_000, '');
        return { id, terminal, number: 0, expected: { cash: 20_000, debit: 0, credit: 0, voucher: 0, pix: 0 } as Record<string, number> };
      });
      const orders = perDay + (d < extra ? 1 : 0);
      // Opening 10:00 to 02:00 the next morning, in order of time.
      const times = Array.from({ length: orders }, () => start + 6 * 3_600_000 + Math.floor(rnd.next() * 16 * 3_600_000)).sort((a, b) => a - b);
      for (const at of times) {
        const session = sessions[rnd.int(0, 1)]!;
        session.number += 1;
        const orderId = newId();
        const fate = rnd.next();
        const cancelled = fate < 0.01;
        const voided = !cancelled && fate < 0.03;
        const type = cancelled ? 'comanda' : rnd.pick(['balcao', 'balcao', 'viagem']);
        s.order.run(orderId, session.terminal.id, day, session.number, `${session.terminal.letter}-${String(session.number).padStart(3, '0')}`, type, shop.cashierId, CASHIER.name, at, session.id, '');
        s.event.run(newId(), orderId, 'opened', shop.cashierId, CASHIER.name, at, null, null, null, null, '');
        const lineCount = rnd.int(1, opts.linesPerOrder * 2 - 1);
        let subtotal = 0;
        for (let position = 0; position < lineCount; position++) {
          const product = rnd.pick(shop.products);
          const quantity = rnd.next() < 0.8 ? 1 : 2;
          const lineId = newId();
          const total = product.price * quantity;
          subtotal += total;
          s.line.run(lineId, orderId, position, product.id, product.name, quantity, product.price, total, COST_PER_UNIT * quantity, shop.cashierId, at, '');
          for (const itemId of product.items) {
            move(itemId, 'venda', -50_000 * quantity, -150 * quantity, at, { orderId, lineId });
            counts.movements! += 1;
          }
          counts.lines! += 1;
        }
        counts.orders! += 1;
        const discount = rnd.next() < 0.05 ? Math.floor(subtotal / 10) : 0;
        if (discount) s.discount.run(newId(), orderId, discount, shop.cashierId, shop.adminId, ADMIN.name, at, '');
        const total = subtotal - discount;
        if (cancelled) {
          s.event.run(newId(), orderId, 'cancelled', shop.cashierId, CASHIER.name, at + 60_000, 'cliente desistiu', null, null, null, '');
          s.state.run(orderId, 'cancelled', subtotal, discount, total, 0, null, at + 60_000);
          counts.cancelled! += 1;
          continue;
        }
        const method = rnd.pick(['cash', 'cash', 'debit', 'credit', 'pix', 'pix', 'voucher', 'split']);
        const payments: [string, number, number | null, number | null][] =
          method === 'split'
            ? [['debit', Math.floor(total / 2), null, null], ['cash', total - Math.floor(total / 2), Math.ceil((total - Math.floor(total / 2)) / 1000) * 1000, Math.ceil((total - Math.floor(total / 2)) / 1000) * 1000 - (total - Math.floor(total / 2))]]
            : method === 'cash'
              ? [['cash', total, Math.ceil(total / 1000) * 1000, Math.ceil(total / 1000) * 1000 - total]]
              : [[method, total, null, null]];
        const paymentIds = payments.map(([m, amount, tendered, change]) => {
          const id = newId();
          s.payment.run(id, orderId, session.id, m, amount, tendered, change, shop.cashierId, at, '');
          session.expected[m]! += amount;
          return { id, method: m, amount };
        });
        s.event.run(newId(), orderId, 'paid', shop.cashierId, CASHIER.name, at, null, null, null, null, '');
        if (voided) {
          const voidAt = at + 120_000;
          for (const p of paymentIds) {
            s.refund.run(newId(), orderId, p.id, session.id, p.method, p.amount, shop.adminId, voidAt, '');
            session.expected[p.method]! -= p.amount;
          }
          s.event.run(newId(), orderId, 'voided', shop.adminId, ADMIN.name, voidAt, 'engano do caixa', shop.adminId, ADMIN.name, session.id, '');
          const taken = s.taken.all(orderId) as { id: string; itemId: string; quantity: number; value: number }[];
          for (const m of taken) { move(m.itemId, 'estorno', -m.quantity, -m.value, voidAt, { orderId, reverses: m.id, reason: 'engano do caixa' }); counts.movements! += 1; }
          s.state.run(orderId, 'voided', subtotal, discount, total, total, at, voidAt);
          counts.voided! += 1;
          continue;
        }
        s.event.run(newId(), orderId, 'delivered', shop.cashierId, CASHIER.name, at + 600_000, null, null, null, null, '');
        s.state.run(orderId, 'delivered', subtotal, discount, total, total, at, at + 600_000);
        if (rnd.next() < 0.02) s.feedback.run(newId(), orderId, rnd.int(1, 5), at + 900_000, '');
      }
      // A loss or two a day.
      for (let i = rnd.int(1, 2); i > 0; i--) {
        move(rnd.pick(shop.items), 'perda', -100_000, -3, start + 20 * 3_600_000, { reason: rnd.pick(['vencido', 'quebra', 'desperdicio']) });
        counts.movements! += 1;
      }
      for (const session of sessions) {
        s.counter.run(session.terminal.id, day, session.number);
        const expected = JSON.stringify(session.expected);
        s.closing.run(session.id, shop.cashierId, CASHIER.name, start + 23 * 3_600_000, expected, expected, '');
      }
    }).immediate();
  }
  db.transaction(() => {
    const write = db.prepare('INSERT INTO stock_levels (item_id, quantity, value, rate_value, rate_quantity, updated_at) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (item_id) DO UPDATE SET quantity = excluded.quantity, value = excluded.value, rate_value = excluded.rate_value, rate_quantity = excluded.rate_quantity');
    for (const [itemId, l] of level) write.run(itemId, l.quantity, l.value, l.value, l.quantity);
  }).immediate();
  db.pragma('foreign_keys = ON');
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length) throw new Error(`ano movimentado com referências quebradas: ${JSON.stringify(problems.slice(0, 3))}`);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.close();
  return {
    file,
    firstDay: opts.firstDay,
    lastDay: shiftDay(opts.firstDay, opts.days - 1),
    admin: ADMIN,
    cashier: CASHIER,
    productIds: shop.products.map((p) => p.id),
    counts,
  };
}

/** Sixteen hours into a business day (20:00): its dashboard reads a day's sales, the rush still on. */
const EVENING = 16 * 3_600_000;

/**
 * A copy of the busy year in a fresh folder with the app open on it (no schedules running), its
 * clock running from the evening of the year's last day (so "today" and "last week" are busy days
 * whatever the hour of the run), the admin signed in, and the counter ready: the cashier's caixa
 * open and `sale()`, five lines of the menu with their recipes paid in cash with change.
 */
export async function openBusyYear(prefix: string, options: BusyYearOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const year = await buildBusyYear(join(dir, DATABASE_FILE), options);
  const offset = businessDayStart(year.lastDay, TIME_ZONE, '04:00') + EVENING - Date.now();
  const clock = { now: () => Date.now() + offset };
  const app = await createApp({ dataDir: dir, logger: new MemoryLogger().logger, clock, webhooks: { autoStart: false }, sync: { autoStart: false }, backups: { autoStart: false } });
  const ask = (operation: string, input: unknown, token?: string) => call(app, operation, input, token);
  const admin = (await ask('auth.login', year.admin)).token as string;
  const cashier = (await ask('auth.login', year.cashier)).token as string;
  await ask('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  const lines = () => year.productIds.slice(0, 5).map((productId) => ({ id: newId(), productId, quantity: 1 }));
  // Priced once, so every sale pays its total in cash with change.
  const { total } = await ask('orders.create', { id: newId(), type: 'balcao', lines: lines() }, cashier);
  const sale = () => ask('orders.create', { id: newId(), type: 'balcao', lines: lines(), payments: [{ id: newId(), method: 'cash', tendered: total + 500 }] }, cashier);
  return {
    year,
    app,
    ask,
    admin,
    sale,
    close() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
