import { defineScript } from '../script.js';

export default defineScript('setup.status', {
  roles: 'public',
  readOnly: true,
  run: (_tx, _input, ctx) =>
    ctx.terminal.letter && ctx.terminal.shopName
      ? { initialized: true, shopName: ctx.terminal.shopName, terminalLetter: ctx.terminal.letter }
      : { initialized: false },
});
