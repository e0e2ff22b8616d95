import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { nextAttemptDelay, retryAfterMs, RETRY_SCHEDULE_MS } from '../../src/webhooks/schedule.js';
import { newWebhookSecret, signWebhook } from '../../src/webhooks/signature.js';
import { webhookUrlProblem } from '../../src/webhooks/url-rules.js';

describe('webhook URLs', () => {
  it('need HTTPS, except loopback, and the shop network when marked local', () => {
    expect(webhookUrlProblem('https://hooks.example.com/balcao', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/x', false)).toBeNull();
    expect(webhookUrlProblem('http://localhost/x', false)).toBeNull();
    expect(webhookUrlProblem('http://[::1]:9000/x', false)).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/x', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://192.168.0.20/x', false)).toMatch(/rede local/);
    expect(webhookUrlProblem('http://192.168.0.20/x', true)).toBeNull();
    expect(webhookUrlProblem('http://10.1.2.3/x', true)).toBeNull();
    expect(webhookUrlProblem('http://172.20.0.1/x', true)).toBeNull();
    expect(webhookUrlProblem('http://172.32.0.1/x', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://caixa.local/x', true)).toBeNull();
    expect(webhookUrlProblem('http://8.8.8.8/x', true)).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pass@hooks.example.com/', false)).toMatch(/senha/);
    expect(webhookUrlProblem('ftp://hooks.example.com/', false)).toMatch(/https/);
    expect(webhookUrlProblem('não é url', false)).toMatch(/inválida/);
  });
});

describe('signatures', () => {
  it('verify with the Standard Webhooks reference library, one per secret during a rotation', () => {
    const current = newWebhookSecret();
    const previous = newWebhookSecret();
    expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'order.paid', data: { number: 'A-001' } });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signWebhook([current, previous], 'evt_1', timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });

  it('made when queued and sent hours later, fails the receiver’s 5-minute tolerance — so we sign at send time', () => {
    const secret = newWebhookSecret();
    const queuedAt = Math.floor(Date.now() / 1000) - 3 * 3600;
    const headers = { 'webhook-id': 'evt_2', 'webhook-timestamp': String(queuedAt), 'webhook-signature': signWebhook([secret], 'evt_2', queuedAt, '{}') };
    expect(() => new Webhook(secret).verify('{}', headers)).toThrow(/timestamp/i);
  });
});

describe('retry schedule', () => {
  it('follows the standard, with at most ±10% jitter, and ends after the tenth attempt', () => {
    expect(RETRY_SCHEDULE_MS.map((ms) => ms / 1000)).toEqual([0, 5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]);
    expect(nextAttemptDelay(1, () => 0.5)).toBe(5000);
    expect(nextAttemptDelay(2, () => 1)).toBe(330_000);
    expect(nextAttemptDelay(2, () => 0)).toBe(270_000);
    expect(nextAttemptDelay(10)).toBeNull();
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });
});
