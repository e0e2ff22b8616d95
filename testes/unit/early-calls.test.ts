import { describe, expect, it } from 'vitest';
import type { BridgeOutcome } from '../../src/models/bridge.js';
import { askEarly, takeEarlyAnswer } from '../../renderer/src/earlyCalls.js';

/** A transport that counts what it was asked and answers each call with its own number. */
function countingTransport() {
  const sent: unknown[][] = [];
  const send = (...call: unknown[]) => {
    sent.push(call);
    return Promise.resolve({ ok: true, result: { call: sent.length } } as unknown as BridgeOutcome<'setup.status'>);
  };
  return { sent, send };
}

describe('a page first calls, asked by the entry', () => {
  it('answers the same call once from what was asked, and sends nothing again', async () => {
    const { sent, send } = countingTransport();
    const asked = askEarly(send, 'setup.status', {}, 'token-a');
    const taken = takeEarlyAnswer('setup.status', {}, 'token-a');
    expect(taken).toBe(asked);
    expect(await taken).toEqual({ ok: true, result: { call: 1 } });
    expect(sent).toHaveLength(1);
    // A second identical call (a retry, a reload of the data) goes to the terminal.
    expect(takeEarlyAnswer('setup.status', {}, 'token-a')).toBeNull();
  });

  it('never answers a different call: another token, another input or another operation', () => {
    const { send } = countingTransport();
    askEarly(send, 'kitchen.board', {}, 'board-link');
    expect(takeEarlyAnswer('kitchen.board', {}, 'another-link')).toBeNull();
    expect(takeEarlyAnswer('kitchen.board', {}, null)).toBeNull();
    expect(takeEarlyAnswer('kitchen.queue', {}, 'board-link')).toBeNull();
    askEarly(send, 'feedback.lookup', { code: 'A-001' }, 'kiosk');
    expect(takeEarlyAnswer('feedback.lookup', { code: 'A-002' }, 'kiosk')).toBeNull();
    expect(takeEarlyAnswer('feedback.lookup', { code: 'A-001' }, 'kiosk')).not.toBeNull();
    expect(takeEarlyAnswer('kitchen.board', {}, 'board-link')).not.toBeNull();
  });
});
