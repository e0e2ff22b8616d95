import { isIP } from 'node:net';

/** Loopback: always allowed, over plain HTTP too (a receiver on this same computer). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

/** The shop's own network: private IPv4 ranges, IPv6 unique-local and link-local, and .local names. */
export function isLocalNetworkHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h.endsWith('.local') || h.endsWith('.lan')) return true;
  if (isIP(h) === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (isIP(h) === 6) return /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  return false;
}

/**
 * Why a webhook URL is refused, or null. HTTPS is required; plain HTTP only for loopback, and for the
 * shop's network when the admin marked the endpoint as local. No credentials in the URL.
 */
export function webhookUrlProblem(text: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'URL inválida.';
  }
  if (url.username || url.password) return 'Não coloque usuário ou senha na URL.';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'Use uma URL https://.';
  if (isLoopbackHost(url.hostname)) return null;
  if (allowLocal && isLocalNetworkHost(url.hostname)) return null;
  return allowLocal ? 'HTTP sem TLS só para este computador ou para a rede local da loja; use https://.' : 'Use https:// (HTTP só é aceito para endereços marcados como rede local).';
}
