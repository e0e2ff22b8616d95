import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  bearerToken,
  eventVisibleTo,
  isAllowedHost,
  isAllowedOrigin,
  operationFromPath,
  RENDERER_CSP,
  resolveBindHost,
  shopNetworkHosts,
  staticFilePath,
  takeRequest,
} from '../../src/ipc/http-security.js';

describe('browser-mode security rules', () => {
  it('binds to loopback unless told otherwise', () => {
    expect(resolveBindHost(undefined)).toBe('127.0.0.1');
    expect(resolveBindHost('  ')).toBe('127.0.0.1');
    expect(resolveBindHost('0.0.0.0')).toBe('0.0.0.0');
  });

  it('answers only to loopback on its own port and to the shop-network addresses configured (DNS rebinding)', () => {
    const loopback = allowedHosts(5178);
    for (const host of ['127.0.0.1:5178', 'localhost:5178', '[::1]:5178', 'LOCALHOST:5178']) expect(isAllowedHost(host, loopback)).toBe(true);
    for (const host of ['evil.example:5178', 'attacker.test', '127.0.0.1:9999', '192.168.0.10:5178', '', undefined]) expect(isAllowedHost(host, loopback)).toBe(false);
    const shop = allowedHosts(5178, ['192.168.0.10', 'caixa.local:8080', 'fe80::1']);
    expect(isAllowedHost('192.168.0.10:5178', shop)).toBe(true);
    expect(isAllowedHost('caixa.local:8080', shop)).toBe(true);
    expect(isAllowedHost('caixa.local:5178', shop)).toBe(false);
    expect(isAllowedHost('[fe80::1]:5178', shop)).toBe(true);
  });

  it('derives the shop-network addresses from the bind address and BALCAO_ALLOWED_HOSTS', () => {
    expect(shopNetworkHosts({})).toEqual([]);
    expect(shopNetworkHosts({ BALCAO_HOST: '127.0.0.1' })).toEqual([]);
    expect(shopNetworkHosts({ BALCAO_HOST: '0.0.0.0' })).toEqual([]);
    expect(shopNetworkHosts({ BALCAO_HOST: '192.168.0.10' })).toEqual(['192.168.0.10']);
    expect(shopNetworkHosts({ BALCAO_HOST: '0.0.0.0', BALCAO_ALLOWED_HOSTS: ' 192.168.0.10, caixa.local ,' })).toEqual(['192.168.0.10', 'caixa.local']);
  });

  it('accepts only an Origin that is one of those hosts, when one is sent', () => {
    const hosts = allowedHosts(5178);
    expect(isAllowedOrigin(undefined, hosts)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5178', hosts)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5178', hosts)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', hosts)).toBe(false);
    expect(isAllowedOrigin('http://evil.example:5178', hosts)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', hosts)).toBe(false);
    expect(isAllowedOrigin('ftp://127.0.0.1:5178', hosts)).toBe(false);
    expect(isAllowedOrigin('null', hosts)).toBe(false);
    // The shop-network listener is HTTPS: its pages' Origin is https, and a plain http one is not its own.
    expect(isAllowedOrigin('https://127.0.0.1:5178', hosts, 'https:')).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:5178', hosts, 'https:')).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:5178', hosts)).toBe(false);
  });

  it('lets an address make a burst of requests, then as many as the bucket refills', () => {
    let step = takeRequest(undefined, 0, 2, 1);
    expect(step.allowed).toBe(true);
    step = takeRequest(step.bucket, 0, 2, 1);
    expect(step.allowed).toBe(true);
    step = takeRequest(step.bucket, 500, 2, 1);
    expect(step.allowed).toBe(false);
    step = takeRequest(step.bucket, 1000, 2, 1);
    expect(step.allowed).toBe(true);
    expect(takeRequest({ tokens: 0, at: 0 }, 60_000, 2, 1).bucket.tokens).toBe(1); // refills up to the burst, no more
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
