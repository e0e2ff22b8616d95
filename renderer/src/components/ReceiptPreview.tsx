import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { PRINT_FRAME_SANDBOX, printFrame } from '../printing';

/**
 * The customer's receipt as the core renders it (80 or 58 mm, "NÃO É DOCUMENTO FISCAL"), shown in a
 * frame; "Imprimir" prints that frame.
 */
export function ReceiptPreview({ orderId, onPrintable }: { orderId: string; onPrintable?: (print: (returnFocusTo?: HTMLElement | null) => void) => void }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let cancelled = false;
    setHtml(null);
    void api.call('printing.receiptHtml', { orderId }).then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) setHtml(outcome.result.html);
      else setError(outcome.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [orderId]);

  useEffect(() => {
    if (html) onPrintable?.((returnFocusTo) => printFrame(frame.current, returnFocusTo));
  }, [html, onPrintable]);

  if (error) {
    return (
      <div className="alert alert-error" role="alert">
        {error}
      </div>
    );
  }
  if (!html) return <div className="receipt-frame receipt-loading muted">{t('common.loading')}</div>;
  return <iframe ref={frame} className="receipt-frame" title={t('receipt.title')} sandbox={PRINT_FRAME_SANDBOX} srcDoc={html} data-testid="receipt-preview" />;
}
