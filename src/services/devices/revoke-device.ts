import { findDevice, revokeDevice } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

/**
 * Revokes a device: its session closes after commit, so its next call is refused, and the event that
 * says so makes every live stream check its session, so the device's own stream ends at once.
 */
export default defineScript('devices.revoke', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const device = findDevice(tx, input.id);
    if (!device) throw new BusinessError('NOT_FOUND', 'Aparelho não encontrado.', 'id');
    if (device.revokedAt === null) {
      revokeDevice(tx, device.id, ctx.now);
      ctx.audit({ action: 'devices.revoke', recordType: 'device', recordId: device.id, details: { kind: device.kind, label: device.label, deviceAddress: device.address, source: ctx.source } });
      ctx.afterCommit(() => ctx.sessions.closeDevice(device.id));
      ctx.emit('devices.changed', { deviceId: device.id });
    }
    return { id: device.id };
  },
});
