import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogLine, LEVEL_ORDER, loggerFrom, type Logger, type LogLevel } from './logger.js';

export interface FileLoggerOptions {
  dir: string;
  fileName?: string;
  maxBytes?: number;
  keep?: number;
  /** Also echo records at or above this level to the terminal. */
  echoLevel?: LogLevel | null;
  /** Records below this level are dropped (debug traces every call: only when asked for, BALCAO_LOG_LEVEL=debug). */
  minLevel?: LogLevel;
}

/** A log file in the data folder that rotates by size: balcao.log, balcao.1.log … balcao.N.log. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { dir, fileName = 'balcao.log', maxBytes = 5 * 1024 * 1024, keep = 5, echoLevel = 'info', minLevel = 'info' } = options;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  const rotated = (n: number) => join(dir, fileName.replace(/\.log$/, `.${n}.log`));
  let size = existsSync(path) ? statSync(path).size : 0;

  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (existsSync(path)) renameSync(path, rotated(1));
    size = 0;
  };

  return loggerFrom((record) => {
    const line = `${formatLogLine(record)}\n`;
    if (size + line.length > maxBytes && size > 0) rotate();
    appendFileSync(path, line);
    size += Buffer.byteLength(line);
    if (echoLevel && LEVEL_ORDER[record.level] >= LEVEL_ORDER[echoLevel]) {
      (record.level === 'error' || record.level === 'warn' ? process.stderr : process.stdout).write(line);
    }
  }, { minLevel });
}
