import { writeSetting, type StoredSettings } from '../../database/queries/settings.js';
import type { ScriptContext } from '../script.js';
import type { Db } from '../../database/connection.js';

export type SettingChanges = Record<string, { from: unknown; to: unknown }>;

/** Writes the settings that differ from the stored ones, each sent to the other terminals; returns them as from → to. */
export function writeChangedSettings(tx: Db, ctx: ScriptContext, patch: Partial<StoredSettings>): SettingChanges {
  const changed: SettingChanges = {};
  for (const [key, value] of Object.entries(patch) as [keyof StoredSettings, unknown][]) {
    if (value === undefined || value === ctx.settings[key]) continue;
    const hlc = ctx.stamp();
    writeSetting(tx, key, value, ctx.actor!.id, hlc);
    // The value as stored (JSON text), so every terminal holds the same bytes.
    ctx.recordChange('setting', key, 'update', { key, value: JSON.stringify(value), updatedBy: ctx.actor!.id }, hlc);
    changed[key] = { from: ctx.settings[key], to: value };
  }
  return changed;
}
