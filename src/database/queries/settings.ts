import type { Db } from '../connection.js';
import { sql } from '../statements.js';
import type { Settings } from '../../models/settings.js';

export type StoredSettings = Omit<Settings, 'shopName'>;

export const DEFAULT_SETTINGS: StoredSettings = {
  timezone: 'America/Sao_Paulo',
  businessDayStartsAt: '04:00',
  pinMaxAttempts: 5,
  pinLockMinutes: 15,
  idleLockMinutes: 5,
  overrideTtlSeconds: 120,
  discountLimitBps: 1000,
  sangriaManagerLimit: 20_000,
  cancelAfterKitchenNeedsManager: true,
  pixKey: '',
  pixMerchantName: '',
  pixMerchantCity: '',
  printerAddress: '',
  paperWidth: 80,
  autoPrintReceipt: true,
  autoPrintKitchen: true,
  shopDocument: '',
  shopAddress: '',
  shopPhone: '',
  stockExpiryDays: 7,
  feedbackMaxDays: 7,
  feedbackContactDays: 90,
  feedbackTags: ['sabor', 'tempo de espera', 'atendimento', 'preço', 'limpeza'],
  displayColor: '#e8590c',
  // Shop-wide, like every setting: the shop's terminals run the same version line.
  updateChannel: 'latest',
  updatesHeld: false,
};

/** Stored values over the defaults; a key never written keeps its default. */
export function readSettings(db: Db): StoredSettings {
  const stored = Object.fromEntries(
    sql<[], { key: string; value: string }>(db, 'SELECT key, value FROM settings')
      .all()
      .map((row) => [row.key, JSON.parse(row.value)]),
  );
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
  return merged as StoredSettings;
}

export function writeSetting(db: Db, key: keyof StoredSettings, value: unknown, userId: string | null, hlc: string): void {
  sql(
    db,
    `INSERT INTO settings (key, value, updated_by, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, hlc = excluded.hlc`,
  ).run(key, JSON.stringify(value), userId, hlc);
}
