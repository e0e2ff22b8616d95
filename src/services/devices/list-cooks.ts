import { listUsers } from '../../database/queries/users.js';
import { defineScript } from '../script.js';
import { KITCHEN_STAFF_ROLES } from './device-rules.js';

/**
 * The names a kitchen device that asks for its cook's PIN shows as tiles. Only a paired device gets them
 * (a stranger on the Wi-Fi is refused before this), and only the people who may work the kitchen: no
 * roles, nobody from the counter. Names are what the counter's own login screen shows anyone there.
 */
export default defineScript('devices.cooks', {
  roles: ['kitchenLogin'],
  readOnly: true,
  run: (tx, _input, ctx) => listUsers(tx, false, ctx.now).filter((user) => KITCHEN_STAFF_ROLES.includes(user.role)).map(({ id, name }) => ({ id, name })),
});
