import { useState } from 'react';
import { errorsByField, type Answer, type ApiError } from '../api';

/** Messages by field name; `_form` is the one for the whole form. */
export type FieldErrors = Record<string, string | undefined>;

/**
 * A form's errors and busy flag, and `send`: the call with the button busy, a refusal on the field
 * it names among `fields` (else on the whole form), `onDone` with the result when it went through.
 * `fields` may instead be a function that reads the refusal (and may act on it) and returns the errors to show.
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
  /** Editing a field takes its message away, and the form's. */
  const clearError = (field: string) => setErrors((current) => ({ ...current, [field]: undefined, _form: undefined }));
  return { errors, setErrors, clearError, busy, send };
}

export type FormState = ReturnType<typeof useFormState>;

/** A form of text fields kept as one record, with its form state; `set` also clears that field's message. */
export function useFormValues<Name extends string>(initial: Record<Name, string>) {
  const form = useFormState();
  const [values, setValues] = useState(initial);
  const set = (name: Name, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    form.clearError(name);
  };
  return { ...form, values, set };
}
