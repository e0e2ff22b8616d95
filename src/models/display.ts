import { z } from 'zod';
import { Empty, EpochMs, Id } from './fields.js';
import type { OperationTable } from './operation.js';

const Centavos = (what: string) =>
  z
    .number({ error: `Informe ${what} em centavos.` })
    .int(`Informe ${what} em centavos (número inteiro).`)
    .min(0, `${what[0]!.toUpperCase()}${what.slice(1)} não pode ser negativo.`)
    .max(100_000_000, `Valor alto demais em ${what}.`);

const ShownText = (field: string, max: number) =>
  z.string({ error: `Informe ${field}.` }).trim().min(1, `Informe ${field}.`).max(max, `${field[0]!.toUpperCase()}${field.slice(1)} pode ter no máximo ${max} caracteres.`);

/** One line of the cart as the customer reads it: no notes for the kitchen, no ids, no cashier. */
const DisplayLine = z.strictObject({
  name: ShownText('o nome do item', 80),
  quantity: z.number({ error: 'Informe a quantidade.' }).int('A quantidade é um número inteiro.').min(1, 'A quantidade mínima é 1.').max(999, 'A quantidade máxima é 999.'),
  modifiers: z.array(ShownText('o adicional', 80)).max(30, 'Adicionais demais numa linha.'),
  discount: Centavos('o desconto da linha'),
  total: Centavos('o total da linha'),
});
export type DisplayLine = z.infer<typeof DisplayLine>;

const CartFigures = {
  lines: z.array(DisplayLine).max(200, 'Itens demais para a tela do cliente.'),
  subtotal: Centavos('o subtotal'),
  discount: Centavos('o desconto'),
  total: Centavos('o total'),
};

/**
 * What the counter shows its customer, pushed as the cashier works. The PIX and the paid order name only
 * the order: the core makes the BR Code and reads the change itself, so a screen never shows a charge or
 * a change the core would not.
 */
export const DisplayScreen = z.discriminatedUnion(
  'phase',
  [
    z.strictObject({ phase: z.literal('idle') }),
    z.strictObject({ phase: z.literal('cart'), ...CartFigures }),
    z.strictObject({ phase: z.literal('pix'), ...CartFigures, orderId: Id, amount: Centavos('o valor do PIX').min(1, 'O valor do PIX deve ser maior que zero.') }),
    z.strictObject({ phase: z.literal('paid'), orderId: Id }),
  ],
  { error: 'Fase da tela do cliente inválida (idle, cart, pix ou paid).' },
);
export type DisplayScreen = z.infer<typeof DisplayScreen>;

export const DISPLAY_PHASES = ['idle', 'cart', 'pix', 'paid'] as const;

/** What the customer's display reads: its counter's sale now, the shop's name and colour. */
export const DisplayView = z.object({
  /** Grows with every change on this terminal's display: a reply older than the last one heard is dropped. */
  version: z.number().int(),
  shopName: z.string(),
  color: z.string(),
  phase: z.enum(DISPLAY_PHASES),
  lines: z.array(DisplayLine),
  subtotal: z.number().int(),
  discount: z.number().int(),
  total: z.number().int(),
  pix: z.object({ payload: z.string(), svg: z.string(), amount: z.number().int(), txid: z.string() }).nullable(),
  paid: z.object({ number: z.string(), total: z.number().int(), change: z.number().int(), feedbackCode: z.string() }).nullable(),
  updatedAt: EpochMs.nullable(),
});
export type DisplayView = z.infer<typeof DisplayView>;

export const DisplayConfig = z.object({
  /** The folder of the idle slides on this computer; null: no slides, the shop's name only. */
  slidesFolder: z.string().nullable(),
  /** The desktop app opens the customer's display on the second monitor. */
  secondWindow: z.boolean(),
});
export type DisplayConfig = z.infer<typeof DisplayConfig>;

/**
 * The customer's display: the counter pushes what its customer sees, the display of that terminal (a
 * paired tablet, or a window on this computer) reads it, with the idle slides of a folder.
 */
export const displayOperations = {
  'display.push': {
    summary: 'O caixa manda o que o cliente dele vê agora (carrinho, PIX, pedido pago); quem ouve é só a tela do cliente deste caixa.',
    input: z.strictObject({ screen: DisplayScreen }),
    output: z.object({ version: z.number().int() }),
  },
  'display.current': { summary: 'O que a tela do cliente deste caixa mostra agora (também para se atualizar depois de uma queda).', input: Empty, output: DisplayView },
  'display.openScreen': {
    summary: 'Abre a sessão da tela do cliente neste computador (segunda janela ou segundo monitor): ela só lê a tela deste caixa.',
    input: Empty,
    output: z.object({ token: z.string() }),
  },
  'display.slides': { summary: 'Os nomes das imagens da pasta de slides, em ordem.', input: Empty, output: z.object({ names: z.array(z.string()) }) },
  'display.slide': {
    summary: 'Uma imagem da pasta de slides (PNG, JPEG, WebP ou GIF), conferida pelo conteúdo.',
    input: z.strictObject({ name: z.string({ error: 'Informe o nome da imagem.' }).min(1, 'Informe o nome da imagem.').max(200, 'Nome de imagem longo demais.') }),
    output: z.object({ name: z.string(), contentType: z.string(), base64: z.string() }),
  },
  'display.config': { summary: 'A pasta de slides e a segunda janela da tela do cliente neste computador.', input: Empty, output: DisplayConfig },
  'display.configure': {
    summary: 'Escolhe a pasta de slides e liga ou desliga a tela do cliente no segundo monitor deste computador.',
    input: z.strictObject({
      slidesFolder: z.string().trim().min(1, 'Informe a pasta das imagens ou deixe em branco.').max(500, 'Caminho da pasta longo demais.').nullable(),
      secondWindow: z.boolean({ error: 'Diga se a tela do cliente abre no segundo monitor.' }),
    }),
    output: DisplayConfig,
  },
} satisfies OperationTable;
