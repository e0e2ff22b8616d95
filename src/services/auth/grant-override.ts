import { insertOverride } from '../../database/queries/overrides.js';
import { BusinessError, reject, Rejection } from '../../exceptions/business-error.js';
import { sha256Hex } from '../../hashing/audit-chain.js';
import { operations } from '../../models/contract.js';
import { ALL_ROLES } from '../../models/roles.js';
import { newSecretToken } from '../../utils/ids.js';
import { comparePin, settlePinCheck } from '../pin-check.js';
import { defineScript } from '../script.js';
import { canApproveOverride } from '../user-policy.js';

export default defineScript('auth.override', {
  roles: ALL_ROLES,
  prepare(input, ctx) {
    if (!(input.operation in operations)) {
      throw new BusinessError('VALIDATION', `Operação desconhecida: ${input.operation}.`, 'operation');
    }
    return comparePin(ctx, input.name, input.pin);
  },
  run(tx, input, ctx, check) {
    const approver = settlePinCheck(tx, ctx, check, 'auth.override');
    if (approver instanceof Rejection) return approver;
    if (!canApproveOverride(approver.role)) {
      ctx.audit({
        action: 'auth.override',
        result: 'denied',
        approverId: approver.id,
        approverName: approver.name,
        recordType: input.operation,
        recordId: input.recordId,
        details: { reason: 'approver_role', approverRole: approver.role },
      });
      return reject('FORBIDDEN', 'Só um gerente ou administrador pode autorizar.', 'name');
    }
    const token = newSecretToken();
    const expiresAt = ctx.now + ctx.settings.overrideTtlSeconds * 1000;
    insertOverride(tx, sha256Hex(token), {
      id: ctx.newId(),
      operation: input.operation,
      recordId: input.recordId,
      approverId: approver.id,
      requestedBy: ctx.actor!.id,
      createdAt: ctx.now,
      expiresAt,
    });
    ctx.audit({
      action: 'auth.override',
      approverId: approver.id,
      approverName: approver.name,
      recordType: input.operation,
      recordId: input.recordId,
      details: { expiresAt },
    });
    return { overrideToken: token, expiresAt, approver: { id: approver.id, name: approver.name, role: approver.role } };
  },
});
