import { findDevice, writeDevicePinAttempts } from '../../database/queries/devices.js';
import { BusinessError, reject, Rejection } from '../../exceptions/business-error.js';
import { newSecretToken } from '../../utils/ids.js';
import { comparePin, settlePinCheck, throttledError } from '../pin-check.js';
import { defineScript, type PrepareContext } from '../script.js';
import { COOK_IDLE_MINUTES } from '../session-policy.js';
import { DEVICE_PIN_LOCK_AFTER, devicePinLocked, devicePinTriesLeft } from './device-pin-rules.js';
import { KITCHEN_STAFF_ROLES } from './device-rules.js';

const LOCKED_MESSAGE = 'Este tablet foi bloqueado por PIN errado demais. Um gerente desbloqueia em Configurações › Dispositivos.';

/** The device the call came from (its role already says it is a kitchen device waiting for its cook). */
function deviceOf(ctx: Pick<PrepareContext, 'db' | 'session'>) {
  const device = ctx.session?.device ? findDevice(ctx.db, ctx.session.device.id) : undefined;
  if (!device || device.revokedAt !== null) throw new BusinessError('FORBIDDEN', 'Esta tela é só para aparelhos pareados.');
  return device;
}

/**
 * A cook signs in on a kitchen device that asks for one, with the device's token and their own PIN. The
 * device's tries are counted before anything is compared (slowed, then locked past the limit), and so
 * are its address's; neither ever locks the person out at the counter. The session opened is the cook's,
 * on a new token, and still opens the kitchen's screen only.
 */
export default defineScript('devices.cookLogin', {
  roles: ['kitchenLogin'],
  async prepare(input, ctx) {
    const device = deviceOf(ctx);
    const verdict = ctx.devicePins.admit(device.id, { failures: device.pinFailures, lastAt: device.pinAttemptAt }, ctx.now, ctx.source);
    if (!verdict.allowed) throw verdict.locked ? new BusinessError('AUTH_LOCKED', LOCKED_MESSAGE, 'pin') : throttledError(verdict.waitMs);
    const check = await comparePin(ctx, input.name, input.pin, KITCHEN_STAFF_ROLES);
    if (check.matches) ctx.devicePins.succeeded(device.id);
    return check;
  },
  run(tx, _input, ctx, check) {
    const device = deviceOf({ db: tx, session: ctx.session });
    const where = { deviceId: device.id, deviceLabel: device.label };
    const user = settlePinCheck(tx, ctx, check, 'devices.cookLogin', where);
    const attempts = ctx.devicePins.current(device.id) ?? { failures: device.pinFailures, lastAt: device.pinAttemptAt };
    writeDevicePinAttempts(tx, device.id, attempts);
    if (user instanceof Rejection) {
      if (!devicePinLocked(attempts)) return user;
      if (!devicePinLocked({ failures: device.pinFailures, lastAt: null })) {
        ctx.audit({ action: 'devices.pinLock', recordType: 'device', recordId: device.id, details: { label: device.label, failures: DEVICE_PIN_LOCK_AFTER, source: ctx.source } });
        ctx.emit('devices.changed', { deviceId: device.id });
      }
      return reject('AUTH_LOCKED', LOCKED_MESSAGE, 'pin');
    }
    ctx.audit({ action: 'devices.cookLogin', userId: user.id, userName: user.name, recordType: 'user', recordId: user.id, details: { ...where, source: ctx.source, triesLeft: devicePinTriesLeft(attempts) } });
    const token = newSecretToken();
    const sessionDevice = ctx.session!.device!;
    ctx.afterCommit(() => ctx.sessions.openCook(user.id, sessionDevice, token));
    return { token, cook: { id: user.id, name: user.name }, idleMinutes: COOK_IDLE_MINUTES };
  },
});
