import { insertDevice, markPairingUsed, waitingPairingByCode } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { MANAGER_ROLES } from '../../models/roles.js';
import { defineScript } from '../script.js';
import { isPairingCodeShape, normalizePairingCode } from './device-rules.js';

/**
 * A manager types the code the device shows and says what the device is. The device's token (already
 * in its hands, kept here as a hash) opens that screen from its next call. A customer display is bound
 * to this terminal: it shows this counter's sale.
 */
export default defineScript('devices.confirmPairing', {
  roles: MANAGER_ROLES,
  run(tx, input, ctx) {
    const code = normalizePairingCode(input.code);
    if (!isPairingCodeShape(code)) throw new BusinessError('VALIDATION', 'O código tem 6 letras e números, como aparece no aparelho.', 'code');
    if (input.station && input.kind !== 'kitchen') throw new BusinessError('VALIDATION', 'Só a tela da cozinha pode ficar com uma praça.', 'station');
    if (input.cookLogin && input.kind !== 'kitchen') throw new BusinessError('VALIDATION', 'Só a tela da cozinha pode pedir o PIN do cozinheiro.', 'cookLogin');
    const pairing = waitingPairingByCode(tx, code, ctx.now);
    if (!pairing) throw new BusinessError('NOT_FOUND', 'Código não encontrado ou expirado. Confira o código no aparelho.', 'code');
    const id = ctx.newId();
    const station = input.kind === 'kitchen' ? (input.station ?? null) : null;
    const terminalId = input.kind === 'display' ? ctx.terminal.id : null;
    const cookLogin = input.cookLogin === true;
    insertDevice(tx, { id, kind: input.kind, label: input.label, station, terminalId, tokenHash: pairing.tokenHash, address: pairing.address, pairedBy: ctx.actor!.id, pairedAt: ctx.now, cookLogin });
    markPairingUsed(tx, pairing.id, id);
    ctx.audit({ action: 'devices.pair', recordType: 'device', recordId: id, details: { kind: input.kind, label: input.label, station, cookLogin, deviceAddress: pairing.address, source: ctx.source } });
    ctx.emit('devices.changed', { deviceId: id });
    return { id, kind: input.kind, label: input.label, address: pairing.address };
  },
});
