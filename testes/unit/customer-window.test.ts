import { describe, expect, it } from 'vitest';
import { CUSTOMER_DISPLAY_URL, customerMonitorBounds, type Monitor } from '../../electron/customer-window.js';
import { isAllowedNavigation } from '../../electron/security.js';

const MAIN: Monitor = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const RIGHT: Monitor = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
const LEFT: Monitor = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 } };

describe("the customer display's window in the desktop app", () => {
  it('opens on the second monitor when the admin turned it on', () => {
    expect(customerMonitorBounds([MAIN, RIGHT], 1, true)).toEqual(RIGHT.bounds);
    expect(customerMonitorBounds([RIGHT, MAIN], 1, true)).toEqual(RIGHT.bounds);
  });

  it('stays closed with the switch off, with one monitor, or with only a monitor of no size', () => {
    expect(customerMonitorBounds([MAIN, RIGHT], 1, false)).toBeNull();
    expect(customerMonitorBounds([MAIN], 1, true)).toBeNull();
    expect(customerMonitorBounds([], 1, true)).toBeNull();
    expect(customerMonitorBounds([MAIN, { id: 9, bounds: { x: 1920, y: 0, width: 0, height: 0 } }], 1, true)).toBeNull();
  });

  it('picks the same monitor every time among several: the nearest right of the main one', () => {
    expect(customerMonitorBounds([LEFT, MAIN, RIGHT], 1, true)).toEqual(RIGHT.bounds);
    expect(customerMonitorBounds([RIGHT, LEFT, MAIN], 1, true)).toEqual(RIGHT.bounds);
    const twin = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 } };
    expect(customerMonitorBounds([MAIN, RIGHT, twin], 1, true)).toEqual(twin.bounds);
    // The main monitor is the second one plugged in: the first is then the customer's.
    expect(customerMonitorBounds([MAIN, RIGHT], 7, true)).toEqual(MAIN.bounds);
  });

  it('loads the display route of our own page, which the window may navigate to', () => {
    expect(CUSTOMER_DISPLAY_URL).toMatch(/^balcao:\/\/app\/index\.html#\/cliente$/);
    expect(isAllowedNavigation(CUSTOMER_DISPLAY_URL)).toBe(true);
  });
});
