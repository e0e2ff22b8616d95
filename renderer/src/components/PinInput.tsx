import type { FieldControlProps } from './Field';

/**
 * A PIN typed in a form: digits only, hidden, the numeric keypad on touch. `autoComplete` is
 * "new-password" where a PIN is chosen, "off" where one is confirmed.
 */
export function PinInput({
  control,
  value,
  onChange,
  autoComplete = 'off',
  testId,
  autoFocus = false,
}: {
  control: FieldControlProps;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: 'off' | 'new-password';
  testId?: string;
  autoFocus?: boolean;
}) {
  return (
    <input
      {...control}
      className="input input-pin"
      type="password"
      inputMode="numeric"
      autoComplete={autoComplete}
      maxLength={12}
      value={value}
      {...(autoFocus ? { 'data-autofocus': true } : {})}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      data-testid={testId}
    />
  );
}
