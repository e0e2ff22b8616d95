import { findDevice, writeDevicePinAttempts } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';

/**
 * A manager unlocks a device that too many wrong PINs locked: it gets all its tries back, and so does the
 * address it last tried from (the device's own, as far as anyone knows). Only a manager
 * can do this (or pair the device again, which gives it a new token): the device itself, or another
 * address, never refills them.
 */
export default defineScript('devices.unlock', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const device = findDevice(tx, input.id);
    if (!device || device.revokedAt !== null) throw new BusinessError('NOT_FOUND', 'Aparelho não encontrado.', 'id');
    if (device.pinFailures > 0) {
      writeDevicePinAttempts(tx, device.id, { failures: 0, lastAt: null });
      ctx.audit({ action: 'devices.unlock', recordType: 'device', recordId: device.id, details: { label: device.label, failures: device.pinFailures, source: ctx.source } });
      ctx.afterCommit(() => {
        const address = ctx.devicePins.forget(device.id);
        if (address) ctx.pinThrottle.forget(address);
      });
      ctx.emit('devices.changed', { deviceId: device.id });
    }
    return { id: device.id };
  },
});
