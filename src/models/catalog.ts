import { z } from 'zod';
import { Empty, Id } from './fields.js';
import { Price } from './money.js';
import type { OperationTable } from './operation.js';

const Name = (what: string) =>
  z
    .string({ error: `Informe o nome ${what}.` })
    .trim()
    .min(1, `Informe o nome ${what}.`)
    .max(80, 'O nome pode ter no máximo 80 caracteres.');

export const ProductCode = z
  .string({ error: 'Informe o código curto.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{1,12}$/, 'O código curto deve ter de 1 a 12 letras, números ou hífen.');

/** EAN-13 shape only; the check digit is verified by the script (src/utils/ean13). */
export const Barcode = z.string().trim().regex(/^\d{13}$/, 'O código de barras deve ter 13 dígitos (EAN-13).');

export const Station = z
  .string()
  .trim()
  .min(1)
  .max(30, 'O nome da estação pode ter no máximo 30 caracteres.')
  .regex(/^[\p{L}\p{N} -]+$/u, 'Estação com caracteres inválidos.');

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use uma cor no formato #RRGGBB.');

export const CategoryView = z.object({ id: Id, name: z.string(), color: z.string(), sortOrder: z.number().int(), active: z.boolean() });
export const ModifierOptionView = z.object({ id: Id, name: z.string(), priceDelta: z.number().int(), active: z.boolean() });
export const ModifierGroupView = z.object({
  id: Id,
  name: z.string(),
  minChoices: z.number().int(),
  maxChoices: z.number().int(),
  active: z.boolean(),
  options: z.array(ModifierOptionView),
});
export const ComboSlotView = z.object({
  id: Id,
  name: z.string(),
  options: z.array(z.object({ productId: Id, priceDelta: z.number().int() })),
});
export const ProductView = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  barcode: z.string().nullable(),
  price: z.number().int(),
  categoryId: Id.nullable(),
  kind: z.enum(['simple', 'combo']),
  station: z.string().nullable(),
  active: z.boolean(),
  soldOut: z.boolean(),
  modifierGroupIds: z.array(Id),
  comboSlots: z.array(ComboSlotView),
});
export type ProductView = z.infer<typeof ProductView>;

/**
 * Active products as the counter keeps them, one array per field (position i of every array is one
 * product, in name order): about a third of the same products as objects. Categories and stations are
 * positions in their own short lists; modifier groups and combo slots only for the products that have them.
 */
export const CompactProducts = z.object({
  id: z.array(z.string()),
  name: z.array(z.string()),
  code: z.array(z.string()),
  barcode: z.array(z.string().nullable()),
  price: z.array(z.number().int()),
  /** Positions of the combos (the rest are simple products). */
  combos: z.array(z.number().int()),
  /** Positions of the products sold out. */
  soldOut: z.array(z.number().int()),
  categoryIds: z.array(z.string()),
  /** A position in categoryIds; -1 without a category. */
  category: z.array(z.number().int()),
  stations: z.array(z.string()),
  /** A position in stations; -1 without a station. */
  station: z.array(z.number().int()),
  extras: z.array(z.object({ at: z.number().int(), modifierGroupIds: z.array(Id), comboSlots: z.array(ComboSlotView) })),
});
export type CompactProducts = z.infer<typeof CompactProducts>;

const CatalogChanges = z.object({
  /** This shop and terminal: a counter keeps one catalog per store and never mixes two. */
  store: z.string(),
  /** The catalog's version these products are at; ask for the changes since it next time. */
  version: z.number().int(),
  /** The whole catalog (the counter throws what it kept away) or only the changes since the version asked. */
  whole: z.boolean(),
  /** Always whole: they are few. */
  categories: z.array(CategoryView),
  modifierGroups: z.array(ModifierGroupView),
  /** Products added or changed (all of them when whole). */
  products: CompactProducts,
  /** Products switched off or gone since the version asked. */
  removed: z.array(z.string()),
});
export type CatalogChanges = z.infer<typeof CatalogChanges>;
export type ModifierGroupView = z.infer<typeof ModifierGroupView>;
export type CategoryView = z.infer<typeof CategoryView>;

const ImportReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  /** The rows taken, with the name as it is saved (the first 500), so the dry run shows how the file was read. */
  accepted: z.array(z.object({ line: z.number().int(), name: z.string() })),
  dryRun: z.boolean(),
});

export const catalogOperations = {
  'catalog.snapshot': {
    summary: 'O catálogo inteiro que a tela do caixa carrega: categorias, produtos, adicionais e combos.',
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.object({
      categories: z.array(CategoryView),
      products: z.array(ProductView),
      modifierGroups: z.array(ModifierGroupView),
    }),
  },
  'catalog.changes': {
    summary:
      'O catálogo do caixa em forma compacta, com sua versão; com `since` (a versão que o caixa guardou) só o que mudou desde ela, ou o catálogo inteiro quando ela é antiga, desconhecida ou de outra loja.',
    input: z.strictObject({
      store: z.string().max(100, 'Loja inválida.').optional(),
      since: z.number({ error: 'Versão do catálogo inválida.' }).int('Versão do catálogo inválida.').min(0, 'Versão do catálogo inválida.').optional(),
    }),
    output: CatalogChanges,
  },
  'catalog.saveCategory': {
    summary: 'Cria ou altera uma categoria (o id vem da tela).',
    input: z.strictObject({
      id: Id,
      name: Name('da categoria'),
      color: HexColor.optional(),
      sortOrder: z.number().int().min(0).max(10_000).optional(),
      active: z.boolean().optional(),
    }),
    output: z.object({ id: Id }),
  },
  'catalog.saveProduct': {
    summary:
      'Cria ou altera um produto. Mudar o preço nunca altera pedidos já feitos: cada linha guarda nome e preço do momento da venda.',
    input: z.strictObject({
      id: Id,
      name: Name('do produto'),
      code: ProductCode,
      barcode: Barcode.nullable().optional(),
      price: Price,
      categoryId: Id.nullable().optional(),
      station: Station.nullable().optional(),
      active: z.boolean().optional(),
      soldOut: z.boolean().optional(),
      modifierGroupIds: z.array(Id).max(20).optional(),
      comboSlots: z
        .array(
          z.strictObject({
            id: Id,
            name: Name('da escolha do combo'),
            options: z
              .array(z.strictObject({ productId: Id, priceDelta: z.number().int().min(-100_000).max(100_000) }))
              .min(1, 'Cada escolha do combo precisa de pelo menos um produto.')
              .max(50),
          }),
        )
        .max(10)
        .optional(),
    }),
    output: z.object({ id: Id }),
  },
  'catalog.setSoldOut': {
    summary: 'Marca ou desmarca um produto como esgotado.',
    input: z.strictObject({ id: Id, soldOut: z.boolean() }),
    output: z.object({ id: Id, soldOut: z.boolean() }),
  },
  'catalog.saveModifierGroup': {
    summary: 'Cria ou altera um grupo de adicionais (ex.: "Ponto da carne", "Adicionais"), com mínimo, máximo e opções.',
    input: z
      .strictObject({
        id: Id,
        name: Name('do grupo'),
        minChoices: z.number().int().min(0, 'O mínimo não pode ser negativo.').max(20),
        maxChoices: z.number().int().min(1, 'O máximo deve ser pelo menos 1.').max(20),
        active: z.boolean().optional(),
        options: z
          .array(
            z.strictObject({
              id: Id,
              name: Name('da opção'),
              priceDelta: z.number().int().min(-100_000).max(100_000),
              active: z.boolean().optional(),
            }),
          )
          .min(1, 'O grupo precisa de pelo menos uma opção.')
          .max(50),
      })
      .refine((group) => group.maxChoices >= group.minChoices, { message: 'O máximo não pode ser menor que o mínimo.', path: ['maxChoices'] }),
    output: z.object({ id: Id }),
  },
  'catalog.importProducts': {
    summary:
      'Importa produtos de um CSV (nome;codigo;preco;categoria;codigo_barras;estacao;ativo). Linhas ruins são listadas e não gravadas.',
    input: z.strictObject({
      csv: z.string({ error: 'Envie o conteúdo do CSV.' }).min(1, 'O CSV está vazio.').max(20_000_000, 'CSV grande demais.'),
      dryRun: z.boolean().optional(),
    }),
    output: ImportReport,
  },
  'catalog.exportProducts': {
    summary: 'Exporta os produtos em CSV, no mesmo formato da importação.',
    input: Empty,
    output: z.object({ csv: z.string(), rows: z.number().int() }),
  },
} satisfies OperationTable;
