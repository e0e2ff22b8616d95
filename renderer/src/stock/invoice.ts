/** Whether what was typed already says it is an invoice: "NF 4521", "NF-e 4521", "Nota 12". */
const SAYS_INVOICE = /^\s*(nf|nota)\b/i;

/** An invoice number for reading: "NF 4521" from "4521" and from "NF 4521" alike (never "NF NF 4521"). */
export const invoiceLabel = (invoice: string, withPrefix: (invoice: string) => string): string =>
  SAYS_INVOICE.test(invoice) ? invoice : withPrefix(invoice);
