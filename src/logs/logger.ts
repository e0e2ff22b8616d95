export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** The one logging interface of the core. Adapters: memory (tests), rotating file (browser mode), electron-log (desktop). */
export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogRecord {
  time: string;
  level: LogLevel;
  message: string;
  fields: LogFields;
}

export const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Turns a sink for finished records into a Logger; every adapter redacts through here. A record below
 * `minLevel` is dropped before it is built (debug traces every call, a sale among them).
 */
export function loggerFrom(write: (record: LogRecord) => void, { minLevel = 'debug' }: { minLevel?: LogLevel } = {}): Logger {
  const lowest = LEVEL_ORDER[minLevel];
  const log = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (LEVEL_ORDER[level] < lowest) return;
    write({ time: new Date().toISOString(), level, message: withoutQueryStrings(message), fields: redactFields(fields) });
  };
  return {
    log,
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

const SECRET_KEY = /pin|token|password|secret|authorization|cookie|uri|card/i;
const REDACTED = '[removido]';

/** Removes values whose key names a secret, at any depth, so a PIN or token can never reach a log. */
export function redactFields(value: LogFields): LogFields {
  return redactValue(value, 0) as LogFields;
}

// A URL path's query string may carry a live-stream token: "/api/events?token=…" → "/api/events?…".
const PATH_QUERY = /(\/[^\s?"'<>]*)\?[^\s"'<>]+/g;
const withoutQueryStrings = (text: string): string => text.replace(PATH_QUERY, '$1?…');

function redactValue(value: unknown, depth: number): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return withoutQueryStrings(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: withoutQueryStrings(value.message), stack: value.stack && withoutQueryStrings(value.stack) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : redactValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}

export function formatLogLine(record: LogRecord): string {
  const fields = Object.keys(record.fields).length ? ` ${JSON.stringify(record.fields)}` : '';
  return `${record.time} ${record.level.toUpperCase()} ${record.message}${fields}`;
}
