import { useState } from 'react';
import { errorsByField, type Answer, type ApiError } from '../api';

/** Messages by field name; `_form` is the one for the whole form. */
export type FieldErrors = Record<string, string | undefined>;

/**
 * A form's errors and busy flag, and `send`: the call with the button busy, a refusal on the
 * field it names (or the whole form; or as `fields` maps it), `onDone` with the result when it went through.
 */
export function useFormState() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const send = async <T>(call: () => Promise<Answer<T>>, fields: readonly string[] | ((error: ApiError) => FieldErrors), onDone: (result: T) => void): Promise<void> => {
    setBusy(true);
    const outcome = await call();
    setBusy(false);
    if (outcome.ok) onDone(outcome.result);
    else setErrors(typeof fields === 'function' ? fields(outcome.error) : errorsByField(outcome.error, fields));
  };
  return { errors, setErrors, busy, send };
}

export type FormState = ReturnType<typeof useFormState>;
