import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceIcon } from './Icon';
import { isEditable } from '../keyboard';

const MIN_PIN = 4;
const MAX_PIN = 12;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;


export interface PinPadProps {
  /** Sends the PIN; the pad clears itself whatever the answer. */
  onSubmit: (pin: string) => Promise<void>;
  error?: string | null | undefined;
  submitLabel?: string;
  /** Shown above the dots ("Digite seu PIN"). */
  prompt?: string;
}

/**
 * Big-button PIN pad for touch that also takes the keyboard: digits, Backspace, Escape (clear) and
 * Enter, as long as the focus is not in a text field. The digits are never shown, only dots.
 */
export function PinPad({ onSubmit, error, submitLabel, prompt }: PinPadProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const displayRef = useRef<HTMLDivElement>(null);
  const errorId = useId();
  const promptId = useId();
  const state = useRef({ pin, busy });
  state.current = { pin, busy };

  const press = useCallback((digit: string) => {
    if (state.current.busy) return;
    setPin((current) => (current.length >= MAX_PIN ? current : current + digit));
  }, []);
  const erase = useCallback(() => {
    if (!state.current.busy) setPin((current) => current.slice(0, -1));
  }, []);
  const submit = useCallback(async () => {
    const { pin: typed, busy: sending } = state.current;
    if (sending || typed.length < MIN_PIN) return;
    setBusy(true);
    try {
      await onSubmit(typed);
    } finally {
      setPin('');
      setBusy(false);
      displayRef.current?.focus({ preventScroll: true });
    }
  }, [onSubmit]);

  useEffect(() => {
    displayRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isEditable(event.target)) return;
      const root = rootRef.current;
      if (!root || root.closest('[inert]')) return;
      // A modal dialog above the pad owns the keyboard.
      const dialog = root.closest('dialog');
      const topModal = Array.from(document.querySelectorAll('dialog[open]')).at(-1);
      if (topModal && topModal !== dialog) return;
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        press(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        erase();
      } else if (event.key === 'Escape' && state.current.pin) {
        event.preventDefault();
        setPin('');
      } else if (event.key === 'Enter') {
        // Enter on another focused button (Voltar, Trocar usuário) keeps its own meaning.
        const target = event.target as HTMLElement | null;
        if (target instanceof HTMLButtonElement && !target.dataset.pinKey) return;
        event.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, erase, submit]);

  const slots = Math.max(6, pin.length);
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();

  return (
    <div className="pinpad" ref={rootRef}>
      {prompt && (
        <p className="pinpad-prompt" id={promptId}>
          {prompt}
        </p>
      )}
      <div
        ref={displayRef}
        className={`pinpad-display${error ? ' has-error' : ''}`}
        tabIndex={-1}
        role="group"
        aria-label={t('pin.display', { count: pin.length })}
        aria-describedby={error ? errorId : prompt ? promptId : undefined}
        data-testid="pin-display"
        data-length={pin.length}
      >
        {Array.from({ length: slots }, (_, i) => (
          <span key={i} className={`pinpad-dot${i < pin.length ? ' filled' : ''}`} aria-hidden="true" />
        ))}
      </div>
      <p className="pinpad-error" id={errorId} role="alert" data-testid="pin-error">
        {error ?? ''}
      </p>
      <div className="pinpad-keys" aria-busy={busy}>
        {KEYS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="pinpad-key"
            data-pin-key={digit}
            data-testid={`pin-key-${digit}`}
            onMouseDown={keepFocus}
            onClick={() => press(digit)}
            disabled={busy}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="pinpad-key pinpad-key-secondary"
          data-pin-key="backspace"
          data-testid="pin-backspace"
          aria-label={t('pin.erase')}
          onMouseDown={keepFocus}
          onClick={erase}
          disabled={busy || pin.length === 0}
        >
          <BackspaceIcon />
          <span className="pinpad-key-caption">{t('pin.erase')}</span>
        </button>
        <button
          type="button"
          className="pinpad-key"
          data-pin-key="0"
          data-testid="pin-key-0"
          onMouseDown={keepFocus}
          onClick={() => press('0')}
          disabled={busy}
        >
          0
        </button>
        <button
          type="button"
          className="pinpad-key pinpad-key-primary"
          data-pin-key="enter"
          data-testid="pin-submit"
          onMouseDown={keepFocus}
          onClick={() => void submit()}
          disabled={busy || pin.length < MIN_PIN}
        >
          {busy ? t('pin.checking') : (submitLabel ?? t('pin.enter'))}
        </button>
      </div>
      <p className="pinpad-hint">{t('pin.hint')}</p>
    </div>
  );
}
