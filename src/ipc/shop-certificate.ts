import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';
import type { SecretStore } from '../database/secret-store.js';

/** The shop's own certificate for the shop-network listener; its key stays in the terminal's secret store. */
export interface ShopCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, "AB:CD:…", as browsers show it. */
  fingerprint: string;
}

const SECRET_NAME = 'shop-network-certificate';
/** Apple devices refuse a trusted server certificate valid for longer than 825 days. */
const VALID_DAYS = 825;
/** A certificate this close to its end is made again at the next start of the listener. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

/** Whether a certificate names this address and this name and is not near its end. */
function fits(cert: X509Certificate, address: string, localName: string, now: number): boolean {
  const names = cert.subjectAltName ?? '';
  return names.includes(`IP Address:${address}`) && names.includes(`DNS:${localName}`) && Date.parse(cert.validTo) - now > RENEW_BEFORE_MS;
}

/**
 * The certificate for the chosen address: the one kept, when it still names the address, or a new one
 * made here (EC P-256, signed with SHA-256). A new one changes the fingerprint: devices trust it again.
 */
export async function shopCertificate(secrets: SecretStore, address: string, localName: string, now: number = Date.now()): Promise<ShopCertificate> {
  const kept = secrets.get(SECRET_NAME);
  if (kept) {
    const parsed = JSON.parse(kept) as { key: string; cert: string };
    const cert = new X509Certificate(parsed.cert);
    if (fits(cert, address, localName, now)) return { ...parsed, fingerprint: cert.fingerprint256 };
  }
  const notBeforeDate = new Date(now - 86_400_000);
  const made = await selfsigned.generate([{ name: 'commonName', value: localName }, { name: 'organizationName', value: 'Balcão (rede da loja)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: address }, { type: 2, value: localName }] },
    ],
  });
  secrets.set(SECRET_NAME, JSON.stringify({ key: made.private, cert: made.cert }));
  return { key: made.private, cert: made.cert, fingerprint: new X509Certificate(made.cert).fingerprint256 };
}
