/** Brazilian tax ids, checked by their check digits. Pure: shared by PIX keys and suppliers. */

/** CPF check digits (mod 11); all-equal sequences such as 111.111.111-11 are refused. */
export const isValidCpf = (digits: string): boolean => {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return checkDigit(9) === Number(digits[9]) && checkDigit(10) === Number(digits[10]);
};

/**
 * CNPJ check digits (mod 11, weights 2..9 from the right), numeric or the alphanumeric CNPJ the DICT
 * also accepts (12 characters 0-9/A-Z + 2 digits, each character worth its ASCII code minus 48).
 */
export const isValidCnpj = (cnpj: string): boolean => {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(.)\1{13}$/.test(cnpj)) return false;
  const values = [...cnpj].map((char) => char.charCodeAt(0) - 48);
  const checkDigit = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += (values[length - 1 - i] ?? 0) * ((i % 8) + 2);
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  return checkDigit(12) === values[12] && checkDigit(13) === values[13];
};

/** A CNPJ as people type it ("12.345.678/0001-95") reduced to its 14 characters, or null if invalid. */
export function normalizeCnpj(text: string): string | null {
  const compact = text.replace(/[.\/\s-]/g, '').toUpperCase();
  return isValidCnpj(compact) ? compact : null;
}
