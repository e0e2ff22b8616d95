import log from 'electron-log/main';
import { join } from 'node:path';
import { loggerFrom, type Logger, type LogRecord } from '../src/logs/logger.js';

export interface ElectronLoggerOptions {
  /** The data folder's logs directory (`<dataDir>/logs`). */
  dir: string;
  fileName?: string;
  maxBytes?: number;
}

/**
 * The desktop's Logger: electron-log writing to the data folder's logs/, next to the database, so
 * one folder holds everything support asks for. Redaction happens in `loggerFrom`, before electron-log.
 */
export function createElectronLogger(options: ElectronLoggerOptions): Logger {
  const { dir, fileName = 'balcao.log', maxBytes = 5 * 1024 * 1024 } = options;
  const path = join(dir, fileName);
  log.transports.file.resolvePathFn = () => path;
  log.transports.file.maxSize = maxBytes;
  log.transports.file.level = 'debug';
  // Why: the terminal is only seen in development; keep it to what matters there.
  log.transports.console.level = 'info';
  return loggerFrom(write);
}

/** Fields go out as JSON (not util.inspect), so a log line reads the same as browser mode's. */
function write(record: LogRecord): void {
  const fields = Object.keys(record.fields).length ? ` ${safeJson(record.fields)}` : '';
  log[record.level](`${record.message}${fields}`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[campos não serializáveis]"';
  }
}

/** electron-log itself, for libraries that take its shape (the auto-updater). */
export const electronLog = log;
