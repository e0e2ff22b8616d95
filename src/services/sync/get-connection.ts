import { defineScript } from '../script.js';
import { connectionView, requireSync } from './sync-link.js';

export default defineScript('sync.connection', {
  roles: ['admin'],
  readOnly: true,
  run: (_tx, _input, ctx) => connectionView(requireSync(ctx)),
});
