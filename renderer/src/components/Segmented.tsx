import type { ReactNode } from 'react';

interface SegmentedProps<V extends string | number> {
  /** What the group chooses, for screen readers. */
  label: string;
  options: readonly V[];
  value: V;
  onChange: (value: V) => void;
  optionLabel: (value: V) => ReactNode;
  optionTitle?: (value: V) => string;
  optionTestId?: (value: V) => string;
  className?: string;
}

/** A row of buttons of which exactly one is chosen (a radio group that looks like a switch). */
export function Segmented<V extends string | number>({ label, options, value, onChange, optionLabel, optionTitle, optionTestId, className }: SegmentedProps<V>) {
  return (
    <div className={className ? `segmented ${className}` : 'segmented'} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          className="segmented-option"
          onClick={() => onChange(option)}
          title={optionTitle?.(option)}
          data-testid={optionTestId?.(option)}
        >
          {optionLabel(option)}
        </button>
      ))}
    </div>
  );
}
