import { describe, expect, it } from 'vitest';
import { minPinLength, pinWeakness } from '../../src/hashing/pin-rules.js';

describe('PIN rules', () => {
  it('asks 6 digits of managers and admins, 4 of the floor staff', () => {
    expect(minPinLength('admin')).toBe(6);
    expect(minPinLength('manager')).toBe(6);
    for (const role of ['cashier', 'stockroom', 'kitchen'] as const) expect(minPinLength(role)).toBe(4);
    expect(pinWeakness('2580', 'cashier')).toBeNull();
    expect(pinWeakness('2580', 'manager')).toMatch(/6 dígitos/);
    expect(pinWeakness('480135', 'admin')).toBeNull();
  });

  it.each(['0000', '1111', '999999', '1234', '0123', '4321', '9876', '123456', '654321', '1212', '121212', '9090'])(
    'refuses the trivial PIN %s',
    (pin) => {
      expect(pinWeakness(pin, 'cashier')).not.toBeNull();
    },
  );

  it.each(['2580', '1357', '8024', '13579', '480135', '1243'])('accepts %s for a cashier', (pin) => {
    expect(pinWeakness(pin, 'cashier')).toBeNull();
  });

  it('refuses letters', () => {
    expect(pinWeakness('12a4', 'cashier')).toMatch(/números/);
  });
});
