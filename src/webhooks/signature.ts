import { createHmac, randomBytes } from 'node:crypto';

/** A new endpoint secret: "whsec_" and 32 random bytes in base64, as Standard Webhooks specifies. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const keyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ''), 'base64');

/** "v1,<base64 HMAC-SHA256 of id.timestamp.body>" — one per secret, space-separated during a rotation. */
export function signWebhook(secrets: string[], id: string, timestampSeconds: number, body: string): string {
  return secrets
    .map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`)
    .join(' ');
}
