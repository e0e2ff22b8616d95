import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSecretStore, SEALED_SECRETS_FILE } from '../../src/database/secret-store.js';
import { unsealed, type Cipher } from '../../src/utils/sealed-file.js';

/** Stands in for Electron's safeStorage: reversible, and nothing of the plain text left readable. */
const fakeKeyStore: Cipher = {
  encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')}`),
  decrypt: (sealed) => {
    const text = sealed.toString('utf8');
    if (!text.startsWith('sealed:')) throw new Error('not ours');
    return Buffer.from(text.slice('sealed:'.length).split('').reverse().join(''), 'base64').toString('utf8');
  },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'balcao-secrets-'));
  dirs.push(dir);
  return join(dir, 'dados');
};

describe('the secret store', () => {
  it('keeps secrets across restarts, in a file sealed by the key store, readable by this user only', () => {
    const dir = tempDir();
    const file = join(dir, SEALED_SECRETS_FILE);
    const store = fileSecretStore(file, fakeKeyStore);
    expect(store.get('webhook.x')).toBeUndefined();
    store.set('webhook.x', 'whsec_c2VncmVkby1kby13ZWJob29r');
    store.set('shop-key', 'Y2hhdmUtZGEtbG9qYQ');
    store.delete('shop-key');
    store.delete('nada');
    const again = fileSecretStore(file, fakeKeyStore);
    expect(again.get('webhook.x')).toBe('whsec_c2VncmVkby1kby13ZWJob29r');
    expect(again.get('shop-key')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('c2VncmVkby1kby13ZWJob29r');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('a file the key store cannot open (another user, a new key store) reads as empty', () => {
    const file = join(tempDir(), SEALED_SECRETS_FILE);
    fileSecretStore(file, unsealed).set('webhook.x', 'whsec_abc');
    expect(fileSecretStore(file, fakeKeyStore).get('webhook.x')).toBeUndefined();
  });
});
