import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The toolbar's "+ Novo …" button. */
export function CreateButton({ label, onClick, testId }: { label: string; onClick: () => void; testId?: string }) {
  return (
    <button type="button" className="button button-primary" onClick={onClick} data-testid={testId}>
      + {label}
    </button>
  );
}

/** A small button in a table row (Editar, Detalhes…). */
export function RowButton({ className, ...button }: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-testid'?: string }) {
  return <button type="button" className={`button button-small ${className ?? 'button-secondary'}`} {...button} />;
}

/** Ativo / Inativo as a badge. */
export function ActiveBadge({ active, on, off }: { active: boolean; on: string; off: string }) {
  return active ? <span className="badge badge-success">{on}</span> : <span className="badge badge-muted">{off}</span>;
}

/** A checkbox with its label on the right. */
export function Checkbox({ checked, onChange, children, testId, disabled }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode; testId?: string; disabled?: boolean }) {
  return (
    <label className="checkbox">
      <input type="checkbox" disabled={disabled} checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{children}</span>
    </label>
  );
}

/** A whole screen before its data: the error of the call that loads it, else "Carregando…". */
export function PageWaiting({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div className="page-content">
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      </div>
    );
  }
  return (
    <div className="page-content" role="status">
      <p className="muted">{t('common.loading')}</p>
    </div>
  );
}

/** A dash for an empty cell. */
export function Blank() {
  return <span className="muted">—</span>;
}

/** The foot of a filter form: apply (submits it) and clear. */
export function FilterActions({ applyLabel, applyTestId, clearLabel, onClear }: { applyLabel: string; applyTestId: string; clearLabel: string; onClear: () => void }) {
  return (
    <div className="filters-actions">
      <button type="submit" className="button button-primary" data-testid={applyTestId}>
        {applyLabel}
      </button>
      <button type="button" className="button button-ghost" onClick={onClear}>
        {clearLabel}
      </button>
    </div>
  );
}

/** "Carregar mais" under a list read a page at a time. */
export function LoadMore({ loading, label, onClick, testId }: { loading: boolean; label: string; onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <button type="button" className="button button-secondary" disabled={loading} onClick={onClick} data-testid={testId}>
        {loading ? t('common.loading') : label}
      </button>
    </div>
  );
}

/** The "×" that takes a line out of a list being edited; `label` says which, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
