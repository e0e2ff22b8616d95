import type { ReactNode } from 'react';

/** A table's one-line message across all its columns: empty, loading, nothing found. */
export function TableMessage({ colSpan, children, className = 'muted' }: { colSpan: number; children: ReactNode; className?: string | undefined }) {
  return (
    <tr>
      <td colSpan={colSpan} className={className}>
        {children}
      </td>
    </tr>
  );
}
