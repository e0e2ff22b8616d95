import net from 'node:net';
import { BusinessError } from '../exceptions/business-error.js';

export const DEFAULT_PRINTER_PORT = 9100;
export const DEFAULT_PRINTER_TIMEOUT_MS = 5000;

export type PrinterFailure = 'timeout' | 'refused' | 'unreachable' | 'not-found' | 'reset' | 'failed';

/** The printer could not take the job. The message names the printer so the cashier knows which one. */
export class PrinterError extends Error {
  constructor(
    readonly reason: PrinterFailure,
    readonly address: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PrinterError';
  }
}

export interface PrinterTarget {
  host: string;
  port?: number;
}

export const formatPrinterAddress = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

const SECONDS = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });

const CUT_SHORT = 'encerrou a conexão antes de receber tudo';

const FAILURES: Record<string, [PrinterFailure, string]> = {
  ECONNREFUSED: ['refused', 'recusou a conexão'],
  EHOSTUNREACH: ['unreachable', 'está inacessível na rede'],
  ENETUNREACH: ['unreachable', 'está inacessível na rede'],
  EHOSTDOWN: ['unreachable', 'está desligada ou fora da rede'],
  ENOTFOUND: ['not-found', 'não foi encontrada (confira o endereço)'],
  EAI_AGAIN: ['not-found', 'não foi encontrada (confira o endereço)'],
  ECONNRESET: ['reset', CUT_SHORT],
  EPIPE: ['reset', CUT_SHORT],
};

const fromSocketError = (error: NodeJS.ErrnoException, address: string): PrinterError => {
  const [reason, text] = FAILURES[error.code ?? ''] ?? ['failed', `falhou (${error.code ?? error.message})`];
  return new PrinterError(reason, address, `Impressora ${address} ${text}`, { cause: error });
};

const timedOut = (address: string, timeoutMs: number): PrinterError =>
  new PrinterError('timeout', address, `Impressora ${address} não respondeu em ${SECONDS.format(timeoutMs / 1000)} s`);

/**
 * Sends a job to a raw TCP printer (JetDirect, port 9100). Resolves only when the printer closes its
 * side after our end: that is when it has read everything, not merely when the bytes left this machine.
 * The deadline covers connect, write and close, so a printer that accepts and never reads cannot hang the till.
 */
export const sendToPrinter = (
  target: PrinterTarget,
  bytes: Uint8Array,
  options: { timeoutMs?: number } = {},
): Promise<void> => {
  const port = target.port ?? DEFAULT_PRINTER_PORT;
  const address = formatPrinterAddress(target.host, port);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINTER_TIMEOUT_MS;

  return new Promise<void>((resolve, reject) => {
    const socket = net.createConnection({ host: target.host, port });
    let finished = false;
    let settled = false;
    const settle = (error?: PrinterError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(timedOut(address, timeoutMs)), timeoutMs);

    socket.once('connect', () => socket.end(bytes));
    socket.once('finish', () => (finished = true));
    socket.once('error', (error) => settle(fromSocketError(error, address)));
    socket.once('close', () =>
      settle(finished ? undefined : new PrinterError('reset', address, `Impressora ${address} ${CUT_SHORT}`)),
    );
  });
};

const HOSTNAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const validHost = (host: string): boolean => {
  if (net.isIP(host)) return true;
  // "192.168.0.500" matches the hostname pattern; an all-numeric name is meant as an IPv4 address.
  return !/^[\d.]+$/.test(host) && HOSTNAME.test(host);
};

const invalid = (message: string, field: string): BusinessError => new BusinessError('VALIDATION', message, field);

/** "192.168.0.50:9100", "impressora.local" or "[fe80::1]:9100" → { host, port }; the port defaults to 9100. */
export const parsePrinterAddress = (text: string, field = 'printerAddress'): { host: string; port: number } => {
  const value = text.trim();
  if (!value) throw invalid('Informe o endereço da impressora, por exemplo 192.168.0.50:9100.', field);
  if (net.isIPv6(value)) return { host: value, port: DEFAULT_PRINTER_PORT };
  const match = /^\[([^\]]+)\](?::(.*))?$/.exec(value) ?? /^([^:]+)(?::(.*))?$/.exec(value);
  const host = match?.[1] ?? value;
  if (!match || !validHost(host)) {
    throw invalid(`Endereço de impressora inválido: "${value}". Use o formato 192.168.0.50:9100.`, field);
  }
  const portText = match[2];
  if (portText === undefined) return { host, port: DEFAULT_PRINTER_PORT };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw invalid(`Porta da impressora inválida: "${portText}". Use um número de 1 a 65535.`, field);
  }
  return { host, port };
};
