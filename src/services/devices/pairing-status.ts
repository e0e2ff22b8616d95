import { findPairing } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { defineScript } from '../script.js';
import { pairingExpired } from './device-rules.js';

/** The pairing screen asks until the manager confirms its code (or the code expires and it asks for another). */
export default defineScript('devices.pairingStatus', {
  roles: 'public',
  readOnly: true,
  run(tx, input, ctx) {
    const pairing = findPairing(tx, input.requestId);
    if (!pairing) throw new BusinessError('NOT_FOUND', 'Pedido de pareamento não encontrado. Peça um código novo.', 'requestId');
    if (pairing.deviceId) return { status: 'paired' as const };
    return { status: pairingExpired(pairing.expiresAt, ctx.now) ? ('expired' as const) : ('waiting' as const) };
  },
});
