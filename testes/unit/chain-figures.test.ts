import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figuresOfSummaries, sumFigures } from '../../src/services/reports/chain/chain-figures.js';
import { isThisShop } from '../../src/services/reports/chain/chain-link.js';
import type { ChainSummary } from '../../src/sync/chain-reader.js';

const METHODS = ['cash', 'debit', 'credit', 'voucher', 'pix'] as const;

const summary = (id: string, day: string, orders: number, payments: Array<[string, number]>, voided = 0): ChainSummary => {
  const net = payments.reduce((sum, [, cents]) => sum + cents, 0);
  return {
    _id: id,
    businessDay: day,
    orders,
    grossCents: net + 100 * orders,
    discountsCents: 100 * orders,
    netCents: net,
    byPayment: payments.map(([method, cents]) => ({ method, orders: 1, amountCents: cents, amount: cents / 100 })),
    voided: { orders: voided, totalCents: voided * 900 },
    cancelled: { orders: 0, totalCents: 0 },
  };
};

describe("a shop's figures from its terminals' day summaries", () => {
  it('add up every terminal and day; payments and days merge by key; the average ticket is whole centavos', () => {
    const figures = figuresOfSummaries([
      summary('a:2026-12-01', '2026-12-01', 2, [['pix', 1000], ['cash', 1550]], 1),
      summary('b:2026-12-01', '2026-12-01', 1, [['cash', 450]]),
      summary('a:2026-12-02', '2026-12-02', 1, [['debit', 1001]]),
      // A day with voids only is no day with sales.
      summary('b:2026-12-03', '2026-12-03', 0, [], 2),
    ]);
    expect(figures).toEqual({
      orders: 4,
      gross: 4001 + 400,
      discounts: 400,
      net: 4001,
      averageTicket: 1000, // 4001 / 4 = 1000.25
      payments: [
        { method: 'cash', amount: 2000 },
        { method: 'debit', amount: 1001 },
        { method: 'pix', amount: 1000 },
      ],
      voided: { orders: 3, total: 2700 },
      cancelled: { orders: 0, total: 0 },
      days: [
        { day: '2026-12-01', net: 3000 },
        { day: '2026-12-02', net: 1001 },
      ],
    });
    expect(figuresOfSummaries([])).toMatchObject({ orders: 0, net: 0, averageTicket: 0, payments: [], days: [] });
  });

  it('the sum of the shops is the figures of all their summaries together, to the centavo', () => {
    const day = fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02');
    const oneSummary = fc
      .tuple(fc.uuid(), day, fc.integer({ min: 0, max: 60 }), fc.array(fc.tuple(fc.constantFrom(...METHODS), fc.integer({ min: 1, max: 500_000 })), { maxLength: 5 }), fc.nat(4))
      .map(([id, d, orders, payments, voided]) => summary(id, d, orders, payments, voided));
    fc.assert(
      fc.property(fc.array(fc.array(oneSummary, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (shops) => {
        const chain = sumFigures(shops.map(figuresOfSummaries));
        expect(chain).toEqual(figuresOfSummaries(shops.flat()));
        expect(chain.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(chain.net);
      }),
    );
  });
});

describe('a shop of the chain that is this very shop', () => {
  const own = { uri: 'mongodb+srv://balcao:s3nh4@loja-centro.abcde.mongodb.net/?retryWrites=true', database: 'centro' };

  it('is the same servers and database, whatever the case or order of the servers', () => {
    expect(isThisShop({ host: 'loja-centro.abcde.mongodb.net', database: 'centro' }, own)).toBe(true);
    expect(isThisShop({ host: 'LOJA-CENTRO.abcde.mongodb.net', database: 'centro' }, own)).toBe(true);
    const replicaSet = { uri: 'mongodb://u:p@a.example.com:27017,b.example.com:27017/?replicaSet=rs0', database: 'centro' };
    expect(isThisShop({ host: 'b.example.com:27017,a.example.com:27017', database: 'centro' }, replicaSet)).toBe(true);
  });

  it('is not another database on the same servers, other servers, or any shop when this terminal does not sync', () => {
    expect(isThisShop({ host: 'loja-centro.abcde.mongodb.net', database: 'praia' }, own)).toBe(false);
    expect(isThisShop({ host: 'loja-praia.abcde.mongodb.net', database: 'centro' }, own)).toBe(false);
    expect(isThisShop({ host: 'loja-centro.abcde.mongodb.net', database: 'centro' }, null)).toBe(false);
  });
});
