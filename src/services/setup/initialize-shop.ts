import { countUsers, insertUser } from '../../database/queries/users.js';
import { sql } from '../../database/statements.js';
import { hashPin } from '../../hashing/pin-hash.js';
import { makeShopKey } from '../../sync/shop-key.js';
import { foldText } from '../../utils/text.js';
import { assertStrongPin } from '../pin-check.js';
import { alreadyInitialized, requireThisComputerOrCode } from './setup-code.js';
import { defineScript } from '../script.js';

export default defineScript('setup.initialize', {
  roles: 'public',
  async prepare(input, ctx) {
    if (ctx.terminal.letter || countUsers(ctx.db) > 0) throw alreadyInitialized();
    requireThisComputerOrCode(ctx.source, ctx.setupCode, input.setupCode);
    assertStrongPin(input.adminPin, 'admin', 'adminPin');
    return { pinHash: await hashPin(input.adminPin) };
  },
  run(tx, input, ctx, { pinHash }) {
    // Checked again inside the writer: two first-run screens may race.
    if (countUsers(tx) > 0 || sql(tx, 'SELECT 1 FROM shop').get()) throw alreadyInitialized();
    const shopId = ctx.newId();
    const terminalId = ctx.terminal.id;
    const adminId = ctx.newId();
    // Wraps the PIN hashes the sync sends; it stays on the shop's terminals (the join code carries it).
    makeShopKey(tx);

    const shopHlc = ctx.stamp();
    sql(tx, 'INSERT INTO shop (id, name, created_at, hlc) VALUES (?, ?, ?, ?)').run(shopId, input.shopName, ctx.now, shopHlc);
    ctx.recordChange('shop', shopId, 'insert', { id: shopId, name: input.shopName, createdAt: ctx.now }, shopHlc);

    const terminalHlc = ctx.stamp();
    sql(tx, 'INSERT INTO terminals (id, letter, created_at, hlc) VALUES (?, ?, ?, ?)').run(terminalId, input.terminalLetter, ctx.now, terminalHlc);
    ctx.recordChange('terminal', terminalId, 'insert', { id: terminalId, letter: input.terminalLetter, createdAt: ctx.now }, terminalHlc);

    const userHlc = ctx.stamp();
    insertUser(tx, { id: adminId, name: input.adminName, nameKey: foldText(input.adminName), role: 'admin', pinHash, at: ctx.now, hlc: userHlc });
    ctx.recordChange('user', adminId, 'insert', { id: adminId, name: input.adminName, role: 'admin', pinHash, active: true, createdAt: ctx.now, updatedAt: ctx.now }, userHlc);

    ctx.audit({
      action: 'setup.initialize',
      userId: adminId,
      userName: input.adminName,
      recordType: 'shop',
      recordId: shopId,
      details: { shopName: input.shopName, terminalLetter: input.terminalLetter },
    });
    ctx.configurationChanged();
    return { shopId, terminalId, adminId };
  },
});
