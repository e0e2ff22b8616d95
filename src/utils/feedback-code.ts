/**
 * The code printed on the receipt ("Avalie seu pedido: código A042-2911-6"): the order number, the
 * day and month of its business day, and a Luhn check digit, so a mistyped code is caught at once.
 */
const digitsOf = (letter: string, number: string, ddmm: string) => `${String(letter.charCodeAt(0) - 64).padStart(2, '0')}${number}${ddmm}`;

function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** "A-042" on business day "2026-11-29" → "A042-2911-6". */
export function feedbackCode(displayNumber: string, businessDay: string): string {
  const [letter = 'A', number = '0'] = displayNumber.split('-');
  const digits = number.padStart(3, '0');
  const ddmm = `${businessDay.slice(8, 10)}${businessDay.slice(5, 7)}`;
  return `${letter}${digits}-${ddmm}-${luhnCheckDigit(digitsOf(letter, digits, ddmm))}`;
}

/** Reads a typed code (spaces, dashes and case forgiven); null when it is malformed or its check digit is wrong. */
export function parseFeedbackCode(text: string): { displayNumber: string; day: string; month: string } | null {
  const match = /^([A-Z])(\d{3,4})(\d{2})(\d{2})(\d)$/.exec(text.toUpperCase().replace(/[\s-]/g, ''));
  if (!match) return null;
  const [, letter = '', number = '', dd = '', mm = '', check = ''] = match;
  if (luhnCheckDigit(digitsOf(letter, number, `${dd}${mm}`)) !== Number(check)) return null;
  return { displayNumber: `${letter}-${number}`, day: dd, month: mm };
}
