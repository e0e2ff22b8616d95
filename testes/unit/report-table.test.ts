import { describe, expect, it } from 'vitest';
import { changeRatio, csvFileName, csvMoney, csvValue, reportCsv, sortRows, type Column, type ReportTable } from '../../renderer/src/reports/report-table.js';

const SP = 'America/Sao_Paulo';

interface Row {
  name: string;
  net: number | null;
  day: string;
}

const name: Column<Row> = { id: 'name', label: 'Produto', kind: 'text', value: (r) => r.name };
const net: Column<Row> = { id: 'net', label: 'Vendas líquidas (R$)', kind: 'money', value: (r) => r.net };
const rows: Row[] = [
  { name: 'Lanche 10', net: 900, day: '2026-12-02' },
  { name: 'Água', net: 123_456, day: '2026-12-01' },
  { name: 'abacate', net: null, day: '2026-12-03' },
  { name: 'Lanche 2', net: 10_000, day: '2026-11-30' },
  { name: 'Batata', net: 900, day: '2026-12-04' },
];

describe('sorting a report table', () => {
  it('sorts names as a Brazilian reads them: accents and case aside, "Lanche 2" before "Lanche 10"', () => {
    expect(sortRows(rows, name, 'ascending').map((r) => r.name)).toEqual(['abacate', 'Água', 'Batata', 'Lanche 2', 'Lanche 10']);
    expect(sortRows(rows, name, 'descending').map((r) => r.name)).toEqual(['Lanche 10', 'Lanche 2', 'Batata', 'Água', 'abacate']);
  });

  it('sorts numbers as numbers (9,00 below 100,00, not as text), keeps ties in order and blanks last both ways', () => {
    expect(sortRows(rows, net, 'ascending').map((r) => r.net)).toEqual([900, 900, 10_000, 123_456, null]);
    expect(sortRows(rows, net, 'ascending').slice(0, 2).map((r) => r.name)).toEqual(['Lanche 10', 'Batata']);
    expect(sortRows(rows, net, 'descending').map((r) => r.net)).toEqual([123_456, 10_000, 900, 900, null]);
    expect(sortRows(rows, net, 'descending').slice(2, 4).map((r) => r.name)).toEqual(['Lanche 10', 'Batata']);
    // The rows given are left as they were.
    expect(rows[0]!.name).toBe('Lanche 10');
  });
});

describe('the change from the previous period', () => {
  it('is a ratio, and none (shown "—") without a previous figure to divide by', () => {
    expect(changeRatio(150, 100)).toBe(0.5);
    expect(changeRatio(50, 100)).toBe(-0.5);
    expect(changeRatio(-50, -100)).toBe(0.5);
    expect(changeRatio(100, 0)).toBeNull();
    expect(changeRatio(100, null)).toBeNull();
    expect(changeRatio(null, 100)).toBeNull();
  });
});

describe('CSV for Excel in Brazil', () => {
  it('writes money from integer centavos with "." for thousands and "," for decimals, exactly', () => {
    expect(csvMoney(123_456)).toBe('1.234,56');
    expect(csvMoney(100_000_000)).toBe('1.000.000,00');
    expect(csvMoney(5)).toBe('0,05');
    expect(csvMoney(-1_999)).toBe('-19,99');
    expect(csvMoney(0)).toBe('0,00');
    // 0.29 * 100 is 28.999… in floating point: centavos never go through it.
    expect(csvMoney(29)).toBe('0,29');
  });

  it('writes each kind of value as pt-BR: counts, quantities, percentages, averages, days, moments, blanks', () => {
    expect(csvValue(12_345, 'count', SP)).toBe('12.345');
    expect(csvValue(1_500, 'thousandths', SP)).toBe('1,5');
    expect(csvValue(0.125, 'ratio', SP)).toBe('12,5');
    expect(csvValue(-0.5, 'ratio', SP)).toBe('-50,0');
    expect(csvValue(4.333, 'average', SP)).toBe('4,33');
    expect(csvValue('2026-12-01', 'day', SP)).toBe('01/12/2026');
    expect(csvValue(null, 'money', SP)).toBe('');
    // A moment in the shop's zone: 00:30 UTC on the 2nd is still 21:30 of the 1st in São Paulo.
    expect(csvValue(Date.parse('2026-12-02T00:30:00Z'), 'moment', SP)).toBe('01/12/2026 21:30');
  });

  it('separates with ";", quotes what holds ";" or quotes, starts with a BOM and ends lines with CRLF', () => {
    const table: ReportTable<Row> = {
      id: 'products',
      title: 'Vendas por produto',
      columns: [name, net],
      rows: [
        { name: 'Açaí; 500 ml', net: 123_456, day: '' },
        { name: 'Pão "da casa"', net: null, day: '' },
      ],
      totals: { name: 'Total', net: 123_456, day: '' },
    };
    const csv = reportCsv([table as ReportTable], SP);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')).toEqual(['Produto;Vendas líquidas (R$)', '"Açaí; 500 ml";1.234,56', '"Pão ""da casa""";', 'Total;1.234,56', '']);
  });

  it('puts several tables one under the other, each under its title', () => {
    const first: ReportTable<Row> = { id: 'a', title: 'Por operador', columns: [name], rows: [rows[0]!] };
    const second: ReportTable<Row> = { id: 'b', title: 'Caixas', columns: [net], rows: [rows[1]!] };
    expect(reportCsv([first, second] as ReportTable[], SP).slice(1).split('\r\n')).toEqual(['Por operador', 'Produto', 'Lanche 10', '', 'Caixas', 'Vendas líquidas (R$)', '1.234,56', '']);
  });

  it('names the file after the report and its period, without accents or spaces', () => {
    expect(csvFileName('Vendas por forma de pagamento', { from: '2026-11-01', to: '2026-11-30' })).toBe('vendas-por-forma-de-pagamento_2026-11-01_a_2026-11-30.csv');
    expect(csvFileName('Avaliações', { from: '2026-12-01', to: '2026-12-01' })).toBe('avaliacoes_2026-12-01.csv');
  });
});
