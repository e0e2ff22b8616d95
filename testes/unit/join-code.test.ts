import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeJoinCode, readJoinCode } from '../../src/sync/join-code.js';
import { BusinessError } from '../../src/exceptions/business-error.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const shopId = '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const shopKey = randomBytes(32);

const refusal = (text: string) => {
  try {
    readJoinCode(text);
  } catch (error) {
    return error instanceof BusinessError ? error.toBody() : error;
  }
  return 'accepted';
};
const REFUSED = { code: 'VALIDATION', message: 'Código de conexão inválido: confira as letras e números', field: 'joinCode' };

/** The symbols of a code, without its prefix and dashes. */
const symbolsOf = (code: string) => code.slice('BALCAO-'.length).replace(/-/g, '');
const withSymbols = (symbols: string) => `BALCAO-${symbols.match(/.{1,4}/g)!.join('-')}`;

describe('the join code', () => {
  it('reads aloud: BALCAO- and groups of 4 of Crockford base32', () => {
    const code = encodeJoinCode({ shopId, shopKey });
    expect(code).toMatch(/^BALCAO(-[0-9A-HJKMNP-TV-Z]{4})+$/);
    expect(readJoinCode(code)).toEqual({ shopId, shopKey });
  });

  it('round-trips any shop id and key, and carries nothing else', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 32, maxLength: 32 }), (id, key) => {
        const code = encodeJoinCode({ shopId: id, shopKey: Buffer.from(key) });
        expect(readJoinCode(code)).toEqual({ shopId: id.toLowerCase(), shopKey: Buffer.from(key) });
        // Same length for every shop: room for the id and the key, no more.
        expect(symbolsOf(code)).toHaveLength(84);
      }),
    );
  });

  it('forgives case, spaces, dashes, a missing prefix and the letters that look like digits', () => {
    const code = encodeJoinCode({ shopId, shopKey });
    const symbols = symbolsOf(code);
    const variants = [
      code.toLowerCase(),
      ` ${code.replace(/-/g, ' ')} `,
      symbols,
      `Balcão ${symbols.match(/.{1,4}/g)!.join(' ')}`,
      withSymbols(symbols.replace(/0/g, 'O').replace(/1/g, 'l')),
      code.replace(/1/g, 'I'),
    ];
    for (const typed of variants) expect(readJoinCode(typed)).toEqual({ shopId, shopKey });
  });

  it('refuses any one mistyped symbol with a message naming the field', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(), fc.integer({ min: 1, max: 31 }), (id, key, position, bump) => {
        const symbols = symbolsOf(encodeJoinCode({ shopId: id, shopKey: Buffer.from(key) }));
        const at = position % symbols.length;
        const wrong = ALPHABET[(ALPHABET.indexOf(symbols[at]!) + bump) % 32]!;
        expect(refusal(withSymbols(symbols.slice(0, at) + wrong + symbols.slice(at + 1)))).toEqual(REFUSED);
      }),
    );
  });

  it('refuses two neighbours swapped', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(), (id, key, position) => {
        const symbols = symbolsOf(encodeJoinCode({ shopId: id, shopKey: Buffer.from(key) }));
        const at = position % (symbols.length - 1);
        fc.pre(symbols[at] !== symbols[at + 1]);
        expect(refusal(withSymbols(symbols.slice(0, at) + symbols[at + 1] + symbols[at] + symbols.slice(at + 2)))).toEqual(REFUSED);
      }),
    );
  });

  it('is laid out as documented, and a code of another version is refused rather than misread', () => {
    // Written here from the layout alone: version byte, shop id, key, 3 zero bits, then the value mod 33554393 in 5 symbols.
    const layout = (version: number) => {
      const bytes = Buffer.concat([Buffer.of(version), Buffer.from(shopId.replace(/-/g, ''), 'hex'), shopKey]);
      const value = BigInt(`0x${bytes.toString('hex')}`) * 8n;
      const symbols = (n: bigint, count: number) => Array.from({ length: count }, (_, i) => ALPHABET[Number((n / 32n ** BigInt(count - 1 - i)) % 32n)]).join('');
      return withSymbols(symbols(value, 79) + symbols(value % 33_554_393n, 5));
    };
    expect(encodeJoinCode({ shopId, shopKey })).toBe(layout(1));
    expect(refusal(layout(2))).toEqual(REFUSED);
  });

  it('refuses a code cut short, one too long, foreign letters and an empty field', () => {
    const symbols = symbolsOf(encodeJoinCode({ shopId, shopKey }));
    for (const typed of [withSymbols(symbols.slice(0, -1)), withSymbols(`${symbols}0`), withSymbols(`${symbols.slice(0, -1)}U`), '', 'BALCAO-', 'https://balcao.example']) {
      expect(refusal(typed)).toEqual(REFUSED);
    }
  });
});
