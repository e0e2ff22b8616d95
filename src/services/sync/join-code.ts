import { makeJoinCode } from '../../sync/join-code.js';
import { defineScript } from '../script.js';

/**
 * "Mostrar código de conexão": what another of the shop's terminals types to join it. It unlocks the
 * PINs' protection, so who looked at it is audited (the code itself never is).
 */
export default defineScript('sync.joinCode', {
  roles: ['admin'],
  run(tx, _input, ctx) {
    const code = makeJoinCode(tx);
    ctx.audit({ action: 'sync.joinCode', recordType: 'sync' });
    return { code };
  },
});
