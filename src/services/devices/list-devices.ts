import { listDevices } from '../../database/queries/devices.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { devicePinLocked } from './device-pin-rules.js';

/** The paired devices, each with the last time it called (kept on disk once per session, in memory since). */
export default defineScript('devices.list', {
  roles: MANAGER_ROLES,
  readOnly: true,
  run(tx, _input, ctx) {
    const seen = ctx.sessions.devicesSeen();
    return listDevices(tx).map(({ pinFailures, pinAttemptAt, ...device }) => {
      const live = seen.get(device.id);
      const pinLocked = devicePinLocked({ failures: pinFailures, lastAt: pinAttemptAt });
      return { ...device, pinLocked, lastSeenAt: live !== undefined && live > (device.lastSeenAt ?? 0) ? live : device.lastSeenAt };
    });
  },
});
