import type { Db } from '../database/connection.js';
import { secretsOf, type SecretStore } from '../database/secret-store.js';

/**
 * An endpoint's signing secrets live in the terminal's secret store, never in the database: the
 * current one, and during a rotation the previous one (how long it still signs is in the database).
 */
const currentName = (endpointId: string) => `webhook.${endpointId}`;
const previousName = (endpointId: string) => `webhook.${endpointId}.previous`;

export interface EndpointSecrets {
  current: string | undefined;
  previous: string | undefined;
}

export function keepEndpointSecrets(store: SecretStore, endpointId: string, current: string, previous: string | null): void {
  store.set(currentName(endpointId), current);
  if (previous) store.set(previousName(endpointId), previous);
  else store.delete(previousName(endpointId));
}

export const endpointSecrets = (db: Db, endpointId: string): EndpointSecrets => {
  const store = secretsOf(db);
  return { current: store.get(currentName(endpointId)), previous: store.get(previousName(endpointId)) };
};

/** The new secret signs from now on; the one it replaces keeps signing alongside it during the grace period. */
export function rotateEndpointSecret(db: Db, endpointId: string, secret: string): void {
  keepEndpointSecrets(secretsOf(db), endpointId, secret, endpointSecrets(db, endpointId).current ?? null);
}
