import { contextBridge, ipcRenderer } from 'electron';
import type { PosBridge } from '../src/models/bridge.js' with { 'resolution-mode': 'import' };

/**
 * The desktop bridge, exposed as `window.pos`. CommonJS because sandboxed preloads cannot be ESM.
 * Only these named functions cross into the page; `ipcRenderer` itself never does.
 */

type Handler = (data: unknown) => void;

const UNREACHABLE = { ok: false, status: 0, error: { code: 'INTERNAL', message: 'O Balcão não respondeu. Feche e abra o programa de novo.' } } as const;

/** Handlers by event type; one IPC listener serves them all. */
const handlers = new Map<string, Set<Handler>>();
/** How many subscriptions use each token, so the main process is told once per token. */
const tokenUses = new Map<string, number>();

ipcRenderer.on('pos:event', (_event, message: unknown) => {
  if (!message || typeof message !== 'object') return;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (typeof type !== 'string') return;
  for (const handler of handlers.get(type) ?? []) {
    try {
      handler(data);
    } catch {
      // Why: one failing screen handler must not stop the others from hearing the event.
    }
  }
});

const bridge: PosBridge = {
  invoke(operation, input, token) {
    // Why: like browser mode, a broken transport answers with an error outcome instead of a rejection.
    return ipcRenderer.invoke('pos:invoke', { operation, input, token }).catch(() => UNREACHABLE);
  },

  subscribe(event, token, handler) {
    // Why: a wrapper per call, so subscribing the same handler twice unsubscribes independently.
    const wrapped: Handler = (data) => (handler as Handler)(data);
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    set.add(wrapped);

    const uses = tokenUses.get(token) ?? 0;
    tokenUses.set(token, uses + 1);
    if (uses === 0) void ipcRenderer.invoke('pos:subscribe', { token }).catch(() => undefined);

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      handlers.get(event)?.delete(wrapped);
      const left = (tokenUses.get(token) ?? 1) - 1;
      if (left > 0) return void tokenUses.set(token, left);
      tokenUses.delete(token);
      void ipcRenderer.invoke('pos:unsubscribe', { token }).catch(() => undefined);
    };
  },
};

contextBridge.exposeInMainWorld('pos', bridge);
