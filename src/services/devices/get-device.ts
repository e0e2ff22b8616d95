import { findDevice } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { DEVICE_ROLES } from './device-rules.js';

/** A paired device asks what it is, to show its screen (and only that one). */
export default defineScript('devices.me', {
  roles: DEVICE_ROLES,
  readOnly: true,
  run(tx, _input, ctx) {
    const device = ctx.session?.device ? findDevice(tx, ctx.session.device.id) : undefined;
    if (!device) throw new BusinessError('FORBIDDEN', 'Esta tela é só para aparelhos pareados.');
    return { id: device.id, kind: device.kind, label: device.label, station: device.station, shopName: ctx.terminal.shopName ?? '', cookLogin: device.cookLogin };
  },
});
