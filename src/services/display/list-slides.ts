import { readDisplayConfig } from '../../database/queries/display.js';
import { defineScript } from '../script.js';
import { SLIDE_READER_ROLES } from './display-rules.js';
import { listSlides } from './slide-files.js';

export default defineScript('display.slides', {
  roles: SLIDE_READER_ROLES,
  readOnly: true,
  prepare: async (_input, ctx) => listSlides(readDisplayConfig(ctx.db).slidesFolder),
  run: (_tx, _input, _ctx, names) => ({ names }),
});
