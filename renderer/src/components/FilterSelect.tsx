import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled filter drop-down whose first choice ("todos") clears the filter. */
export function FilterSelect(props: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select id={props.id} className="input select" value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface DateRange {
  from: string;
  to: string;
}

/** "De" and "Até" as two labelled date fields; each bounds the other's calendar so the range never runs backwards. */
export function DateRangeFilter(props: {
  value: DateRange;
  labels: DateRange;
  onChange: (change: Partial<DateRange>) => void;
  /** The fields' class besides "field" (the screen's width for a date). */
  className: string;
  testIds?: DateRange;
}) {
  const fromId = useId();
  const toId = useId();
  const { value, labels, onChange, className, testIds } = props;
  return (
    <>
      <div className={`field ${className}`}>
        <label className="field-label" htmlFor={fromId}>
          {labels.from}
        </label>
        <input id={fromId} type="date" className="input" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ from: e.target.value })} data-testid={testIds?.from} />
      </div>
      <div className={`field ${className}`}>
        <label className="field-label" htmlFor={toId}>
          {labels.to}
        </label>
        <input id={toId} type="date" className="input" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ to: e.target.value })} data-testid={testIds?.to} />
      </div>
    </>
  );
}
