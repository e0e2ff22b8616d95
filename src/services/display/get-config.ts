import { readDisplayConfig } from '../../database/queries/display.js';
import { defineScript } from '../script.js';

export default defineScript('display.config', {
  roles: ['admin'],
  readOnly: true,
  run: (tx) => readDisplayConfig(tx),
});
