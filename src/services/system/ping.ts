import { defineScript } from '../script.js';

export default defineScript('system.ping', {
  roles: 'public',
  readOnly: true,
  run: (_tx, _input, ctx) => ({ ok: true as const, time: ctx.now }),
});
