import { useState } from 'react';

/**
 * Which row a list's dialog is open for: none, a new one, or an existing row. `saved` closes it and
 * runs what the list does after a save (load again, tell the parent).
 */
export function useEditing<Row>(afterSave: () => void) {
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  return {
    open: editing !== null,
    /** The row being edited; null for a new one. */
    row: editing === 'new' ? null : editing,
    create: () => setEditing('new'),
    edit: (row: Row) => setEditing(row),
    close: () => setEditing(null),
    saved: () => {
      setEditing(null);
      afterSave();
    },
  };
}
