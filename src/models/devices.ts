import { z } from 'zod';
import { Empty, EpochMs, Id, PersonName, Pin } from './fields.js';
import type { OperationTable } from './operation.js';

/** What a paired device is: the kitchen's screen, the ready board, the customer's display, the rating tablet. */
export const DEVICE_KINDS = ['kitchen', 'board', 'display', 'rating'] as const;
export const DeviceKind = z.enum(DEVICE_KINDS, { error: 'Tipo de aparelho inválido (kitchen, board, display ou rating).' });
export type DeviceKind = z.infer<typeof DeviceKind>;

const DeviceView = z.object({
  id: Id,
  kind: DeviceKind,
  label: z.string(),
  station: z.string().nullable(),
  terminalId: z.string().nullable(),
  address: z.string(),
  pairedBy: Id,
  pairedAt: EpochMs,
  lastSeenAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
  /** A kitchen device that shows the queue only once a cook has typed their PIN on it. */
  cookLogin: z.boolean(),
  /** Locked by too many wrong PINs typed on it, until a manager unlocks it. */
  pinLocked: z.boolean(),
});

const NetworkInterfaceView = z.object({ name: z.string(), address: z.string() });

const NetworkView = z.object({
  enabled: z.boolean(),
  interfaceName: z.string().nullable(),
  /** Listening now: the address to open on a device (https://…/). */
  url: z.string().nullable(),
  /** The shop certificate's SHA-256 fingerprint, as a device's browser shows it. */
  fingerprint: z.string().nullable(),
  /** Why it is not listening although it is on (the interface is gone, the port is taken). */
  problem: z.string().nullable(),
  interfaces: z.array(NetworkInterfaceView),
});
export type NetworkView = z.infer<typeof NetworkView>;

const Label = z
  .string({ error: 'Dê um nome ao aparelho.' })
  .trim()
  .min(1, 'Dê um nome ao aparelho (ex.: Tablet da chapa).')
  .max(60, 'O nome pode ter no máximo 60 caracteres.');

/**
 * Shop devices: tablets and TVs on the shop's network pair with a short code a manager confirms at the
 * counter, and get a revocable token limited to their screen.
 */
export const devicesOperations = {
  'devices.requestPairing': {
    summary: 'Um aparelho na rede da loja pede um código de pareamento; o token que ele guarda vale só depois da confirmação no caixa.',
    input: Empty,
    output: z.object({ requestId: Id, code: z.string(), expiresAt: EpochMs, token: z.string(), fingerprint: z.string().nullable() }),
  },
  'devices.pairingStatus': {
    summary: 'Se o código deste aparelho já foi confirmado no caixa, ainda espera ou expirou.',
    input: z.strictObject({ requestId: Id }),
    output: z.object({ status: z.enum(['waiting', 'paired', 'expired']) }),
  },
  'devices.confirmPairing': {
    summary: 'O gerente confirma o código que o aparelho mostra e escolhe o que ele é.',
    input: z.strictObject({
      code: z.string({ error: 'Digite o código que aparece no aparelho.' }).trim().min(1, 'Digite o código que aparece no aparelho.').max(20, 'Código inválido.'),
      kind: DeviceKind,
      label: Label,
      station: z.string().trim().min(1, 'Escolha a praça ou deixe em branco para todas.').max(40, 'A praça pode ter no máximo 40 caracteres.').nullable().optional(),
      cookLogin: z.boolean({ error: 'Diga se a cozinha pede o PIN do cozinheiro.' }).optional(),
    }),
    output: z.object({ id: Id, kind: DeviceKind, label: z.string(), address: z.string() }),
  },
  'devices.list': { summary: 'Os aparelhos pareados, com a última vez que cada um apareceu.', input: Empty, output: z.array(DeviceView) },
  'devices.revoke': { summary: 'Revoga um aparelho: a próxima chamada e o canal ao vivo dele param na hora.', input: z.strictObject({ id: Id }), output: z.object({ id: Id }) },
  'devices.me': {
    summary: 'O que este aparelho é (a tela que ele mostra).',
    input: Empty,
    output: z.object({ id: Id, kind: DeviceKind, label: z.string(), station: z.string().nullable(), shopName: z.string(), cookLogin: z.boolean() }),
  },
  'devices.unlock': {
    summary: 'O gerente desbloqueia um aparelho bloqueado por PIN errado demais: ele volta a ter todas as tentativas.',
    input: z.strictObject({ id: Id }),
    output: z.object({ id: Id }),
  },
  'devices.cooks': {
    summary: 'Os nomes de quem pode entrar na cozinha, para a tela de entrada de um tablet da cozinha que pede o PIN do cozinheiro.',
    input: Empty,
    output: z.array(z.object({ id: Id, name: z.string() })),
  },
  'devices.cookLogin': {
    summary: 'O cozinheiro entra no tablet da cozinha com o próprio PIN; a sessão é dele e abre só a tela da cozinha.',
    input: z.strictObject({ name: PersonName, pin: Pin }),
    output: z.object({ token: z.string(), cook: z.object({ id: Id, name: z.string() }), idleMinutes: z.number().int().positive() }),
  },
  'devices.cookLogout': {
    summary: 'O cozinheiro sai do tablet da cozinha; o tablet volta para a tela de entrada.',
    input: Empty,
    output: z.object({ ok: z.literal(true) }),
  },
  'devices.network': { summary: 'A rede da loja: ligada ou não, interfaces deste computador e o endereço a abrir nos aparelhos.', input: Empty, output: NetworkView },
  'devices.setNetwork': {
    summary: 'Liga ou desliga a rede da loja na interface escolhida, sem reiniciar.',
    input: z.strictObject({
      enabled: z.boolean({ error: 'Diga se a rede da loja fica ligada.' }),
      interfaceName: z.string().trim().min(1, 'Escolha a interface de rede.').max(60, 'Interface inválida.').nullable().optional(),
    }),
    output: NetworkView,
  },
} satisfies OperationTable;
