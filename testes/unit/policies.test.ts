import { describe, expect, it } from 'vitest';
import { overrideProblem } from '../../src/services/overrides.js';
import { afterWrongPin, idleLockDue } from '../../src/services/session-policy.js';
import { canApproveOverride, canManageRole, cancelNeedsManager, sangriaNeedsManager } from '../../src/services/user-policy.js';
import { defaultDataDir } from '../../src/database/data-dir.js';
import { foldText } from '../../src/utils/text.js';

describe('session policy', () => {
  it('locks an idle screen after the set minutes, except the kitchen’s', () => {
    expect(idleLockDue('cashier', 0, 5 * 60_000 - 1, 5)).toBe(false);
    expect(idleLockDue('cashier', 0, 5 * 60_000, 5)).toBe(true);
    expect(idleLockDue('kitchen', 0, 60 * 60_000, 5)).toBe(false);
  });

  it('locks on the fifth wrong PIN in a row, for the set minutes', () => {
    expect(afterWrongPin(0, 1000, 5, 15)).toEqual({ failures: 1, lockedUntil: null });
    expect(afterWrongPin(3, 1000, 5, 15)).toEqual({ failures: 4, lockedUntil: null });
    expect(afterWrongPin(4, 1000, 5, 15)).toEqual({ failures: 0, lockedUntil: 1000 + 15 * 60_000 });
  });
});

describe('user policy', () => {
  it('a cashier\'s sangria above the limit needs a manager; at the limit, or a manager\'s own, does not', () => {
    expect(sangriaNeedsManager('cashier', 20_001, 20_000)).toBe(true);
    expect(sangriaNeedsManager('cashier', 20_000, 20_000)).toBe(false);
    expect(sangriaNeedsManager('manager', 90_000, 20_000)).toBe(false);
    expect(sangriaNeedsManager('admin', 90_000, 20_000)).toBe(false);
  });

  it('a cashier cancelling what the kitchen already has needs a manager, while the setting is on', () => {
    expect(cancelNeedsManager('cashier', true, true)).toBe(true);
    expect(cancelNeedsManager('cashier', false, true)).toBe(false);
    expect(cancelNeedsManager('cashier', true, false)).toBe(false);
    expect(cancelNeedsManager('manager', true, true)).toBe(false);
  });

  it('admins manage everyone; managers only the floor staff', () => {
    expect(canManageRole('admin', 'admin')).toBe(true);
    expect(canManageRole('manager', 'cashier')).toBe(true);
    expect(canManageRole('manager', 'manager')).toBe(false);
    expect(canManageRole('manager', 'admin')).toBe(false);
    expect(canManageRole('cashier', 'cashier')).toBe(false);
    expect(canApproveOverride('manager')).toBe(true);
    expect(canApproveOverride('cashier')).toBe(false);
  });
});

describe('override tokens', () => {
  const wanted = { operation: 'orders.void', recordId: 'r1' };
  const record = { ...wanted, expiresAt: 2000, usedAt: null };
  it('are single-use, short-lived and bound to one operation and one record', () => {
    expect(overrideProblem(record, wanted, 1000)).toBeNull();
    expect(overrideProblem(undefined, wanted, 1000)).toMatch(/não encontrada/);
    expect(overrideProblem({ ...record, usedAt: 1500 }, wanted, 1000)).toMatch(/já foi usada/);
    expect(overrideProblem(record, wanted, 2000)).toMatch(/expirou/);
    expect(overrideProblem(record, { ...wanted, recordId: 'r2' }, 1000)).toMatch(/outra operação ou outro registro/);
    expect(overrideProblem(record, { ...wanted, operation: 'orders.discount' }, 1000)).toMatch(/outra operação/);
  });
});

describe('data folder', () => {
  it('follows BALCAO_DATA_DIR, else the OS convention', () => {
    expect(defaultDataDir({ BALCAO_DATA_DIR: '/srv/balcao' }, 'linux')).toBe('/srv/balcao');
    expect(defaultDataDir({ HOME: '/home/ana' }, 'linux')).toBe('/home/ana/.local/share/balcao');
    expect(defaultDataDir({ HOME: '/home/ana', XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/balcao');
    expect(defaultDataDir({ HOME: '/Users/ana' }, 'darwin')).toBe('/Users/ana/Library/Application Support/Balcao');
    expect(defaultDataDir({ USERPROFILE: 'C:\\Users\\ana', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Balcao$/);
  });
});

describe('text folding', () => {
  it('ignores case and accents', () => {
    expect(foldText('  José  da   Silva ')).toBe('jose da silva');
    expect(foldText('PÃO de Queijo')).toBe('pao de queijo');
  });
});
