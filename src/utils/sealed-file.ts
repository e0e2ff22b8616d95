import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Seals text before it touches the disk. On the desktop it is Electron's safeStorage (the operating
 * system's key store), which the core never imports: the shell hands it the two functions.
 */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/** Browser mode and tests have no key store: the file's permissions (this user only) are what protects it. */
export const unsealed: Cipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (sealed) => sealed.toString('utf8'),
};

/** The text kept in `file`, or null when there is none. Throws when the cipher cannot open it. */
export function readSealedFile(file: string, cipher: Cipher): string | null {
  if (!existsSync(file)) return null;
  return cipher.decrypt(readFileSync(file));
}

/**
 * Written aside and renamed, so a crash never leaves half a file; the file is readable by this
 * user only and its folder is closed to others.
 */
export function writeSealedFile(file: string, cipher: Cipher, text: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, cipher.encrypt(text), { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export const removeSealedFile = (file: string): void => rmSync(file, { force: true });
