import { z } from 'zod';
import { EpochMs, Empty, Id } from './fields.js';
import type { OperationTable } from './operation.js';
import { PeriodInput } from './reports.js';
import { SyncDatabase, SyncUri } from './sync.js';

/** Another shop of the chain as the screens see it: its servers without user or password, never its URI. */
export const ChainShopView = z.object({ id: Id, name: z.string(), host: z.string(), database: z.string(), createdAt: EpochMs });
export type ChainShopView = z.infer<typeof ChainShopView>;

const ShopName = z
  .string({ error: 'Informe o nome da loja.' })
  .trim()
  .min(1, 'Informe o nome da loja.')
  .max(60, 'O nome da loja pode ter no máximo 60 caracteres.');

const Int = z.number().int();

/** A shop's sales over a period, in centavos; voided and cancelled orders apart, never counted as sales. */
export const ChainFigures = z.object({
  orders: Int,
  gross: Int,
  discounts: Int,
  net: Int,
  averageTicket: Int,
  /** What stayed per payment method (net of change): they add up to the net. */
  payments: z.array(z.object({ method: z.string(), amount: Int })),
  voided: z.object({ orders: Int, total: Int }),
  cancelled: z.object({ orders: Int, total: Int }),
  /** Net sales per business day with sales, oldest first. */
  days: z.array(z.object({ day: z.string(), net: Int })),
});
export type ChainFigures = z.infer<typeof ChainFigures>;

export const chainOperations = {
  'reports.chainShops': {
    summary: 'As outras lojas da rede que este terminal lê (nome, servidor e banco), sem usuário nem senha.',
    input: Empty,
    output: z.object({ shops: z.array(ChainShopView) }),
  },
  'reports.chainAdd': {
    summary:
      'Acrescenta outra loja da rede: nome, endereço de conexão de um usuário só de leitura e o banco dela. A senha fica no cofre deste terminal, nunca no banco de dados, e não volta nas respostas.',
    input: z.strictObject({ id: Id, name: ShopName, uri: SyncUri, database: SyncDatabase }),
    output: ChainShopView,
  },
  'reports.chainRemove': {
    summary: 'Tira uma loja da rede deste terminal e apaga a senha dela do cofre. Nada muda na loja.',
    input: z.strictObject({ id: Id }),
    output: z.object({ removed: z.literal(true) }),
  },
  'reports.chainTest': {
    summary: 'Testa a conexão com uma loja da rede, só lendo: quantos terminais ela tem e o último dia com vendas.',
    input: z.strictObject({ id: Id }),
    output: z.object({ ok: z.boolean(), message: z.string(), terminals: Int.nullable(), lastSaleDay: z.string().nullable(), ms: Int.nonnegative() }),
  },
  'reports.chainSales': {
    summary:
      'As vendas do período de cada loja da rede lado a lado e somadas: esta loja pelo seu próprio banco, as outras pelos resumos do dia que os terminais delas publicam. Uma loja fora do ar aparece como tal e fica fora da soma.',
    input: z.strictObject({ period: PeriodInput }),
    output: z.object({
      period: z.object({ from: z.string(), to: z.string(), days: Int }),
      shops: z.array(
        z.object({
          /** Null: this shop. */
          id: Id.nullable(),
          name: z.string(),
          reachable: z.boolean(),
          /** Why it could not be read, in words for the staff. */
          error: z.string().nullable(),
          figures: ChainFigures.nullable(),
        }),
      ),
      total: ChainFigures,
      /** Shops left out of the total because they could not be read. */
      unreachable: Int,
    }),
  },
} satisfies OperationTable;
