import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { zeroTakesPlural } from '../../renderer/src/i18n/plurals.js';
import { invoiceLabel } from '../../renderer/src/stock/invoice.js';

type Tree = { [key: string]: string | Tree };
/** The screens' resources, loaded by a computed path: they import their areas Vite-style, which Node's type check refuses. */
const I18N = '../../renderer/src/i18n/';
const resources = async (language: string) => (await import(/* @vite-ignore */ `${I18N}${language}.ts`)) as Record<string, Tree>;

async function translator(language: 'pt-BR' | 'en') {
  const { ptBR } = await resources('pt-BR');
  const { en } = await resources('en');
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { 'pt-BR': { translation: zeroTakesPlural(ptBR!) }, en: { translation: en! } }, lng: language, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

describe('screen texts', () => {
  it('count with plurals: zero takes the plural in pt-BR, one the singular', async () => {
    const t = await translator('pt-BR');
    expect(t('kitchen.count', { count: 0 })).toBe('0 pedidos na fila');
    expect(t('kitchen.count', { count: 1 })).toBe('1 pedido na fila');
    expect(t('stock.recipes.summary', { count: 1, missing: 2 })).toBe('1 produto com ficha · 2 sem ficha');
    expect(t('stock.recipes.summary', { count: 3, missing: 0 })).toBe('3 produtos com ficha · 0 sem ficha');
  });

  it('a sangria is registrada and a suprimento registrado', async () => {
    const t = await translator('pt-BR');
    expect(t('cashMovement.done.sangria', { amount: 'R$ 50,00' })).toBe('Sangria de R$ 50,00 registrada.');
    expect(t('cashMovement.done.suprimento', { amount: 'R$ 50,00' })).toBe('Suprimento de R$ 50,00 registrado.');
  });

  it('an invoice typed with its "NF" is not shown as "NF NF"', () => {
    const nf = (invoice: string) => `NF ${invoice}`;
    expect(invoiceLabel('4521', nf)).toBe('NF 4521');
    expect(invoiceLabel('NF 4521', nf)).toBe('NF 4521');
    expect(invoiceLabel('nf-e 4521', nf)).toBe('nf-e 4521');
    expect(invoiceLabel('Nota 12', nf)).toBe('Nota 12');
  });
});

/** Every audit action the core writes: `action: 'orders.cancel'`, and the cash movements' `cash.${kind}`. */
function auditActions(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return auditActions(path);
    const text = readFileSync(path, 'utf8');
    const written = [...text.matchAll(/action: (?:existing \? )?'([a-zA-Z.]+)'(?: : '([a-zA-Z.]+)')?/g)].flatMap((m) => [m[1]!, m[2]].filter((a): a is string => Boolean(a)));
    if (text.includes('action: `cash.${input.kind}`')) written.push('cash.sangria', 'cash.suprimento');
    return written;
  });
}

describe('the audit log', () => {
  it('has a name a person reads for every action the core writes, in both languages', async () => {
    const actions = [...new Set(auditActions())];
    expect(actions).toContain('orders.cancel');
    expect(actions).toContain('catalog.updateProduct');
    for (const language of ['pt-BR', 'en'] as const) {
      const t = await translator(language);
      const missing = actions.filter((action) => t(`audit.actionLabels.${action.replace(/\./g, '_')}`) === `audit.actionLabels.${action.replace(/\./g, '_')}`);
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });
});
