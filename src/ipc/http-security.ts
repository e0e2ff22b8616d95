/** Security rules of browser mode, as small pure functions. */
import type { DeviceKind } from '../models/devices.js';
import { deviceScope } from '../services/devices/device-rules.js';

/** Content-Security-Policy for the renderer: only our own scripts, no inline code, no framing. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** "fe80::1" → "[fe80::1]:5178"; "caixa.local" → "caixa.local:5178"; a name with its own port keeps it. */
function hostWithPort(name: string, port: number): string {
  const host = name.trim().toLowerCase();
  if (host.startsWith('[')) return host.includes(']:') ? host : `${host}:${port}`;
  if (host.includes(':') && host.indexOf(':') !== host.lastIndexOf(':')) return `[${host}]:${port}`;
  return host.includes(':') ? host : `${host}:${port}`;
}

/**
 * The Host names this server answers to: loopback on its own port, plus the shop-network addresses
 * the admin configured. A page on a rebound domain sends its own name as Host and is refused.
 */
export function allowedHosts(port: number, shopNetwork: readonly string[] = []): ReadonlySet<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]', ...shopNetwork].map((name) => hostWithPort(name, port)));
}

export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return Boolean(host) && allowed.has(host!.toLowerCase());
}

/** Requests from another site's page are refused: the Origin, when sent, must be one of our own hosts. */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>, protocol: 'http:' | 'https:' = 'http:'): boolean {
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.protocol === protocol && allowed.has(url.host);
  } catch {
    return false;
  }
}

const WILDCARD_OR_LOOPBACK = new Set(['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost']);

/**
 * The shop-network addresses browser mode answers to: the address it is bound to (when it is one
 * address of the shop network) and the names listed in BALCAO_ALLOWED_HOSTS, comma-separated.
 */
export function shopNetworkHosts(env: { BALCAO_HOST?: string | undefined; BALCAO_ALLOWED_HOSTS?: string | undefined }): string[] {
  const bound = resolveBindHost(env.BALCAO_HOST);
  const listed = (env.BALCAO_ALLOWED_HOSTS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  return [...(WILDCARD_OR_LOOPBACK.has(bound) ? [] : [bound]), ...listed];
}

/** Only loopback unless the owner opened browser mode to the shop's network on purpose. */
export function resolveBindHost(requested: string | undefined): string {
  return requested && requested.trim() ? requested.trim() : '127.0.0.1';
}

/** "/api/users.create" → "users.create"; anything else is not an operation path. */
export function operationFromPath(pathname: string): string | null {
  const match = /^\/api\/([a-z]+\.[A-Za-z]+)$/.exec(pathname);
  return match?.[1] ?? null;
}

/** The bearer token of an Authorization header, if well formed. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,})$/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** What the call board's TV hears: orders and tickets moving. */
const BOARD_EVENTS: readonly string[] = ['orders.changed', 'kitchen.changed'];

/**
 * The customers' feedback screen hears only that an order was just paid; the call board only orders and
 * tickets moving; a paired device what its screen needs (deviceScope); a customer's display only its
 * own terminal's changes (the event's `data.terminalId`); staff screens hear everything.
 */
export const eventVisibleTo = (
  eventType: string,
  session: {
    kiosk?: boolean | undefined;
    boardLinkId?: string | undefined;
    device?: { kind: DeviceKind; cookLogin: boolean; terminalId?: string | null | undefined } | undefined;
    cook?: boolean | undefined;
    customerDisplay?: { terminalId: string } | undefined;
  },
  data?: unknown,
): boolean => {
  const displayOf = session.customerDisplay?.terminalId ?? (session.device?.kind === 'display' ? session.device.terminalId : undefined);
  if (eventType === DISPLAY_EVENT && (session.customerDisplay || session.device)) return Boolean(displayOf) && eventTerminal(data) === displayOf;
  if (session.customerDisplay) return false;
  if (session.device) return (deviceScope(session.device, Boolean(session.cook)).events as readonly string[]).includes(eventType);
  if (session.kiosk) return eventType === 'feedback.prompt';
  if (session.boardLinkId) return BOARD_EVENTS.includes(eventType);
  return true;
};

const DISPLAY_EVENT = 'display.changed';

const eventTerminal = (data: unknown): unknown => (typeof data === 'object' && data !== null ? (data as { terminalId?: unknown }).terminalId : undefined);

/** Maps a URL path inside the static root, refusing anything that climbs out of it. */
export function staticFilePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter(Boolean);
  if (parts.some((part) => part === '..' || part === '.')) return null;
  return parts.join('/') || 'index.html';
}

/** Requests one address may still make: a bucket of `burst` that refills at `perSecond`. */
export interface RequestBucket {
  tokens: number;
  at: number;
}

/** Takes one request from the address's bucket (times in ms); `allowed` is false when it is empty. */
export function takeRequest(bucket: RequestBucket | undefined, now: number, burst: number, perSecond: number): { bucket: RequestBucket; allowed: boolean } {
  const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
  return tokens >= 1 ? { bucket: { tokens: tokens - 1, at: now }, allowed: true } : { bucket: { tokens, at: now }, allowed: false };
}
