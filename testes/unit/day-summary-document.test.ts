import { describe, expect, it } from 'vitest';
import { encodeDaySummary } from '../../src/printing/day-summary.js';
import type { DaySummaryData } from '../../src/printing/receipt-data.js';
import { escposText, indexOfBytes } from '../helpers/cp860.js';

const day: DaySummaryData = {
  shopName: 'Lanchonete São João',
  businessDay: '2026-12-01',
  printedAt: Date.parse('2026-12-01T23:10:00-03:00'),
  timezone: 'America/Sao_Paulo',
  orders: 120,
  gross: 412_350,
  discounts: 2_350,
  net: 410_000,
  averageTicket: 3417,
  payments: [
    { label: 'PIX', orders: 70, net: 250_000 },
    { label: 'Dinheiro', orders: 50, net: 160_000 },
  ],
  discountCount: 4,
  discountTotal: 2_350,
  voided: 2,
  voidedTotal: 4_500,
  cancelled: 1,
  cancelledTotal: 1_200,
  topProducts: [
    { name: 'X-Burger', quantity: 80, net: 144_000 },
    { name: 'Açaí na tigela com granola, banana e leite condensado', quantity: 30, net: 54_000 },
  ],
};

const lines = (bytes: Uint8Array) => escposText(bytes).split('\n');

describe('the day summary on the counter printer', () => {
  it('prints every figure in pt-BR money, accents in the printer code page, and cuts the paper', () => {
    const bytes = encodeDaySummary(day, 80);
    const text = escposText(bytes);
    expect(text).toContain('Lanchonete São João');
    expect(text).toContain('RESUMO DO DIA');
    expect(text).toMatch(/Dia +01\/12\/2026\n/);
    expect(text).toMatch(/Emitido em +01\/12\/2026 23:10\n/);
    expect(text).toMatch(/Pedidos +120\n/);
    expect(text).toMatch(/Vendas brutas +R\$ 4\.123,50\n/);
    expect(text).toMatch(/Descontos +- R\$ 23,50\n/);
    expect(text).toMatch(/Vendas líquidas +R\$ 4\.100,00\n/);
    expect(text).toMatch(/Ticket médio +R\$ 34,17\n/);
    expect(text).toMatch(/PIX \(70\) +R\$ 2\.500,00\n/);
    expect(text).toMatch(/Dinheiro \(50\) +R\$ 1\.600,00\n/);
    expect(text).toMatch(/Descontos dados \(4\) +R\$ 23,50\n/);
    expect(text).toMatch(/Estornados \(2\) +R\$ 45,00\n/);
    expect(text).toMatch(/Cancelados \(1\) +R\$ 12,00\n/);
    expect(text).toMatch(/80 x X-Burger +R\$ 1\.440,00\n/);
    expect(text.match(/NÃO É DOCUMENTO FISCAL/g)).toHaveLength(2);
    // "ã" is 0x84 in cp860 (not the UTF-8 pair), and GS V cuts the paper at the end.
    expect(indexOfBytes(bytes, [0x53, 0x84, 0x6f])).toBeGreaterThan(-1);
    expect(indexOfBytes(bytes, [0x1d, 0x56])).toBeGreaterThan(bytes.length - 8);
  });

  it('keeps every line within the paper, wrapping a long product name beside its value, on 80 and 58 mm', () => {
    for (const [paper, columns] of [[80, 48], [58, 32]] as const) {
      const printed = lines(encodeDaySummary(day, paper));
      // The wide title prints at double width: half as many characters fit.
      for (const line of printed) expect(line.length, `${paper} mm: "${line}"`).toBeLessThanOrEqual(line.includes('RESUMO DO DIA') ? columns / 2 : columns);
      const acai = printed.findIndex((line) => line.startsWith('30 x Açaí'));
      expect(acai, `${paper} mm`).toBeGreaterThan(-1);
      expect(printed[acai]).toMatch(/R\$ 540,00$/);
      expect(printed.slice(acai, acai + 4).join(' ')).toContain('leite condensado');
    }
  });

  it('says so when the day had no sale', () => {
    const text = escposText(encodeDaySummary({ ...day, orders: 0, gross: 0, discounts: 0, net: 0, averageTicket: 0, payments: [], topProducts: [] }, 80));
    expect(text).toMatch(/Vendas líquidas +R\$ 0,00\n/);
    expect(text).toMatch(/Descontos +R\$ 0,00\n/);
    expect(text).toContain('Nenhum pagamento.');
    expect(text).toContain('Nenhuma venda.');
  });
});
