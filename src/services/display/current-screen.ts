import { defineScript } from '../script.js';
import { displayTerminal } from './display-rules.js';

/** The customer's display reads its counter's screen: after each `display.changed`, and to catch up after a reconnect. */
export default defineScript('display.current', {
  roles: ['customerDisplay'],
  readOnly: true,
  run(tx, _input, ctx) {
    const { version, content } = ctx.display.get(displayTerminal(tx, ctx));
    return { version, shopName: ctx.terminal.shopName ?? '', color: ctx.settings.displayColor, ...content };
  },
});
