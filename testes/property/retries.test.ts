import fc from 'fast-check';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../src/ipc/dispatcher.js';
import { newId } from '../../src/utils/ids.js';
import { seedCatalog, type Menu } from '../helpers/catalog-fixture.js';
import { snapshotDatabase } from '../helpers/snapshot.js';
import { createTestApp, initializedApp } from '../helpers/test-app.js';

/**
 * Idempotency as a property: a session of counter calls is played once with every reply arriving,
 * and once with replies lost, each lost call resent (as is) some calls later and, now and then, resent
 * with other content under the same id as a confused screen would. Exact resends must get the first
 * answer and change nothing; other content must get CONFLICT and change nothing; and the database
 * must end equal to the one of the session without losses.
 */

const CASHIER = { name: 'Caio Caixa', pin: '2580' };

type Call = { operation: string; input: Record<string, unknown> };
/** The same id with other content: what a screen that lost a reply and changed its mind would send. */
type Variant = (call: Call) => Call | null;

interface Step {
  kind: 'sale' | 'open' | 'add' | 'pay' | 'movement' | 'hold' | 'recall';
  pick: number;
  products: number[];
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('sale', 'open', 'add', 'pay', 'movement', 'hold', 'recall'),
  pick: fc.nat(20),
  products: fc.array(fc.nat(2), { minLength: 1, maxLength: 3 }),
});

/** Turns steps into concrete calls with ids made up front, as the screen makes them, keeping only valid ones. */
function plan(steps: Step[], menu: Menu): Call[] {
  const products = [menu.p.refri, menu.p.batata, menu.p.suco];
  const lines = (picks: number[]) => picks.map((p) => ({ id: newId(), productId: products[p]!, quantity: 1 + (p % 2) }));
  const open: string[] = [];
  const held: string[] = [];
  const calls: Call[] = [];
  for (const step of steps) {
    const chosen = <T,>(list: T[]) => list[step.pick % list.length]!;
    if (step.kind === 'sale') {
      calls.push({ operation: 'orders.create', input: { id: newId(), type: 'viagem', lines: lines(step.products), payments: [{ id: newId(), method: 'cash', tendered: 100_000 }] } });
    } else if (step.kind === 'open') {
      const id = newId();
      open.push(id);
      // A comanda, or a counter order left unpaid while its PIX is charged.
      const type = step.pick % 2 ? 'comanda' : 'balcao';
      calls.push({ operation: 'orders.create', input: { id, type, lines: lines(step.products), ...(type === 'comanda' ? { customerName: 'Mesa' } : {}) } });
    } else if (step.kind === 'add' && open.length) {
      calls.push({ operation: 'orders.addLines', input: { orderId: chosen(open), lines: lines(step.products) } });
    } else if (step.kind === 'pay' && open.length) {
      const orderId = chosen(open);
      open.splice(open.indexOf(orderId), 1);
      calls.push({ operation: 'orders.pay', input: { orderId, payments: [{ id: newId(), method: 'cash', tendered: 100_000 }] } });
    } else if (step.kind === 'movement') {
      calls.push({ operation: 'cash.movement', input: { id: newId(), kind: step.pick % 2 ? 'sangria' : 'suprimento', amount: 100 + step.pick, reason: 'troco' } });
    } else if (step.kind === 'hold') {
      const id = newId();
      held.push(id);
      calls.push({ operation: 'orders.hold', input: { id, label: `Cliente ${step.pick}`, cart: { orderId: id, lines: lines(step.products) } } });
    } else if (step.kind === 'recall' && held.length) {
      const id = chosen(held);
      held.splice(held.indexOf(id), 1);
      calls.push({ operation: 'orders.recall', input: { id } });
    }
  }
  return calls;
}

const otherContent: Variant = ({ operation, input }) => {
  const cash = { id: newId(), method: 'cash', tendered: 100_000 };
  switch (operation) {
    case 'orders.create':
      // The PIX → cash switch: the order was created unpaid and the resend pays it (or the other way round).
      return { operation, input: input.payments ? { ...input, payments: undefined } : { ...input, payments: [cash] } };
    case 'orders.addLines':
      return { operation, input: { ...input, lines: [...(input.lines as object[]), { ...(input.lines as { productId: string }[])[0]!, id: newId() }] } };
    case 'orders.pay':
      return { operation, input: { ...input, payments: [cash] } };
    case 'cash.movement':
      return { operation, input: { ...input, amount: (input.amount as number) + 1 } };
    default:
      return null;
  }
};

/** Ids and hashes made by the core differ between two runs: name them by first appearance instead. */
function normalized(snapshot: string): string {
  const names = new Map<string, string>();
  return snapshot.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}/g, (value) => {
    if (!names.has(value)) names.set(value, `#${names.size}`);
    return names.get(value)!;
  });
}

let template: string;
let menu: Menu;

beforeAll(async () => {
  const t = await initializedApp();
  menu = await seedCatalog(t, t.adminToken);
  await t.ok('users.create', { ...CASHIER, role: 'cashier' }, t.adminToken);
  const cashier = (await t.ok('auth.login', CASHIER)).token;
  await t.ok('cash.open', { id: newId(), openingFloat: 10_000 }, cashier);
  template = mkdtempSync(join(tmpdir(), 'balcao-retries-'));
  t.app.close();
  cpSync(t.dir, template, { recursive: true });
  rmSync(t.dir, { recursive: true, force: true });
});
afterAll(() => rmSync(template, { recursive: true, force: true }));

/** A fresh copy of the same shop (same catalog ids, same terminal) with the cashier logged in. */
async function shop() {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-retries-run-'));
  cpSync(template, dir, { recursive: true });
  const t = await createTestApp({ dir });
  const token = (await t.ok('auth.login', CASHIER)).token;
  return {
    t,
    send: (call: Call): Promise<DispatchResult> => t.call(call.operation as never, call.input as never, token),
    close() {
      t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('idempotent retries', () => {
  it('a session with lost replies and resends ends in the same database as one without losses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ lost: fc.boolean(), delay: fc.nat(3), changed: fc.boolean() }), { minLength: 12, maxLength: 12 }),
        async (steps, losses) => {
          const calls = plan(steps, menu);

          let expected: string;
          const clean = await shop();
          try {
            for (const call of calls) expect((await clean.send(call)).ok, `${call.operation} ${JSON.stringify(call.input)}`).toBe(true);
            expected = normalized(snapshotDatabase(clean.t.app.db));
          } finally {
            clean.close();
          }

          const lossy = await shop();
          try {
            const first = new Map<number, unknown>();
            // Resends waiting for their turn: [after call index, call index].
            let pending: [number, number][] = [];
            const resend = async (index: number) => {
              const call = calls[index]!;
              const loss = losses[index % losses.length]!;
              const other = loss.changed ? otherContent(call) : null;
              if (other) {
                const before = snapshotDatabase(lossy.t.app.db);
                const outcome = await lossy.send(other);
                expect(outcome.ok ? 'answered' : outcome.error.code, `${other.operation} with other content`).toBe('CONFLICT');
                expect(snapshotDatabase(lossy.t.app.db)).toBe(before);
              }
              const before = snapshotDatabase(lossy.t.app.db);
              const again = await lossy.send(call);
              expect(again.ok && again.result, `resent ${call.operation}`).toEqual(first.get(index));
              expect(snapshotDatabase(lossy.t.app.db)).toBe(before);
            };
            for (let i = 0; i < calls.length; i++) {
              const outcome = await lossy.send(calls[i]!);
              expect(outcome.ok).toBe(true);
              first.set(i, outcome.ok && outcome.result);
              const loss = losses[i % losses.length]!;
              if (loss.lost) pending.push([i + loss.delay, i]);
              for (const [, index] of pending.filter(([after]) => after <= i)) await resend(index);
              pending = pending.filter(([after]) => after > i);
            }
            for (const [, index] of pending) await resend(index);
            expect(normalized(snapshotDatabase(lossy.t.app.db))).toBe(expected);
          } finally {
            lossy.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
