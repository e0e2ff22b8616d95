import type { ReactNode } from 'react';

/** A table's one-line message across all its columns: empty, loading, nothing found. */
export function TableMessage({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        {children}
      </td>
    </tr>
  );
}
