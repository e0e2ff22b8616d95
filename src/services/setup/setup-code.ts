import { randomInt, timingSafeEqual } from 'node:crypto';
import { BusinessError } from '../../exceptions/business-error.js';
import { isThisComputer } from '../request-source.js';

// No 0/O, 1/I/L: the code is read from a terminal and typed on a tablet.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time code for setting the shop up from another device: 12 characters (about 59 bits), as XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

const normalized = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Whether the typed code is the one shown at start-up; case, spaces and dashes do not matter. */
export function setupCodeMatches(expected: string, typed: string | undefined): boolean {
  if (!typed) return false;
  const a = Buffer.from(normalized(expected));
  const b = Buffer.from(normalized(typed));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** From another device, the code shown when browser mode started: a stranger on the network cannot claim the shop. */
export function requireThisComputerOrCode(source: string, expected: string | null, typed: string | undefined): void {
  if (isThisComputer(source) || (expected !== null && setupCodeMatches(expected, typed))) return;
  throw new BusinessError(
    'FORBIDDEN',
    typed
      ? 'Código de configuração incorreto. Confira o código mostrado no computador do caixa ao iniciar o Balcão.'
      : 'Configure a loja no próprio computador do caixa, ou informe o código de configuração mostrado nele ao iniciar o Balcão.',
    'setupCode',
  );
}

export const alreadyInitialized = () =>
  new BusinessError('ALREADY_INITIALIZED', 'Esta loja já foi configurada. Entre com um usuário administrador.');
