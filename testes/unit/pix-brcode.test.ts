import { describe, expect, it } from 'vitest';
import {
  buildPixPayload,
  crc16Ccitt,
  parsePixPayload,
  parsePixTemplate,
  PixBrCodeError,
  txidFromOrderNumber,
  validatePixKey,
} from '../../src/utils/pix-brcode.js';

/*
 * Official examples from the Banco Central do Brasil, "Manual de Padrões para Iniciação do Pix",
 * versão 2.10.0 (part of the Regulamento do Pix; https://www.bcb.gov.br/estabilidadefinanceira/pix,
 * file II_ManualdePadroesparaIniciacaodoPix.pdf). Copied from the manual's tables and spaced
 * breakdowns (the PDF's one-line rendering loses a hyphen of the key in §2.6.3 when extracted;
 * the table gives the key as 36 characters with its hyphens, and so does the 26/58 length).
 */
const EVP = '123e4567-e12b-12d1-a456-426655440000';
// §2.6.3 "Exemplo de QR Code estático": random key, no amount, no txid ("***"), no infoAdicional.
const MANUAL_2_6_3_STATIC =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
// §2.7.2 "Exemplo de QR Code Dinâmico": 01=12 and a location in 26-25 instead of a key.
const MANUAL_2_7_2_DYNAMIC =
  '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***630464E4';
// §2.8.5.1 "QR Codes composto apenas com parâmetros de recorrência".
const MANUAL_2_8_5_1_RECURRENCE_ONLY =
  '00020126180014br.gov.bcb.pix5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac1200026304F2DA';
// §2.8.5.2 "QR Code composto com dados estáticos e parâmetros de recorrência": the §2.6.3 static
// data with Valor R$ 100,50, plus the recurrence location in field 80.
const MANUAL_2_8_5_2_STATIC_WITH_AMOUNT_AND_RECURRENCE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865406100.505802BR5913Fulano de Tal6008BRASILIA62070503***80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac12000263042875';
// §2.8.5.3 "QR Code composto com dados dinâmicos ... e parâmetros de recorrência".
const MANUAL_2_8_5_3_DYNAMIC_WITH_RECURRENCE =
  '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80740014br.gov.bcb.pix2552pix.example.com/rec/2353c790eefb11eaadc10242ac1200026304FB42';
// Multi-arrangement example (card id 04, Pix in 26 with the GUI in upper case, another arrangement
// in 27 and 80, postal code, amount 123.45, txid "RP12345678-2019") attributed to the Banco Central's
// "Manual do BR Code" and quoted verbatim by public BR Code parsers (e.g. the Rust `brcode` crate's
// tests and the Dart `dartbrcode` README). Only the parser is asked to read it.
const BR_CODE_MANUAL_MULTI_ARRANGEMENT =
  '00020104141234567890123426580014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-42665544000027300012BR.COM.OUTRO011001234567895204000053039865406123.455802BR5917NOME DO RECEBEDOR6008BRASILIA61087007490062190515RP12345678-201980390012BR.COM.OUTRO01190123.ABCD.3456.WXYZ6304AD38';

const OFFICIAL_PAYLOADS = [
  MANUAL_2_6_3_STATIC,
  MANUAL_2_7_2_DYNAMIC,
  MANUAL_2_8_5_1_RECURRENCE_ONLY,
  MANUAL_2_8_5_2_STATIC_WITH_AMOUNT_AND_RECURRENCE,
  MANUAL_2_8_5_3_DYNAMIC_WITH_RECURRENCE,
  BR_CODE_MANUAL_MULTI_ARRANGEMENT,
];

const SHOP = { key: EVP, merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' };

/** Every TLV of a template must say exactly how long its value is. */
const expectConsistentLengths = (text: string): void => {
  let at = 0;
  while (at < text.length) {
    const length = Number(text.slice(at + 2, at + 4));
    expect(length).toBeLessThanOrEqual(99);
    at += 4 + length;
  }
  expect(at).toBe(text.length);
};

const catchError = (run: () => unknown): PixBrCodeError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PixBrCodeError);
    return error as PixBrCodeError;
  }
  throw new Error('era esperado um erro');
};

describe('crc16Ccitt', () => {
  it('gives the CRC-16/CCITT-FALSE check value', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });

  it('always answers 4 upper-case hex digits', () => {
    for (const text of ['', 'a', '6304', 'São Paulo']) expect(crc16Ccitt(text)).toMatch(/^[0-9A-F]{4}$/);
  });

  it('runs over the UTF-8 bytes, not the UTF-16 code units', () => {
    // Bit-by-bit reference over explicit bytes: "ã" (U+00E3) is C3 A3 in UTF-8, "São" is 53 C3 A3 6F.
    const overBytes = (bytes: number[]): string => {
      let crc = 0xffff;
      for (const byte of bytes) {
        for (let bit = 7; bit >= 0; bit--) {
          const top = ((crc >> 15) & 1) ^ ((byte >> bit) & 1);
          crc = ((crc << 1) & 0xffff) ^ (top ? 0x1021 : 0);
        }
      }
      return crc.toString(16).toUpperCase().padStart(4, '0');
    };
    expect(crc16Ccitt('ã')).toBe(overBytes([0xc3, 0xa3]));
    expect(crc16Ccitt('São')).toBe(overBytes([0x53, 0xc3, 0xa3, 0x6f]));
    expect(crc16Ccitt('ã')).not.toBe(overBytes([0xe3]));
  });

  it.each(OFFICIAL_PAYLOADS)('matches the CRC printed in the official example %#', (payload) => {
    expect(crc16Ccitt(payload.slice(0, -4))).toBe(payload.slice(-4));
  });
});

describe('official examples of the Banco Central', () => {
  it('reproduces the static example of §2.6.3 byte for byte, CRC 1D3D included', () => {
    expect(buildPixPayload(SHOP)).toBe(MANUAL_2_6_3_STATIC);
    expect(buildPixPayload({ ...SHOP, amountCentavos: null, txid: null, description: null })).toBe(MANUAL_2_6_3_STATIC);
    expect(buildPixPayload({ ...SHOP, txid: '***', description: '' })).toBe(MANUAL_2_6_3_STATIC);
  });

  it('writes the static part of §2.8.5.2 (R$ 100,50) exactly as the manual does, up to its recurrence field 80', () => {
    // The builder makes plain static codes, so it stops where the manual adds field 80 (Pix Automático)
    // and closes with its own CRC; everything before that must be the manual's bytes.
    const built = buildPixPayload({ ...SHOP, amountCentavos: 10050 });
    const official = MANUAL_2_8_5_2_STATIC_WITH_AMOUNT_AND_RECURRENCE;
    const staticPart = official.slice(0, official.indexOf('8074'));
    expect(built.slice(0, -8)).toBe(staticPart);
    expect(built.slice(-8, -4)).toBe('6304');
    expect(built.slice(-4)).toBe(crc16Ccitt(built.slice(0, -4)));
  });

  it('reads the static example of §2.6.3', () => {
    const fields = parsePixPayload(MANUAL_2_6_3_STATIC);
    expect([...fields.keys()]).toEqual(['00', '26', '52', '53', '58', '59', '60', '62', '63']);
    expect(fields.has('01')).toBe(false);
    expect(Object.fromEntries(parsePixTemplate(fields.get('26') ?? ''))).toEqual({ '00': 'br.gov.bcb.pix', '01': EVP });
    expect(Object.fromEntries(parsePixTemplate(fields.get('62') ?? ''))).toEqual({ '05': '***' });
    expect(fields.get('59')).toBe('Fulano de Tal');
    expect(fields.get('60')).toBe('BRASILIA');
    expect(fields.get('63')).toBe('1D3D');
  });

  it('reads the dynamic example of §2.7.2 and the composite examples of §2.8.5', () => {
    const dynamic = parsePixPayload(MANUAL_2_7_2_DYNAMIC);
    expect(dynamic.get('01')).toBe('12');
    expect(parsePixTemplate(dynamic.get('26') ?? '').get('25')).toBe('pix.example.com/8b3da2f39a4140d1a91abd93113bd441');

    const recurrenceOnly = parsePixPayload(MANUAL_2_8_5_1_RECURRENCE_ONLY);
    expect(Object.fromEntries(parsePixTemplate(recurrenceOnly.get('26') ?? ''))).toEqual({ '00': 'br.gov.bcb.pix' });

    const withAmount = parsePixPayload(MANUAL_2_8_5_2_STATIC_WITH_AMOUNT_AND_RECURRENCE);
    expect(withAmount.get('54')).toBe('100.50');
    expect(parsePixTemplate(withAmount.get('26') ?? '').get('01')).toBe(EVP);
    expect(parsePixTemplate(withAmount.get('80') ?? '').get('25')).toBe('pix.example.com/rec/2353c790eefb11eaadc10242ac120002');

    expect(parsePixPayload(MANUAL_2_8_5_3_DYNAMIC_WITH_RECURRENCE).get('63')).toBe('FB42');
  });

  it('reads the multi-arrangement example attributed to the Manual do BR Code (GUI in upper case)', () => {
    const fields = parsePixPayload(BR_CODE_MANUAL_MULTI_ARRANGEMENT);
    expect(fields.get('04')).toBe('12345678901234');
    expect(Object.fromEntries(parsePixTemplate(fields.get('26') ?? ''))).toEqual({ '00': 'BR.GOV.BCB.PIX', '01': EVP });
    expect(fields.get('54')).toBe('123.45');
    expect(fields.get('61')).toBe('70074900');
    expect(parsePixTemplate(fields.get('62') ?? '').get('05')).toBe('RP12345678-2019');
  });
});

describe('buildPixPayload', () => {
  it('round-trips through the parser with amount, txid and description', () => {
    const payload = buildPixPayload({
      key: '(11) 91234-5678',
      merchantName: 'Lanchonete do Zé',
      merchantCity: 'São Paulo',
      amountCentavos: 1850,
      txid: 'BALCAOA04220261129',
      description: 'Pedido A-042',
    });
    const fields = parsePixPayload(payload);
    expect([...fields.keys()]).toEqual(['00', '26', '52', '53', '54', '58', '59', '60', '62', '63']);
    expect(Object.fromEntries(parsePixTemplate(fields.get('26') ?? ''))).toEqual({
      '00': 'br.gov.bcb.pix',
      '01': '+5511912345678',
      '02': 'Pedido A-042',
    });
    expect(fields.get('52')).toBe('0000');
    expect(fields.get('53')).toBe('986');
    expect(fields.get('54')).toBe('18.50');
    expect(fields.get('58')).toBe('BR');
    expect(fields.get('59')).toBe('Lanchonete do Ze');
    expect(fields.get('60')).toBe('Sao Paulo');
    expect(Object.fromEntries(parsePixTemplate(fields.get('62') ?? ''))).toEqual({ '05': 'BALCAOA04220261129' });
    expect(payload.endsWith(`6304${fields.get('63')}`)).toBe(true);
  });

  it('writes every length as the 2-digit count of characters of its value', () => {
    const payload = buildPixPayload({
      key: 'contato@lanchonetedoze.com.br',
      merchantName: 'Lanchonete São João da Esquina Ltda',
      merchantCity: 'São José dos Campos',
      amountCentavos: 123456,
      txid: 'ABC123',
      description: 'Pedido 17',
    });
    expectConsistentLengths(payload);
    const fields = parsePixPayload(payload);
    expectConsistentLengths(fields.get('26') ?? '');
    expectConsistentLengths(fields.get('62') ?? '');
    expect(payload).toContain('0014br.gov.bcb.pix0129contato@lanchonetedoze.com.br0209Pedido 17');
    expect(payload).toContain('54071234.56');
    expect(payload).toContain('62100506ABC123');
    expect(payload).toMatch(/^[\x20-\x7E]+$/);
  });

  it.each([
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [10050, '100.50'],
    [123456, '1234.56'],
    [999_999_999_999, '9999999999.99'],
  ])('writes %i centavos as "%s"', (centavos, text) => {
    expect(parsePixPayload(buildPixPayload({ ...SHOP, amountCentavos: centavos })).get('54')).toBe(text);
  });

  it.each([0, -1, -150, 1.5, 0.01, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_000_000])(
    'refuses %s centavos with a pt-BR error naming amountCentavos',
    (centavos) => {
      const error = catchError(() => buildPixPayload({ ...SHOP, amountCentavos: centavos }));
      expect(error.message).toMatch(/Valor do Pix/);
      expect(error.message).toMatch(/amountCentavos/);
      expect(error.field).toBe('amountCentavos');
    },
  );

  it('strips accents, keeps the case and cuts the name to 25 and the city to 15 characters', () => {
    const fields = parsePixPayload(
      buildPixPayload({ ...SHOP, merchantName: 'Lanchonete São João da Esquina Ltda', merchantCity: 'São José dos Campos' }),
    );
    expect(fields.get('59')).toBe('Lanchonete Sao Joao da Es');
    expect(fields.get('60')).toBe('Sao Jose dos Ca');

    const other = parsePixPayload(
      buildPixPayload({ ...SHOP, merchantName: '  Pastelaria 🥟 da Vó  Açaí ', merchantCity: 'Fortaleza — CE' }),
    );
    expect(other.get('59')).toBe('Pastelaria da Vo Acai');
    expect(other.get('60')).toBe('Fortaleza CE');
  });

  it('leaves no trailing space where the cut falls after a word', () => {
    const fields = parsePixPayload(buildPixPayload({ ...SHOP, merchantName: 'Bar e Lanches do Tonhão X Tudo', merchantCity: 'Rio de Janeiro RJ' }));
    expect(fields.get('59')).toBe('Bar e Lanches do Tonhao X');
    expect(fields.get('60')).toBe('Rio de Janeiro');
  });

  it('refuses a name or a city with nothing left after cleaning', () => {
    expect(catchError(() => buildPixPayload({ ...SHOP, merchantName: '🥟🥟' })).field).toBe('merchantName');
    expect(catchError(() => buildPixPayload({ ...SHOP, merchantCity: '   ' })).field).toBe('merchantCity');
  });

  it('cuts the description to what the 99 characters of field 26 leave after the key', () => {
    const long = 'Pedido A-042 — 2 X-Tudo, 1 pastel de carne, 1 caldo de cana grande, 1 açaí de 500 ml';
    const evp = parsePixPayload(buildPixPayload({ ...SHOP, description: long }));
    const account = evp.get('26') ?? '';
    expect(account).toHaveLength(99);
    // 99 - 18 (GUI) - 40 (EVP key) - 4 (id and length of 02) = 37 characters; the dash is dropped.
    expect(parsePixTemplate(account).get('02')).toBe('Pedido A-042 2 X-Tudo, 1 pastel de ca');

    const email = 'x'.repeat(60) + '@example.com.br';
    const noRoom = parsePixPayload(buildPixPayload({ ...SHOP, key: email, description: long }));
    expect(parsePixTemplate(noRoom.get('26') ?? '').has('02')).toBe(false);
  });

  it('accepts a txid of letters and digits up to 25 and refuses anything else (§2.6.2)', () => {
    expect(parsePixPayload(buildPixPayload({ ...SHOP, txid: 'A'.repeat(25) })).get('62')).toBe(`0525${'A'.repeat(25)}`);
    for (const txid of ['RP12345678-2019', 'A'.repeat(26), 'pedido 42', 'pãozinho']) {
      const error = catchError(() => buildPixPayload({ ...SHOP, txid }));
      expect(error.field).toBe('txid');
      expect(error.message).toMatch(/Identificador da transação/);
    }
  });

  it('refuses an invalid key in pt-BR', () => {
    const error = catchError(() => buildPixPayload({ ...SHOP, key: '123.456.789-00' }));
    expect(error.message).toMatch(/Chave Pix inválida/);
    expect(error.field).toBe('key');
  });

  it('gives the same payload on every reprint', () => {
    const input = {
      key: '11.222.333/0001-81',
      merchantName: 'Balcão do Zé',
      merchantCity: 'Recife',
      amountCentavos: 2390,
      txid: txidFromOrderNumber('A-042', '2026-11-29'),
    };
    expect(buildPixPayload(input)).toBe(buildPixPayload({ ...input }));
  });
});

describe('validatePixKey', () => {
  it.each([
    ['123.456.789-09', 'cpf', '12345678909'],
    ['12345678909', 'cpf', '12345678909'],
    ['11.222.333/0001-81', 'cnpj', '11222333000181'],
    ['11222333000181', 'cnpj', '11222333000181'],
    // The two CNPJ of the manual's §2.5.1 table, the second one alphanumeric.
    ['00038166000105', 'cnpj', '00038166000105'],
    ['12ABC34501DE35', 'cnpj', '12ABC34501DE35'],
    ['12.abc.345/01de-35', 'cnpj', '12ABC34501DE35'],
    ['(11) 91234-5678', 'phone', '+5511912345678'],
    ['+55 (61) 91234-5678', 'phone', '+5561912345678'],
    ['+5561912345678', 'phone', '+5561912345678'],
    ['(61) 3234-5678', 'phone', '+556132345678'],
    ['Fulano_Da_Silva.Recebedor@Example.com', 'email', 'fulano_da_silva.recebedor@example.com'],
    [EVP, 'evp', EVP],
    ['123E4567-E12B-12D1-A456-426655440000', 'evp', EVP],
    ['  123.456.789-09  ', 'cpf', '12345678909'],
  ])('reads %s as %s %s', (key, type, normalized) => {
    expect(validatePixKey(key)).toEqual({ type, normalized });
  });

  it.each([
    '',
    '   ',
    'chave',
    '123.456.789-00',
    '111.111.111-11',
    '11.222.333/0001-82',
    '00000000000000',
    '12ABC34501DE36',
    // A bare 11-digit run is a CPF or nothing: phones need +55 or the "(11) ..." shape.
    '11912345678',
    '5511912345678',
    '+1 555 123 4567',
    '+55 (11) 81234-5678',
    '(01) 91234-5678',
    '(11) 1234-5678',
    'fulano@',
    'fulano@example',
    'fulano da silva@example.com',
    `${'x'.repeat(66)}@example.com`,
    '123e4567-e12b-12d1-a456-42665544000',
    '123e4567e12b12d1a456426655440000',
  ])('refuses %s', (key) => {
    expect(validatePixKey(key)).toBeNull();
  });

  it('accepts an e-mail of exactly 77 characters', () => {
    const email = `${'x'.repeat(65)}@example.com`;
    expect(email).toHaveLength(77);
    expect(validatePixKey(email)?.type).toBe('email');
  });
});

describe('txidFromOrderNumber', () => {
  it('joins the order number and the business day as letters and digits', () => {
    expect(txidFromOrderNumber('A-042', '2026-11-29')).toBe('BALCAOA04220261129');
    expect(txidFromOrderNumber('a-042', '2026-11-29')).toBe('BALCAOA04220261129');
    expect(txidFromOrderNumber('Balcão 7', '2026-01-05')).toBe('BALCAOBALCAO720260105');
  });

  it('stays within 25 letters and digits, keeping the end of a long order number', () => {
    const txid = txidFromOrderNumber('DELIVERY-IFOOD-000123456', '2026-11-29');
    expect(txid).toMatch(/^[A-Z0-9]{1,25}$/);
    expect(txid).toHaveLength(25);
    expect(txid).toBe('BALCAOOD00012345620261129');
  });

  it('is deterministic and accepted by the builder', () => {
    const txid = txidFromOrderNumber('B-117', '2026-11-30');
    expect(txidFromOrderNumber('B-117', '2026-11-30')).toBe(txid);
    expect(parsePixTemplate(parsePixPayload(buildPixPayload({ ...SHOP, txid })).get('62') ?? '').get('05')).toBe(txid);
  });

  it('refuses a malformed business day or an order number without letters or digits', () => {
    expect(catchError(() => txidFromOrderNumber('A-042', '29/11/2026')).field).toBe('businessDay');
    expect(catchError(() => txidFromOrderNumber('A-042', '2026-13-01')).message).toMatch(/AAAA-MM-DD/);
    expect(catchError(() => txidFromOrderNumber('--', '2026-11-29')).field).toBe('orderNumber');
  });
});

describe('parsePixPayload', () => {
  it('refuses a payload whose CRC does not match, in pt-BR', () => {
    expect(() => parsePixPayload(MANUAL_2_6_3_STATIC.replace(/1D3D$/, '1D3E'))).toThrow(/CRC não confere/);
    expect(() => parsePixPayload(MANUAL_2_6_3_STATIC.replace('Fulano', 'Beltra'))).toThrow(PixBrCodeError);
  });

  it('refuses a payload without the CRC field at the end', () => {
    expect(() => parsePixPayload(MANUAL_2_6_3_STATIC.slice(0, -8))).toThrow(/CRC/);
    expect(() => parsePixPayload('')).toThrow(/CRC/);
  });

  it('refuses a payload whose lengths do not add up, even with a valid CRC', () => {
    const body = '0002012699' + '0014br.gov.bcb.pix' + '6304';
    expect(() => parsePixPayload(body + crc16Ccitt(body))).toThrow(/malformado/);
  });

  it('accepts a lower-case CRC and surrounding whitespace from a paste', () => {
    expect(parsePixPayload(`  ${MANUAL_2_6_3_STATIC.slice(0, -4)}1d3d\n`).get('59')).toBe('Fulano de Tal');
  });

  it('parsePixTemplate refuses a repeated id', () => {
    expect(() => parsePixTemplate('0503***0503***')).toThrow(/duas vezes/);
  });
});
