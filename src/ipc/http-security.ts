/** Security rules of browser mode, as small pure functions. */

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

/** Requests from another site's page are refused: the Origin, when sent, must be this server. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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
 * tickets moving; staff screens hear everything.
 */
export const eventVisibleTo = (eventType: string, session: { kiosk?: boolean | undefined; boardLinkId?: string | undefined }): boolean => {
  if (session.kiosk) return eventType === 'feedback.prompt';
  if (session.boardLinkId) return BOARD_EVENTS.includes(eventType);
  return true;
};

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
