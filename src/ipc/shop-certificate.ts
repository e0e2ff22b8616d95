import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';
import type { SecretStore } from '../database/secret-store.js';

/**
 * The shop's certificates for the shop-network listener: the shop's own authority (what a tablet is told
 * to trust, made once) and the certificate of the chosen address, signed by it (made again when the
 * address changes, with nothing to trust again). Both keys stay in the terminal's secret store.
 */
export interface ShopCertificate {
  key: string;
  /** The address's certificate followed by the shop's authority, as TLS sends the chain. */
  cert: string;
  /** The shop's authority alone: what a device installs (served at SHOP_CERTIFICATE_PATH). */
  ca: string;
  /** SHA-256 of the shop's authority, "AB:CD:…", as browsers show it. */
  fingerprint: string;
}

/** Where a device on the shop network downloads the certificate to trust. */
export const SHOP_CERTIFICATE_PATH = '/balcao-loja.crt';

const AUTHORITY_SECRET = 'shop-network-ca';
const ADDRESS_SECRET = 'shop-network-certificate';
const DAY_MS = 86_400_000;
/** The authority lasts long: trusting it again is a walk to every tablet. */
const AUTHORITY_DAYS = 3650;
/** Apple devices refuse a server certificate valid for longer than 825 days. */
const ADDRESS_DAYS = 825;
/** A certificate this close to its end is made again when the listener starts. */
const RENEW_BEFORE_MS = 30 * DAY_MS;

interface KeptPair {
  key: string;
  cert: string;
}

const lasts = (cert: X509Certificate, now: number) => Date.parse(cert.validTo) - now > RENEW_BEFORE_MS;

function kept(secrets: SecretStore, name: string): (KeptPair & { x509: X509Certificate }) | null {
  const text = secrets.get(name);
  if (!text) return null;
  const pair = JSON.parse(text) as KeptPair;
  return { ...pair, x509: new X509Certificate(pair.cert) };
}

async function make(secrets: SecretStore, name: string, subject: string, days: number, now: number, extensions: selfsigned.SelfsignedOptions['extensions'], ca?: KeptPair): Promise<KeptPair & { x509: X509Certificate }> {
  const notBeforeDate = new Date(now - DAY_MS);
  const made = await selfsigned.generate([{ name: 'commonName', value: subject }, { name: 'organizationName', value: 'Balcão (rede da loja)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + days * DAY_MS),
    extensions,
    ...(ca ? { ca } : {}),
  });
  secrets.set(name, JSON.stringify({ key: made.private, cert: made.cert }));
  return { key: made.private, cert: made.cert, x509: new X509Certificate(made.cert) };
}

/** The certificates for the chosen address: the kept ones while they fit, new ones otherwise. */
export async function shopCertificate(secrets: SecretStore, address: string, localName: string, now: number = Date.now()): Promise<ShopCertificate> {
  let authority = kept(secrets, AUTHORITY_SECRET);
  if (!authority || !lasts(authority.x509, now)) {
    authority = await make(secrets, AUTHORITY_SECRET, `Balcão ${localName}`, AUTHORITY_DAYS, now, [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ]);
  }
  let leaf = kept(secrets, ADDRESS_SECRET);
  const names = leaf?.x509.subjectAltName ?? '';
  const fits = leaf && names.includes(`IP Address:${address}`) && names.includes(`DNS:${localName}`) && lasts(leaf.x509, now) && leaf.x509.checkIssued(authority.x509);
  if (!leaf || !fits) {
    leaf = await make(
      secrets,
      ADDRESS_SECRET,
      localName,
      ADDRESS_DAYS,
      now,
      [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: address }, { type: 2, value: localName }] },
      ],
      authority,
    );
  }
  return { key: leaf.key, cert: `${leaf.cert.trim()}\n${authority.cert.trim()}\n`, ca: authority.cert, fingerprint: authority.x509.fingerprint256 };
}
