import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../src/database/secret-store.js';
import { shopCertificate } from '../../src/ipc/shop-certificate.js';

const DAY = 86_400_000;
const leafOf = (chain: string) => new X509Certificate(chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25));

describe("the shop's certificates", () => {
  it('make an authority once and a certificate per address signed by it, kept in the secret store', async () => {
    const secrets = memorySecretStore();
    const now = Date.UTC(2026, 11, 2);
    const first = await shopCertificate(secrets, '192.168.0.10', 'caixa.local', now);
    const authority = new X509Certificate(first.ca);
    expect(authority.ca).toBe(true);
    expect(first.fingerprint).toBe(authority.fingerprint256);
    const leaf = leafOf(first.cert);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(authority)).toBe(true);
    expect(leaf.verify(authority.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain('IP Address:192.168.0.10');
    expect(leaf.subjectAltName).toContain('DNS:caixa.local');
    // Apple's limit for a server certificate: at most 825 days.
    expect(Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)).toBeLessThanOrEqual(825 * DAY);
    expect(JSON.parse(secrets.get('shop-network-certificate')!).key).toBe(first.key);

    // Kept as it is for the same address; another address gets its own, under the same authority.
    expect(await shopCertificate(secrets, '192.168.0.10', 'caixa.local', now + DAY)).toEqual(first);
    const moved = await shopCertificate(secrets, '10.0.0.7', 'caixa.local', now + DAY);
    expect(moved.fingerprint).toBe(first.fingerprint);
    expect(leafOf(moved.cert).subjectAltName).toContain('IP Address:10.0.0.7');
    expect(leafOf(moved.cert).checkIssued(authority)).toBe(true);

    // Near its end the address's certificate is made again; near the authority's, the authority too.
    const renewed = await shopCertificate(secrets, '10.0.0.7', 'caixa.local', now + 800 * DAY);
    expect(renewed.fingerprint).toBe(first.fingerprint);
    expect(leafOf(renewed.cert).serialNumber).not.toBe(leafOf(moved.cert).serialNumber);
    const late = await shopCertificate(secrets, '10.0.0.7', 'caixa.local', now + 3630 * DAY);
    expect(late.fingerprint).not.toBe(first.fingerprint);
    expect(leafOf(late.cert).checkIssued(new X509Certificate(late.ca))).toBe(true);
  });
});
