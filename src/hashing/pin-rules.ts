import type { Role } from '../models/roles.js';

/** Managers and admins approve overrides, so their PINs are longer. */
export const minPinLength = (role: Role): number => (role === 'admin' || role === 'manager' ? 6 : 4);

/**
 * Why a PIN is too easy to guess, or null when it is acceptable. Refuses a PIN shorter than the role
 * needs, one digit repeated (0000), a straight run up or down (1234, 987654) and a repeated pair (1212).
 */
export function pinWeakness(pin: string, role: Role): string | null {
  const min = minPinLength(role);
  if (!/^\d+$/.test(pin)) return 'O PIN deve ter só números.';
  if (pin.length < min) return `Para este papel o PIN precisa de pelo menos ${min} dígitos.`;
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'O PIN não pode repetir um só número (ex.: 0000).';
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) {
    return 'O PIN não pode ser uma sequência (ex.: 1234 ou 4321).';
  }
  if (pin.length % 2 === 0 && pin === pin.slice(0, 2).repeat(pin.length / 2)) {
    return 'O PIN não pode repetir um par de números (ex.: 1212).';
  }
  return null;
}
