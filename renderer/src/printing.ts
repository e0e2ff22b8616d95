/**
 * Printing from the screen, for shops without a network printer (or for a second copy): the page is
 * put in a hidden frame and the browser's print dialog opens for it. The pages come from the core
 * (receipts) or from this app (cash slips); they have no scripts, and the frame could not run any.
 */
export const PRINT_FRAME_SANDBOX = 'allow-modals allow-same-origin';

/**
 * Prints a frame already on the screen (the receipt preview). Printing moves the keyboard into the
 * frame, where the screen's keys (Enter, Esc, F2) are never heard: it goes back to `returnFocusTo`
 * (by default, what had it before) as soon as the print dialog is done.
 */
export function printFrame(frame: HTMLIFrameElement | null, returnFocusTo?: HTMLElement | null): boolean {
  const target = frame?.contentWindow;
  if (!target) return false;
  const back = returnFocusTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const giveBack = () => {
    window.focus();
    back?.focus();
  };
  target.addEventListener('afterprint', giveBack, { once: true });
  target.focus();
  target.print();
  giveBack();
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

