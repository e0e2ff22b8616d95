import { forgetStalePairings, insertPairing, pairingRequestsSince, waitingPairingByCode, waitingPairings } from '../../database/queries/devices.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { sha256Hex } from '../../hashing/audit-chain.js';
import { newSecretToken } from '../../utils/ids.js';
import { defineScript } from '../script.js';
import { newPairingCode, PAIRING_CODE_TTL_MS, PAIRING_PENDING_MAX, PAIRING_REQUESTS_PER_ADDRESS, PAIRING_WINDOW_MS } from './device-rules.js';

/** Codes long expired are kept a day, so the throttle and a support look still see them. */
const STALE_AFTER_MS = 86_400_000;

/**
 * A device on the shop's network asks to be paired. It gets a short code to show and the token it will
 * use once a manager confirms the code; only the token's hash is kept, so the token crosses the network
 * once, to the device that asked, and the code alone (read over a shoulder) is worth nothing.
 */
export default defineScript('devices.requestPairing', {
  roles: 'public',
  run(tx, _input, ctx) {
    if (pairingRequestsSince(tx, ctx.source, ctx.now - PAIRING_WINDOW_MS) >= PAIRING_REQUESTS_PER_ADDRESS) {
      ctx.logger.warn('Pedidos de pareamento demais', { source: ctx.source });
      throw new BusinessError('RATE_LIMITED', 'Este aparelho pediu códigos demais. Aguarde alguns minutos e tente de novo.');
    }
    if (waitingPairings(tx, ctx.now) >= PAIRING_PENDING_MAX) {
      throw new BusinessError('RATE_LIMITED', 'Há códigos de pareamento demais esperando. Aguarde alguns minutos e tente de novo.');
    }
    forgetStalePairings(tx, ctx.now - STALE_AFTER_MS);
    let code = newPairingCode();
    while (waitingPairingByCode(tx, code, ctx.now)) code = newPairingCode();
    const token = newSecretToken();
    const requestId = ctx.newId();
    const expiresAt = ctx.now + PAIRING_CODE_TTL_MS;
    insertPairing(tx, { id: requestId, code, tokenHash: sha256Hex(token), address: ctx.source, createdAt: ctx.now, expiresAt });
    return { requestId, code, expiresAt, token, fingerprint: ctx.shopNetwork?.currentFingerprint() ?? null };
  },
});
