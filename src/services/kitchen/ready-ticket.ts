import { defineScript } from '../script.js';
import { advanceTicket } from './move-ticket.js';

export default defineScript('kitchen.ready', {
  roles: ['admin', 'manager', 'kitchen', 'kitchenScreen'],
  run: (tx, input, ctx) => advanceTicket(tx, ctx, input.ticketId, 'ready'),
});
