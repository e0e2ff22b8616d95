import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

export default defineScript('devices.network', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run(_tx, _input, ctx) {
    if (!ctx.shopNetwork) throw new BusinessError('INVALID_STATE', 'Este Balcão roda sem a rede da loja.');
    return ctx.shopNetwork.status();
  },
});
