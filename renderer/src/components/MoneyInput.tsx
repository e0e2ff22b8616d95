import type { FieldControlProps } from './Field';

export interface MoneyInputProps {
  control?: Partial<FieldControlProps>;
  value: string;
  onChange: (text: string) => void;
  testId?: string;
  size?: 'normal' | 'large';
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  onEnter?: () => void;
  'aria-label'?: string;
}

/**
 * A money field: "R$" in front, the numeric keypad on touch screens, and the text exactly as typed
 * ("12,50", "1.234,56"). The form turns it into centavos with parseMoneyInput when it is sent.
 */
export function MoneyInput({ control, value, onChange, testId, size = 'normal', placeholder = '0,00', disabled, autoFocus, onEnter, ...rest }: MoneyInputProps) {
  return (
    <div className={`money-input${size === 'large' ? ' money-input-large' : ''}`}>
      <span className="money-input-prefix" aria-hidden="true">
        R$
      </span>
      <input
        {...control}
        {...rest}
        className="input"
        inputMode="decimal"
        autoComplete="off"
        maxLength={16}
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        data-testid={testId}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => onChange(e.target.value.replace(/[^\d.,R$\s-]/g, ''))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
    </div>
  );
}
