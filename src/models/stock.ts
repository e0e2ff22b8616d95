import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import { Centavos } from './money.js';
import type { OperationTable } from './operation.js';

export const BASE_UNITS = ['un', 'g', 'ml'] as const;
export const BaseUnit = z.enum(BASE_UNITS, { error: 'Unidade base inválida (un, g ou ml).' });
export const MOVEMENT_KINDS = ['entrada', 'saida', 'perda', 'ajuste', 'venda', 'estorno'] as const;
export const LOSS_REASONS = ['vencido', 'quebra', 'desperdicio', 'contaminacao', 'outro'] as const;

/** Thousandths of the base unit: 1,5 un = 1500; 250 g = 250000. */
export const Quantity = z
  .number({ error: 'Informe a quantidade.' })
  .int('A quantidade deve ser um inteiro em milésimos da unidade (1,5 un = 1500).')
  .min(1, 'A quantidade deve ser maior que zero.')
  .max(1_000_000_000_000, 'Quantidade alta demais.');

/** Sent again as true once the person confirmed a quantity far beyond the item's scale (CONFIRMATION_REQUIRED). */
const Confirmed = z.boolean().optional();

const Name = z.string({ error: 'Informe o nome.' }).trim().min(2, 'O nome precisa de pelo menos 2 letras.').max(80, 'O nome pode ter no máximo 80 caracteres.');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a data no formato AAAA-MM-DD.');

export const ItemView = z.object({
  id: Id,
  name: z.string(),
  baseUnit: BaseUnit,
  category: z.string().nullable(),
  minimum: z.number().int(),
  barcode: z.string().nullable(),
  active: z.boolean(),
  units: z.array(z.object({ name: z.string(), factor: z.number().int() })),
  onHand: z.number().int(),
  value: z.number().int(),
  /** Centavos per base unit (un, g or ml), rounded: for display; the ledger keeps the exact value. */
  averageCost: z.number(),
  low: z.boolean(),
  negative: z.boolean(),
});
export type ItemView = z.infer<typeof ItemView>;

export const MovementView = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  baseUnit: BaseUnit,
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number().int(),
  value: z.number().int(),
  supplierName: z.string().nullable(),
  invoice: z.string().nullable(),
  lot: z.string().nullable(),
  expiry: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  orderNumber: z.string().nullable(),
  reversesId: Id.nullable(),
  reversedBy: Id.nullable(),
  byName: z.string(),
  at: EpochMs,
});

const MovementFilter = {
  itemId: Id.optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  from: EpochMs.optional(),
  to: EpochMs.optional(),
};

const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  /** The rows taken, with the name as it is saved (the first 500), so the dry run shows how the file was read. */
  accepted: z.array(z.object({ line: z.number().int(), name: z.string() })),
  dryRun: z.boolean(),
});

export const SupplierView = z.object({
  id: Id,
  name: z.string(),
  cnpj: z.string().nullable(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
});

const RecipeItems = z
  .array(z.strictObject({ itemId: Id, quantity: Quantity }))
  .max(60)
  .refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, 'Um insumo aparece duas vezes na ficha.');

export const CountLineView = z.object({
  itemId: Id,
  itemName: z.string(),
  baseUnit: BaseUnit,
  counted: z.number().int(),
  expected: z.number().int(),
  variance: z.number().int(),
  varianceValue: z.number().int(),
});

export const CountView = z.object({
  id: Id,
  status: z.enum(['open', 'closed']),
  startedAt: EpochMs,
  startedByName: z.string(),
  closedAt: EpochMs.nullable(),
  entered: z.array(z.object({ itemId: Id, itemName: z.string(), counted: z.number().int(), enteredAt: EpochMs })),
});

export const stockOperations = {
  'stock.items': {
    summary: 'Os insumos com estoque (soma do razão), valor, custo médio e alerta de mínimo.',
    input: z.strictObject({ includeInactive: z.boolean().optional(), lowOnly: z.boolean().optional() }),
    output: z.array(ItemView),
  },
  'stock.saveItem': {
    summary: 'Cria ou altera um insumo: unidade base, unidades de compra com fator, categoria, mínimo, código de barras.',
    input: z.strictObject({
      id: Id,
      name: Name,
      baseUnit: BaseUnit,
      category: z.string().trim().max(40).nullable().optional(),
      minimum: z.number().int().min(0, 'O mínimo não pode ser negativo.').optional(),
      barcode: z.string().trim().regex(/^\d{8,14}$/, 'Código de barras com 8 a 14 dígitos.').nullable().optional(),
      units: z
        .array(
          z.strictObject({
            name: z.string().trim().min(1, 'Informe o nome da unidade.').max(20),
            factor: z.number().int('O fator deve ser inteiro, em milésimos da unidade base (1 cx = 12 un → 12000).').min(1, 'O fator deve ser maior que zero.'),
          }),
        )
        .max(10)
        .optional(),
      active: z.boolean().optional(),
    }),
    output: z.object({ id: Id }),
  },
  'stock.receive': {
    summary: 'Entrada de uma nota do fornecedor, com várias linhas: quantidade na unidade de compra, custo unitário, lote e validade.',
    input: z.strictObject({
      id: Id,
      supplierId: Id.optional(),
      invoice: z.string().trim().max(40).optional(),
      confirmed: Confirmed,
      lines: z
        .array(
          z.strictObject({
            id: Id,
            itemId: Id,
            unit: z.string().trim().max(20).optional(),
            quantity: Quantity,
            unitCost: Centavos,
            lot: z.string().trim().max(40).optional(),
            expiry: IsoDate.optional(),
          }),
        )
        .min(1, 'A nota precisa de pelo menos uma linha.')
        .max(200),
    }),
    output: z.object({ movementIds: z.array(Id) }),
  },
  'stock.issue': {
    summary: 'Saída para a cozinha ou uso interno.',
    input: z.strictObject({ id: Id, itemId: Id, quantity: Quantity, reason: z.string().trim().min(3, 'Informe o motivo.').max(120), confirmed: Confirmed }),
    output: z.object({ id: Id }),
  },
  'stock.loss': {
    summary: 'Perda, com motivo (vencido, quebra, desperdício, contaminação, outro).',
    input: z.strictObject({
      id: Id,
      itemId: Id,
      quantity: Quantity,
      reason: z.enum(LOSS_REASONS, { error: 'Motivo inválido (vencido, quebra, desperdicio, contaminacao ou outro).' }),
      note: z.string().trim().max(200).optional(),
      confirmed: Confirmed,
    }),
    output: z.object({ id: Id }),
  },
  'stock.reverse': {
    summary: 'Corrige um lançamento errado com um estorno que aponta para ele; nada é apagado.',
    input: z.strictObject({ id: Id, movementId: Id, reason: z.string().trim().min(3, 'Informe o motivo.').max(120) }),
    output: z.object({ id: Id }),
  },
  'stock.movements': {
    summary: 'O razão de movimentos, do mais novo ao mais antigo, com filtros.',
    input: z.strictObject({ ...MovementFilter, limit: z.number().int().min(1).max(1000).optional(), beforeAt: EpochMs.optional() }),
    output: z.array(MovementView),
  },
  'stock.exportMovements': {
    summary: 'Os movimentos filtrados em CSV.',
    input: z.strictObject(MovementFilter),
    output: z.object({ csv: z.string(), rows: z.number().int() }),
  },
  'stock.alerts': {
    summary: 'Insumos no mínimo ou abaixo e lotes que vencem nos próximos dias.',
    input: Empty,
    output: z.object({
      low: z.array(ItemView),
      expiring: z.array(z.object({ movementId: Id, itemId: Id, itemName: z.string(), lot: z.string().nullable(), expiry: z.string(), remaining: z.number().int(), baseUnit: BaseUnit })),
      /** The window the expiring lots were picked with (setting stockExpiryDays), which the stockroom cannot read from settings.get. */
      expiryDays: z.number().int(),
    }),
  },
  'stock.importItems': {
    summary: 'Importa insumos de um CSV (nome;unidade;categoria;minimo;codigo_barras). Linhas ruins são listadas e não gravadas.',
    input: z.strictObject({ csv: z.string().min(1, 'O CSV está vazio.').max(10_000_000), dryRun: z.boolean().optional() }),
    output: ImportReport,
  },
  'suppliers.list': { summary: 'Os fornecedores.', input: z.strictObject({ includeInactive: z.boolean().optional() }), output: z.array(SupplierView) },
  'suppliers.save': {
    summary: 'Cria ou altera um fornecedor (CNPJ com dígitos verificados).',
    input: z.strictObject({
      id: Id,
      name: Name,
      cnpj: z.string().trim().max(20).nullable().optional(),
      contact: z.string().trim().max(80).nullable().optional(),
      phone: z.string().trim().max(30).nullable().optional(),
      email: z.email('E-mail inválido.').max(120).nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: z.object({ id: Id }),
  },
  'recipes.list': {
    summary: 'As fichas técnicas dos produtos e dos adicionais.',
    input: Empty,
    output: z.object({
      products: z.array(z.object({ productId: Id, items: z.array(z.object({ itemId: Id, quantity: z.number().int() })) })),
      modifiers: z.array(z.object({ optionId: Id, items: z.array(z.object({ itemId: Id, quantity: z.number().int() })) })),
    }),
  },
  'recipes.save': {
    summary: 'A ficha técnica de um produto: os insumos e quantidades que uma unidade consome (lista vazia: sem ficha).',
    input: z.strictObject({ productId: Id, items: RecipeItems }),
    output: z.object({ productId: Id }),
  },
  'recipes.saveModifier': {
    summary: 'O que um adicional acrescenta (+) ou tira (−) da ficha: "+ bacon 30 g", "sem cebola".',
    input: z.strictObject({
      optionId: Id,
      items: z
        .array(z.strictObject({ itemId: Id, quantity: z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((q) => q !== 0, 'A quantidade não pode ser zero.') }))
        .max(30),
    }),
    output: z.object({ optionId: Id }),
  },
  'counts.start': { summary: 'Começa um inventário.', input: z.strictObject({ id: Id }), output: CountView },
  'counts.enter': {
    summary: 'Lança a quantidade contada de um insumo, às cegas (o esperado não aparece).',
    input: z.strictObject({ countId: Id, itemId: Id, counted: z.number().int().min(0, 'A contagem não pode ser negativa.') }),
    output: CountView,
  },
  'counts.get': { summary: 'Um inventário, sem os valores esperados.', input: z.strictObject({ countId: Id }), output: CountView },
  'counts.list': { summary: 'Os inventários recentes.', input: Empty, output: z.array(CountView.omit({ entered: true })) },
  'counts.review': {
    summary: 'As diferenças do inventário, em quantidade e em R$, antes de fechar.',
    input: z.strictObject({ countId: Id }),
    output: z.object({ countId: Id, lines: z.array(CountLineView), totalVarianceValue: z.number().int() }),
  },
  'counts.close': {
    summary: 'Fecha o inventário gravando um ajuste para cada diferença.',
    input: z.strictObject({ countId: Id }),
    output: z.object({ countId: Id, adjustments: z.number().int(), totalVarianceValue: z.number().int() }),
  },
} satisfies OperationTable;
