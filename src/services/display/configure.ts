import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { writeDisplayConfig } from '../../database/queries/display.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';

/**
 * The admin picks the folder of the idle slides (a folder of this computer, checked now) and whether the
 * desktop app opens the customer's display on the second monitor. Kept for this terminal only, on record.
 */
export default defineScript('display.configure', {
  roles: ['admin'],
  async prepare(input) {
    if (input.slidesFolder === null) return null;
    if (!isAbsolute(input.slidesFolder)) throw new BusinessError('VALIDATION', 'Informe o caminho completo da pasta (ex.: C:\\Imagens\\Balcao ou /home/loja/slides).', 'slidesFolder');
    const folder = resolve(input.slidesFolder);
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new BusinessError('VALIDATION', 'Pasta não encontrada neste computador.', 'slidesFolder');
    return folder;
  },
  run(tx, input, ctx, slidesFolder) {
    const config = { slidesFolder, secondWindow: input.secondWindow };
    writeDisplayConfig(tx, config);
    ctx.audit({ action: 'display.configure', recordType: 'settings', details: { ...config, source: ctx.source } });
    ctx.emit('display.configured', { secondWindow: config.secondWindow });
    return config;
  },
});
