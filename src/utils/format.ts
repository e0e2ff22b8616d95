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
