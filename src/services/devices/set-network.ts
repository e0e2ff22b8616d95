import { writeMeta } from '../../database/queries/meta.js';
import { BusinessError } from '../../exceptions/business-error.js';
import { SHOP_NETWORK_META, type ShopNetworkSetting } from '../../ipc/shop-network.js';
import { defineScript } from '../script.js';

/**
 * The admin's switch for the shop network. The listener starts (or stops) before the transaction, so a
 * port already taken is told at once; the switch is then kept for the next start and put on record.
 */
export default defineScript('devices.setNetwork', {
  roles: ['admin'],
  async prepare(input, ctx) {
    const network = ctx.shopNetwork;
    if (!network) throw new BusinessError('INVALID_STATE', 'Este Balcão roda sem a rede da loja.');
    const interfaceName = input.interfaceName ?? null;
    if (input.enabled && !interfaceName) throw new BusinessError('VALIDATION', 'Escolha a interface de rede.', 'interfaceName');
    if (input.enabled && !network.interfaces().some((item) => item.name === interfaceName)) {
      throw new BusinessError('VALIDATION', 'Essa interface de rede não existe neste computador.', 'interfaceName');
    }
    const setting: ShopNetworkSetting = { enabled: input.enabled, interfaceName };
    return { setting, view: await network.apply(setting) };
  },
  run(tx, _input, ctx, { setting, view }) {
    writeMeta(tx, SHOP_NETWORK_META, JSON.stringify(setting));
    ctx.audit({ action: 'devices.setNetwork', details: { ...setting, url: view.url, problem: view.problem, source: ctx.source } });
    return view;
  },
});
