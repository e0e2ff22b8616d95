import { BusinessError } from '../../exceptions/business-error.js';
import { isThisComputer } from '../request-source.js';

/** Recovery needs no login, so only this computer may reach it, as the first setup: another device is refused. */
export function requireThisComputer(source: string): void {
  if (!isThisComputer(source)) throw new BusinessError('FORBIDDEN', 'A recuperação do banco só pode ser feita no próprio computador do caixa.');
}
