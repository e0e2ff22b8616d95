import { api } from '../api';

/** The restore's steps as the RESTARTING error names them (src/services/script.ts, RestoreStep). */
export type ReopenStep = 'waiting' | 'stopping' | 'copying' | 'swapping' | 'reopening';

/**
 * After a restore was accepted: asks the core until it answers again (RESTARTING meanwhile, with the
 * step it is at), then starts the screens over on the login. The old session ended with the old database.
 */
export async function waitForReopen(onStep: (step: ReopenStep) => void): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const outcome = await api.call('setup.status', {});
    // Open again, whole or (the restored file could not be opened) in recovery mode: the reload shows which.
    if (outcome.ok || outcome.error.code === 'DATABASE_DAMAGED') break;
    const step = outcome.error.details?.step;
    if (outcome.error.code === 'RESTARTING' && typeof step === 'string') onStep(step as ReopenStep);
  }
  api.setToken(null);
  window.location.reload();
}
