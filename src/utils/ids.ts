import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Ids are UUIDv7 made on the terminal: they never collide across terminals and sort by creation time. */
export const newId = (): string => uuidv7();

/** A bearer secret: 32 random bytes, URL-safe. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** A short reference a cashier can read out over the phone ("Erro interno (ref 7K2M9Q)"). */
export const newErrorRef = (): string => randomBytes(4).readUInt32BE(0).toString(36).toUpperCase().padStart(7, '0');
