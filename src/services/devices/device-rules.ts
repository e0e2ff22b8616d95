import { randomInt } from 'node:crypto';
import type { LiveEventName } from '../../models/contract.js';
import type { DeviceKind } from '../../models/devices.js';
import type { Role, SessionRole } from '../../models/roles.js';

/**
 * Pairing codes are read off a tablet across the counter and typed by a manager: six characters from
 * an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), about 2^27 codes.
 */
export const PAIRING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const PAIRING_CODE_LENGTH = 6;
/** A code lives this long; the device asks for a new one by itself. */
export const PAIRING_CODE_TTL_MS = 5 * 60_000;
/** An address may ask for this many codes per window: a device that keeps asking is someone guessing. */
export const PAIRING_REQUESTS_PER_ADDRESS = 5;
export const PAIRING_WINDOW_MS = 10 * 60_000;
/** Codes waiting at once, whatever their addresses: a flood from many addresses fills nothing. */
export const PAIRING_PENDING_MAX = 50;

export function newPairingCode(draw: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[draw(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** What the manager typed, as the code is stored: case and spaces or dashes do not matter. */
export const normalizePairingCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

export const isPairingCodeShape = (code: string): boolean =>
  code.length === PAIRING_CODE_LENGTH && [...code].every((char) => PAIRING_CODE_ALPHABET.includes(char));

export const pairingExpired = (expiresAt: number, now: number): boolean => now >= expiresAt;

/**
 * What each kind of device is: the restricted session role its token carries (scripts name the roles
 * they accept, as they do for the board link and the feedback screen) and the events it hears.
 */
export interface DeviceScope {
  role: SessionRole;
  events: readonly LiveEventName[];
}

export const DEVICE_SCOPES: Record<DeviceKind, DeviceScope> = {
  kitchen: { role: 'kitchenScreen', events: ['orders.changed', 'kitchen.changed'] },
  board: { role: 'board', events: ['orders.changed', 'kitchen.changed'] },
  display: { role: 'customerDisplay', events: ['display.changed'] },
  rating: { role: 'kiosk', events: ['feedback.prompt'] },
};

/**
 * A kitchen device that asks for its cook's PIN, while no cook is signed in on it: it lists the cooks and
 * signs one in, and hears nothing. The cook's own session then carries the kitchen's scope.
 */
export const COOK_LOGIN_SCOPE: DeviceScope = { role: 'kitchenLogin', events: [] };

/** What a device's session may do: its kind's scope, or only the cook's login while a cook must sign in. */
export const deviceScope = (device: { kind: DeviceKind; cookLogin: boolean }, cookSignedIn: boolean): DeviceScope =>
  device.kind === 'kitchen' && device.cookLogin && !cookSignedIn ? COOK_LOGIN_SCOPE : DEVICE_SCOPES[device.kind];

/** The roles of paired devices, for the few operations every device may call (who am I). */
export const DEVICE_ROLES: readonly SessionRole[] = [...new Set([...Object.values(DEVICE_SCOPES), COOK_LOGIN_SCOPE].map((scope) => scope.role))];

/** Who may sign in on a kitchen device: the people whose own role opens the kitchen's queue. */
export const KITCHEN_STAFF_ROLES: readonly Role[] = ['admin', 'manager', 'kitchen'];

/** What a device that is not paired may call on the shop network: asking for a code and waiting for it. */
export const PAIRING_OPERATIONS: readonly string[] = ['devices.requestPairing', 'devices.pairingStatus'];

/**
 * The shop-network listener serves paired devices only: a call without a device's token is refused
 * unless it is pairing itself. What a paired device may call is then its role's business.
 */
export const shopNetworkAdmits = (operation: string, session: { device?: { id: string } | undefined } | undefined): boolean =>
  PAIRING_OPERATIONS.includes(operation) || Boolean(session?.device);
