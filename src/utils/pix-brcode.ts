/**
 * Static Pix "copia e cola" payloads (BR Code, EMV® QRCPS-MPM), as the Banco Central's
 * "Manual de Padrões para Iniciação do Pix" (QR Code estático) and "Manual do BR Code" lay them out.
 *
 * Pure on purpose: no Node, no packages, only TextEncoder. A reprint of a receipt must give the
 * same payload, so nothing here reads the clock or draws random numbers.
 */

import { isValidCnpj, isValidCpf } from './tax-id.js';

/** A Pix payload or key that cannot be built or read. The message is pt-BR; `field` names the input at fault. */
export class PixBrCodeError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PixBrCodeError';
  }
}

export type PixKeyType = 'cpf' | 'cnpj' | 'phone' | 'email' | 'evp';

export interface PixPayloadInput {
  /** Chave Pix as typed by the owner; validated and normalised with {@link validatePixKey}. */
  key: string;
  /** Field 59; accents stripped, cut to 25 characters. */
  merchantName: string;
  /** Field 60; accents stripped, cut to 15 characters. */
  merchantCity: string;
  /** Field 54, in centavos; absent, null or undefined leaves the amount to the payer. */
  amountCentavos?: number | null;
  /** Field 62-05; letters and digits only, at most 25. Absent means "***". */
  txid?: string | null;
  /** Field 26-02 (infoAdicional), shown to the payer; cut to what fits in field 26. */
  description?: string | null;
}

/** The Pix GUI as the Manual de Padrões writes it (§2.5); the manual notes it is case-insensitive. */
export const PIX_GUI = 'br.gov.bcb.pix';

const MAX_NAME = 25;
const MAX_CITY = 15;
const MAX_TXID = 25;
const MAX_AMOUNT_CHARS = 13;
const MAX_TLV_VALUE = 99;
const MAX_EMAIL = 77;
const NO_TXID = '***';

const utf8 = new TextEncoder();

/** CRC16/CCITT-FALSE over the UTF-8 bytes, the checksum of field 63: 4 upper-case hex digits. */
export const crc16Ccitt = (text: string): string => {
  let crc = 0xffff;
  for (const byte of utf8.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
};

/** One TLV data object: 2-digit id, 2-digit length in characters, value. */
const tlv = (id: string, value: string): string => {
  const length = [...value].length;
  if (length > MAX_TLV_VALUE) throw new PixBrCodeError(`O campo ${id} do código Pix passa de 99 caracteres.`);
  return `${id}${String(length).padStart(2, '0')}${value}`;
};

/** Plain printable ASCII: accents stripped (NFD), anything else outside it dropped, spaces collapsed. */
const toPayloadText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

/** Accent-free text cut to `max` characters, with no dangling space left by the cut. */
const fitText = (text: string, max: number): string => toPayloadText(text).slice(0, max).trimEnd();

/** Centavos as field 54 wants them: a dot and two decimals ("0.01", "1234.56"); refuses what is not a price. */
const formatAmount = (centavos: number): string => {
  if (!Number.isSafeInteger(centavos) || centavos <= 0) {
    throw new PixBrCodeError(
      `Valor do Pix inválido (amountCentavos = ${String(centavos)}): informe um número inteiro de centavos maior que zero.`,
      'amountCentavos',
    );
  }
  const text = `${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, '0')}`;
  if (text.length > MAX_AMOUNT_CHARS) {
    throw new PixBrCodeError(
      `Valor do Pix grande demais (amountCentavos = ${centavos}): o campo 54 aceita até 13 caracteres.`,
      'amountCentavos',
    );
  }
  return text;
};

/** Reference label of field 62-05: "***" when absent, else 1 to 25 letters and digits. */
const checkTxid = (txid: string | null | undefined): string => {
  if (txid === null || txid === undefined || txid === '') return NO_TXID;
  if (txid === NO_TXID) return NO_TXID;
  if (!/^[A-Za-z0-9]{1,25}$/.test(txid)) {
    throw new PixBrCodeError(
      `Identificador da transação inválido (txid = "${txid}"): use só letras e dígitos, até ${MAX_TXID} caracteres.`,
      'txid',
    );
  }
  return txid;
};

/** Builds the static "copia e cola" payload, CRC included, field by field in the manual's order. */
export const buildPixPayload = (input: PixPayloadInput): string => {
  const key = validatePixKey(input.key);
  if (key === null) {
    throw new PixBrCodeError('Chave Pix inválida: confira CPF, CNPJ, telefone, e-mail ou chave aleatória.', 'key');
  }

  const name = fitText(input.merchantName, MAX_NAME);
  if (name === '') throw new PixBrCodeError('Informe o nome do recebedor do Pix (merchantName).', 'merchantName');
  const city = fitText(input.merchantCity, MAX_CITY);
  if (city === '') throw new PixBrCodeError('Informe a cidade do recebedor do Pix (merchantCity).', 'merchantCity');

  const guiAndKey = tlv('00', PIX_GUI) + tlv('01', key.normalized);
  // Field 26 holds at most 99 characters; the description gets what the key leaves (minus its own id and length).
  const room = MAX_TLV_VALUE - guiAndKey.length - 4;
  const description = room > 0 ? fitText(input.description ?? '', room) : '';
  const merchantAccount = guiAndKey + (description === '' ? '' : tlv('02', description));

  const amount =
    input.amountCentavos === null || input.amountCentavos === undefined ? null : formatAmount(input.amountCentavos);

  const body =
    tlv('00', '01') +
    tlv('26', merchantAccount) +
    tlv('52', '0000') +
    tlv('53', '986') +
    (amount === null ? '' : tlv('54', amount)) +
    tlv('58', 'BR') +
    tlv('59', name) +
    tlv('60', city) +
    tlv('62', tlv('05', checkTxid(input.txid))) +
    '6304';
  return body + crc16Ccitt(body);
};

/** Brazilian number after the +55: DDD 11–99 without zeros, then 8 digits (landline) or 9 starting with 9 (mobile). */
const isBrazilianPhone = (national: string): boolean => /^[1-9]{2}(?:9\d{8}|[2-8]\d{7})$/.test(national);

const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Tells which kind of chave Pix was typed and writes it as the DICT stores it; null when it is none. */
export const validatePixKey = (key: string): { type: PixKeyType; normalized: string } | null => {
  const text = key.trim();
  if (text === '') return null;

  if (text.includes('@')) {
    const email = text.toLowerCase();
    return email.length <= MAX_EMAIL && EMAIL.test(email) ? { type: 'email', normalized: email } : null;
  }
  // EVP: the UUID shape, any version (the manual's own example key is not a v4).
  if (EVP.test(text)) return { type: 'evp', normalized: text.toLowerCase() };

  // Phone: with +55, or in the usual "(11) 91234-5678" shape; a bare run of digits is never a phone.
  const international = /^\+55[\s.-]*(?:\(\d{2}\)|\d{2})[\s.-]*\d{4,5}[\s.-]?\d{4}$/.test(text);
  const national = /^\(\d{2}\)\s*\d{4,5}[\s.-]?\d{4}$/.test(text);
  if (international || national) {
    const digits = text.replace(/\D/g, '');
    const nationalNumber = international ? digits.slice(2) : digits;
    return isBrazilianPhone(nationalNumber) ? { type: 'phone', normalized: `+55${nationalNumber}` } : null;
  }

  if (/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return isValidCpf(digits) ? { type: 'cpf', normalized: digits } : null;
  }
  if (/^[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}$/i.test(text)) {
    const cnpj = text.replace(/[./-]/g, '').toUpperCase();
    return isValidCnpj(cnpj) ? { type: 'cnpj', normalized: cnpj } : null;
  }
  return null;
};

/** Deterministic txid for an order ("A-042", "2026-11-29" → "BALCAOA04220261129"), so a reprint repeats the payload. */
export const txidFromOrderNumber = (orderNumber: string, businessDay: string): string => {
  const day = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(businessDay);
  if (day === null) {
    throw new PixBrCodeError(`Dia de movimento inválido ("${businessDay}"): use o formato AAAA-MM-DD.`, 'businessDay');
  }
  const order = orderNumber
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  if (order === '') {
    throw new PixBrCodeError(`Número do pedido sem letras nem dígitos ("${orderNumber}").`, 'orderNumber');
  }
  const prefix = 'BALCAO';
  const date = `${day[1]}${day[2]}${day[3]}`;
  // 25 at most: the prefix and the day stay whole, a long order number keeps its last characters (the counter).
  const room = MAX_TXID - prefix.length - date.length;
  return `${prefix}${order.slice(-room)}${date}`;
};

/** Reads a run of TLV data objects into id → value; throws (pt-BR) on a malformed or repeated id. */
export const parsePixTemplate = (text: string): Map<string, string> => {
  const chars = [...text];
  const fields = new Map<string, string>();
  let at = 0;
  while (at < chars.length) {
    const id = chars.slice(at, at + 2).join('');
    const lengthText = chars.slice(at + 2, at + 4).join('');
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lengthText)) {
      throw new PixBrCodeError(`Código Pix malformado: esperado id e tamanho numéricos na posição ${at}.`);
    }
    const length = Number(lengthText);
    if (at + 4 + length > chars.length) {
      throw new PixBrCodeError(
        `Código Pix malformado: o campo ${id} diz ter ${length} caracteres, mas o texto acaba antes.`,
      );
    }
    if (fields.has(id)) throw new PixBrCodeError(`Código Pix malformado: o campo ${id} aparece duas vezes.`);
    fields.set(id, chars.slice(at + 4, at + 4 + length).join(''));
    at += 4 + length;
  }
  return fields;
};

/** Parses a BR Code's top level after checking its CRC (field 63, last); nested 26/62 go through parsePixTemplate. */
export const parsePixPayload = (payload: string): Map<string, string> => {
  const text = payload.trim();
  const crcAt = text.length - 8;
  if (crcAt < 0 || text.slice(crcAt, crcAt + 4) !== '6304' || !/^[0-9A-Fa-f]{4}$/.test(text.slice(-4))) {
    throw new PixBrCodeError('Código Pix inválido: não termina com o CRC (campo 63).');
  }
  const expected = crc16Ccitt(text.slice(0, -4));
  const found = text.slice(-4).toUpperCase();
  if (found !== expected) {
    throw new PixBrCodeError(`Código Pix inválido: o CRC não confere (calculado ${expected}, no código ${found}).`);
  }
  const fields = parsePixTemplate(text);
  const ids = [...fields.keys()];
  if (ids[0] !== '00' || fields.get('00') !== '01') {
    throw new PixBrCodeError('Código Pix inválido: o primeiro campo deve ser 00 com o valor "01".');
  }
  if (ids[ids.length - 1] !== '63') {
    throw new PixBrCodeError('Código Pix malformado: o CRC (campo 63) deve ser o último campo.');
  }
  return fields;
};
