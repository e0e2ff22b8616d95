import { useEffect, useRef } from 'react';

/** After a failed submit, puts the cursor in the first field with an error. */
export function useFocusFirstInvalid<T extends HTMLElement>(errors: object) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!Object.values(errors).some(Boolean)) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}
