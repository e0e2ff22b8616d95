/**
 * Printing from the screen, for shops without a network printer (or for a second copy): the page is
 * put in a hidden frame and the browser's print dialog opens for it. The pages come from the core
 * (receipts) or from this app (cash slips); they have no scripts, and the frame could not run any.
 */
export const PRINT_FRAME_SANDBOX = 'allow-modals allow-same-origin';

/** Prints a frame already on the screen (the receipt preview). */
export function printFrame(frame: HTMLIFrameElement | null): boolean {
  const target = frame?.contentWindow;
  if (!target) return false;
  target.focus();
  target.print();
  return true;
}

/** Prints a whole HTML page through a hidden frame, then removes the frame. */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', PRINT_FRAME_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.className = 'print-frame';
  frame.addEventListener(
    'load',
    () => {
      printFrame(frame);
      setTimeout(() => frame.remove(), 60_000);
    },
    { once: true },
  );
  frame.srcdoc = html;
  document.body.appendChild(frame);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The PIX QR of an unpaid order, taken from its receipt page (the core draws it there as inline SVG
 * for the amount due), but only when the receipt's "copia e cola" is exactly the payload charged:
 * then the QR encodes that payload. Returned as an image address, so nothing from it runs.
 */
export function pixQrFromReceipt(html: string, payload: string): string | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const code = doc.querySelector('.pix .pix-code')?.textContent?.trim();
  const svg = doc.querySelector('.pix svg');
  if (!svg || code !== payload) return null;
  if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
}
