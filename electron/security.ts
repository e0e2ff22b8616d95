import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { WebPreferences } from 'electron';

/**
 * The desktop shell's security rules as small pure functions. This module never imports `electron`
 * at runtime (type imports only), so every rule is tested under plain Node.
 */

/** The scheme and host the renderer is served from; nothing else may drive the window or the core. */
export const APP_SCHEME = 'balcao';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * "scheme://host" of a URL, or null. Why: WHATWG `URL.origin` is "null" for custom schemes, so it
 * cannot tell balcao://app from balcao://evil.
 */
function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Why: "balcao://user@app" must not pass for our origin.
  if (parsed.username || parsed.password) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** Why: the core is reachable only from our own page's top frame, never from an iframe or a foreign page. */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame === true && originOf(frameUrl) === APP_ORIGIN;
}

/** Why: a link or script must never take the window (and its bridge) to another origin. */
export function isAllowedNavigation(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/**
 * Maps a balcao://app URL to a file under the renderer root, or null.
 * Why: the protocol handler reads from disk, so any way of climbing out of the root (`..`, its
 * percent-encoded forms, backslashes, absolute or drive paths, NUL) is refused before touching disk.
 */
export function resolveProtocolPath(requestUrl: string, rootDir: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  // Why: work on the raw path, since URL parsing silently folds `..` and `%2e%2e` and would hide an attempt.
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  if (decoded.startsWith('/')) return null;
  const parts = decoded.split('/');
  if (parts.some((part) => part === '..' || part === '.')) return null;
  const clean = parts.filter(Boolean);
  const root = resolve(rootDir);
  const file = join(root, ...(clean.length ? clean : ['index.html']));
  // Why: a last check on the resolved path, in case a rule above ever misses a platform quirk.
  const inside = relative(root, file);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

export interface NativeBindingContext {
  isPackaged: boolean;
  /** `process.resourcesPath` of the packaged app. */
  resourcesPath: string;
  /** The project folder in development (where package.json is). */
  appRoot: string;
}

/**
 * Where the better-sqlite3 binary built for Electron's ABI lives.
 * Why: node_modules keeps the Node build (tests need it), so the desktop loads its own copy.
 */
export function nativeBindingPath(context: NativeBindingContext): string {
  return context.isPackaged
    ? join(context.resourcesPath, 'native', 'better_sqlite3.node')
    : join(context.appRoot, 'build', 'native', 'electron', 'better_sqlite3.node');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Why: module scripts are refused without a JavaScript type, and unknown files must not be sniffed into one. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Why: the renderer is a web page with no Node: isolated, sandboxed, and able to reach only the preload's bridge. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export interface InvokeRequest {
  operation: string;
  input: unknown;
  token: string | null;
}

/** Why: whatever the page sends is untrusted; the shape is checked before it reaches the dispatcher. */
export function isInvokeRequest(value: unknown): value is InvokeRequest {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const request = value as Record<string, unknown>;
  return (
    typeof request.operation === 'string' &&
    request.operation.length > 0 &&
    request.operation.length <= 100 &&
    (request.token === null || typeof request.token === 'string')
  );
}

/** Why: the live channel is for signed-in sessions; the token is checked against the session store next. */
export function subscriptionToken(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const token = (value as Record<string, unknown>).token;
  return typeof token === 'string' && token.length > 0 && token.length <= 200 ? token : null;
}

/**
 * What the page may ask of the browser: nothing but writing text to the clipboard (the screens copy a
 * PIX code and a webhook secret), and only our own page. Camera, microphone, location, notifications,
 * reading the clipboard, screen capture, USB/HID/serial/Bluetooth devices and everything else are refused,
 * both when the page asks (permission request) and when it only looks (permission check).
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && originOf(requestingUrl) === APP_ORIGIN;
}
