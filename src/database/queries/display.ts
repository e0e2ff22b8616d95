import type { Db } from '../connection.js';
import type { DisplayConfig } from '../../models/display.js';
import { readMeta, writeMeta } from './meta.js';

/** This computer's customer display (its slides folder, its second monitor): kept per terminal, never synced. */
const DISPLAY_META = 'customer_display';

export const readDisplayConfig = (db: Db): DisplayConfig => {
  const kept = readMeta(db, DISPLAY_META);
  return kept ? (JSON.parse(kept) as DisplayConfig) : { slidesFolder: null, secondWindow: false };
};

export const writeDisplayConfig = (db: Db, config: DisplayConfig): void => writeMeta(db, DISPLAY_META, JSON.stringify(config));
