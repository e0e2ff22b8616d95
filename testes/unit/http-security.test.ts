import { describe, expect, it } from 'vitest';
import { bearerToken, eventVisibleTo, isAllowedOrigin, operationFromPath, RENDERER_CSP, resolveBindHost, staticFilePath } from '../../src/ipc/http-security.js';

describe('browser-mode security rules', () => {
  it('binds to loopback unless told otherwise', () => {
    expect(resolveBindHost(undefined)).toBe('127.0.0.1');
    expect(resolveBindHost('  ')).toBe('127.0.0.1');
    expect(resolveBindHost('0.0.0.0')).toBe('0.0.0.0');
  });

  it('accepts only its own origin', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:5178')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5178', '127.0.0.1:5178')).toBe(true);
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:5178')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', '127.0.0.1:5178')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:5178')).toBe(false);
  });

  it('reads operation names and bearer tokens strictly', () => {
    expect(operationFromPath('/api/users.create')).toBe('users.create');
    expect(operationFromPath('/api/users.create/x')).toBeNull();
    expect(operationFromPath('/api/../etc')).toBeNull();
    expect(bearerToken('Bearer EViwpfrUOU7OVdklGnt_T4JL46r_AC7eH_wK4G3hvck')).toBe('EViwpfrUOU7OVdklGnt_T4JL46r_AC7eH_wK4G3hvck');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken('Bearer short')).toBeNull();
  });

  it('never serves a file outside the renderer folder', () => {
    expect(staticFilePath('/')).toBe('index.html');
    expect(staticFilePath('/assets/app.js')).toBe('assets/app.js');
    expect(staticFilePath('/../../etc/passwd')).toBeNull();
    expect(staticFilePath('/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFilePath('/a\\..\\b')).toBeNull();
    expect(staticFilePath('/%00')).toBeNull();
    expect(staticFilePath('/%E0%A4%A')).toBeNull();
  });

  it('the customers’ feedback screen hears only that an order was just paid', () => {
    expect(eventVisibleTo('feedback.prompt', { kiosk: true })).toBe(true);
    expect(eventVisibleTo('orders.changed', { kiosk: true })).toBe(false);
    expect(eventVisibleTo('feedback.alert', { kiosk: true })).toBe(false);
    expect(eventVisibleTo('orders.changed', { kiosk: false })).toBe(true);
    expect(eventVisibleTo('feedback.alert', {})).toBe(true);
  });

  it('allows no inline or foreign scripts', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
  });
});
