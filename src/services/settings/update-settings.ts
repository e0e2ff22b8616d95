import { readSettings } from '../../database/queries/settings.js';
import { sql } from '../../database/statements.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { parsePrinterAddress } from '../../printing/network-printer.js';
import { validatePixKey } from '../../utils/pix-brcode.js';
import { normalizeCnpj } from '../../utils/tax-id.js';
import { defineScript } from '../script.js';
import { writeChangedSettings, type SettingChanges } from './settings-writer.js';

export default defineScript('settings.update', {
  roles: ['admin'],
  run(tx, input, ctx) {
    if (input.pixKey && !validatePixKey(input.pixKey)) {
      throw new BusinessError('VALIDATION', 'Chave PIX inválida: use CPF, CNPJ, celular com +55, e-mail ou chave aleatória.', 'pixKey');
    }
    if (input.printerAddress) parsePrinterAddress(input.printerAddress);
    if (input.shopDocument && !normalizeCnpj(input.shopDocument)) {
      throw new BusinessError('VALIDATION', 'CNPJ inválido: confira os dígitos verificadores.', 'shopDocument');
    }
    const { shopName, ...rest } = input;
    const changed: SettingChanges = {};
    if (shopName !== undefined && shopName !== ctx.terminal.shopName) {
      if (!ctx.terminal.shopId) throw new BusinessError('NOT_INITIALIZED', 'A loja ainda não foi configurada.');
      const hlc = ctx.stamp();
      sql(tx, 'UPDATE shop SET name = ?, hlc = ? WHERE id = ?').run(shopName, hlc, ctx.terminal.shopId);
      ctx.recordChange('shop', ctx.terminal.shopId, 'update', { id: ctx.terminal.shopId, name: shopName }, hlc);
      changed.shopName = { from: ctx.terminal.shopName, to: shopName };
    }
    Object.assign(changed, writeChangedSettings(tx, ctx, rest));
    if (Object.keys(changed).length) {
      ctx.audit({ action: 'settings.update', recordType: 'settings', recordId: null, details: changed });
      ctx.configurationChanged();
    }
    return { ...readSettings(tx), shopName: shopName ?? ctx.terminal.shopName ?? '' };
  },
});
