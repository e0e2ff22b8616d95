import { loggerFrom, type Logger, type LogRecord } from './logger.js';

/** Keeps records in memory, for tests that assert what was (and was not) logged. */
export class MemoryLogger {
  readonly records: LogRecord[] = [];
  readonly logger: Logger = loggerFrom((record) => this.records.push(record));

  /** Everything logged, as one string, for "never contains" checks. */
  text(): string {
    return this.records.map((record) => JSON.stringify(record)).join('\n');
  }
}
