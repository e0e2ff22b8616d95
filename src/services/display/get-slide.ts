import { readDisplayConfig } from '../../database/queries/display.js';
import { defineScript } from '../script.js';
import { SLIDE_READER_ROLES } from './display-rules.js';
import { readSlide } from './slide-files.js';

/** One idle slide, checked by name and content (slide-files.ts), sent with the type its bytes prove. */
export default defineScript('display.slide', {
  roles: SLIDE_READER_ROLES,
  readOnly: true,
  prepare: async (input, ctx) => readSlide(readDisplayConfig(ctx.db).slidesFolder, input.name),
  run: (_tx, input, _ctx, slide) => ({ name: input.name, contentType: slide.contentType, base64: slide.bytes.toString('base64') }),
});
