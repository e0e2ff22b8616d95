import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';
import { TableMessage } from '../components/TableMessage';

export interface LineColumn {
  label: ReactNode;
  numeric?: boolean;
}

/**
 * A document's lines as a table (a receipt's items, a recipe's ingredients): the columns, a note while
 * there are none, then the rows, each ending in its remove button under a column named for screen readers.
 */
export function LineTable({ className, testId, columns, empty, bodyRef, children }: {
  className: string;
  testId?: string;
  columns: readonly LineColumn[];
  /** What to say while there are no lines, or null when there are. */
  empty: ReactNode | null;
  bodyRef?: Ref<HTMLTableSectionElement>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap table-flat">
      <table className={`table ${className}`} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('stock.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {empty !== null && (
            <TableMessage colSpan={columns.length + 1} className="empty-note">
              {empty}
            </TableMessage>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Is this right?" before a stock movement far out of the ordinary (the core's plausibility check):
 * go back and fix it, or confirm it as typed.
 */
export function PlausibilityConfirm({ title, text, danger, busy, onFix, onConfirm, testId }: {
  title: string;
  text: string;
  danger?: boolean;
  busy: boolean;
  onFix: () => void;
  onConfirm: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onFix} size="small" testId={testId}>
      <div className="form-stack">
        <p>{text}</p>
        <div className="form-actions">
          <button type="button" className="button button-ghost" onClick={onFix} data-autofocus>
            {t('stock.loss.confirmFix')}
          </button>
          <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy} onClick={onConfirm} data-testid={`${testId}-submit`}>
            {t('stock.loss.confirmYes')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
