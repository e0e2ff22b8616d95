/** Date and time as the shop reads them, in the shop's zone: "29/11/2026 16:32". */
export const formatDateTime = (epochMs: number, timeZone: string): string =>
  new Intl.DateTimeFormat('pt-BR', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(epochMs)
    .replace(',', '');

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** Centavos as the cashier reads them: "R$ 1.234,56" (with a plain space). */
export const formatBRL = (centavos: number): string => brl.format(centavos / 100).replace(/\u00a0/g, ' ');

const stockDecimal = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3 });

/** Thousandths of a base unit as the stockroom reads them: (999999999000, 'un') → "999.999.999 un". */
export const formatStockQuantity = (thousandths: number, baseUnit: string): string => `${stockDecimal.format(thousandths / 1000)} ${baseUnit}`;
