import type { DisplayView } from '../../models/display.js';

/** What a display shows before its counter has pushed anything (and after a restart): the idle slides. */
export type DisplayContent = Omit<DisplayView, 'version' | 'shopName' | 'color'>;

export const IDLE_DISPLAY: DisplayContent = { phase: 'idle', lines: [], subtotal: 0, discount: 0, total: 0, pix: null, paid: null, updatedAt: null };

/**
 * What each terminal's customer sees now, kept in memory only: it is a mirror of the counter's screen,
 * never a fact, so nothing is written and a restart starts idle. The version grows with every push, so
 * a display that reads after an event never goes back to an older screen.
 */
export class DisplayBoard {
  private readonly byTerminal = new Map<string, { version: number; content: DisplayContent }>();
  private version = 0;

  set(terminalId: string, content: DisplayContent): number {
    this.version += 1;
    this.byTerminal.set(terminalId, { version: this.version, content });
    return this.version;
  }

  get(terminalId: string): { version: number; content: DisplayContent } {
    return this.byTerminal.get(terminalId) ?? { version: 0, content: IDLE_DISPLAY };
  }
}
