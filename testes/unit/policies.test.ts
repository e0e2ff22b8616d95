import { describe, expect, it } from 'vitest';
import { discountNeedsApproval } from '../../src/services/discount-policy.js';
import { overrideProblem } from '../../src/services/overrides.js';
import { PinThrottle } from '../../src/services/pin-throttle.js';
import { isThisComputer } from '../../src/services/request-source.js';
import { afterWrongPin, COOK_IDLE_MINUTES, cookSignedOutIdle, idleLockDue, pinThrottleWait, sessionOutlivedDay } from '../../src/services/session-policy.js';
import { canApproveOverride, canManageRole, cancelNeedsManager, sangriaNeedsManager } from '../../src/services/user-policy.js';
import { defaultDataDir } from '../../src/database/data-dir.js';
import { foldText } from '../../src/utils/text.js';

describe('session policy', () => {
  it('a session ends when the business day turns forward, never when the clock is set back', () => {
    const at = (iso: string) => Date.parse(iso);
    const outlived = (created: string, now: string) => sessionOutlivedDay(at(created), at(now), 'America/Sao_Paulo', '04:00');
    expect(outlived('2026-11-30T06:00:00Z', '2026-11-30T06:59:00Z')).toBe(false); // 03:00 → 03:59 local, same night
    expect(outlived('2026-11-30T06:59:00Z', '2026-11-30T07:01:00Z')).toBe(true); // 03:59 → 04:01: the day turned
    expect(outlived('2026-11-30T07:01:00Z', '2026-11-30T06:58:00Z')).toBe(false); // clock nudged back to 03:58
    expect(outlived('2026-12-01T12:00:00Z', '2026-11-30T12:00:00Z')).toBe(false); // a day-ahead clock corrected
  });

  it('locks an idle screen after the set minutes, except the kitchen’s', () => {
    expect(idleLockDue('cashier', 0, 5 * 60_000 - 1, 5)).toBe(false);
    expect(idleLockDue('cashier', 0, 5 * 60_000, 5)).toBe(true);
    expect(idleLockDue('kitchen', 0, 60 * 60_000, 5)).toBe(false);
    // The shop's paired screens stay up all day too (a kitchen tablet's queue must not lock by itself).
    for (const role of ['kitchenScreen', 'customerDisplay', 'kitchenLogin', 'board', 'kiosk'] as const) expect(idleLockDue(role, 0, 60 * 60_000, 5)).toBe(false);
  });

  it("signs a cook out of a kitchen tablet after the cook's idle minutes, never after a clock set back", () => {
    expect(COOK_IDLE_MINUTES).toBeGreaterThan(5);
    expect(cookSignedOutIdle(0, COOK_IDLE_MINUTES * 60_000 - 1)).toBe(false);
    expect(cookSignedOutIdle(0, COOK_IDLE_MINUTES * 60_000)).toBe(true);
    expect(cookSignedOutIdle(10 * 60 * 60_000, 0)).toBe(false);
  });

  it('locks on the fifth wrong PIN in a row, for the set minutes', () => {
    expect(afterWrongPin(0, 1000, 5, 15)).toEqual({ failures: 1, lockedUntil: null });
    expect(afterWrongPin(3, 1000, 5, 15)).toEqual({ failures: 4, lockedUntil: null });
    expect(afterWrongPin(4, 1000, 5, 15)).toEqual({ failures: 0, lockedUntil: 1000 + 15 * 60_000 });
  });

  it('another device waits after three wrong PINs, twice as long each time, up to 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(pinThrottleWait)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 300_000]);
  });

  it('counts an attempt before its PIN is compared, gives it back when right, and forgets a quiet address', () => {
    const throttle = new PinThrottle();
    for (let i = 0; i < 3; i++) expect(throttle.admit('192.168.0.7', 0)).toBe(0);
    expect(throttle.admit('192.168.0.7', 400)).toBe(600);
    expect(throttle.admit('192.168.0.8', 400)).toBe(0); // each address on its own
    expect(throttle.admit('192.168.0.7', 1000)).toBe(0);
    throttle.succeeded('192.168.0.7');
    expect(throttle.admit('192.168.0.7', 1000)).toBe(1000); // back to three: waits 1 s from the last attempt
    expect(throttle.admit('192.168.0.7', 1000 + 15 * 60_000)).toBe(0);
    expect(throttle.admit('192.168.0.7', 1000 + 15 * 60_000)).toBe(0);
  });

  it('only the desktop window and this computer’s own loopback address are the counter', () => {
    for (const source of ['local', '127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isThisComputer(source)).toBe(true);
    for (const source of ['127.0.0.2', '192.168.0.7', '::ffff:192.168.0.7', 'unknown', '']) expect(isThisComputer(source)).toBe(false);
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

describe('discount policy', () => {
  const limit = 1000; // 10%
  it('asks for a manager when the whole discount passes the limit, not each part on its own', () => {
    expect(discountNeedsApproval(limit, { after: { discount: 180, gross: 1800 }, given: 180 })).toBe(false);
    // 10% off a line and 10% off the rest: 19% in all.
    expect(discountNeedsApproval(limit, { after: { discount: 342, gross: 1800 }, given: 342 })).toBe(true);
  });
  it('keeps what was approved: more items under an approved discount need no new approval, a new discount does', () => {
    const meal = { discount: 1800, gross: 1800 };
    expect(discountNeedsApproval(limit, { before: meal, after: { discount: 3000, gross: 3000 }, given: 0 })).toBe(false);
    expect(discountNeedsApproval(limit, { before: meal, after: { discount: 3000, gross: 3000 }, given: 60 })).toBe(true);
    expect(discountNeedsApproval(limit, { before: { discount: 150, gross: 1800 }, after: { discount: 360, gross: 1800 }, given: 0 })).toBe(true);
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
