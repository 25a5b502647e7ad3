import { useState } from 'react';
import type { z } from 'zod';
import type { ApiResult } from '../../../electron/contract/api-result';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';

/** Client-side validation with one of the contract's schemas. */
export const validateWith = (schema: z.ZodType) => (input: unknown): FieldErrors => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : zodFieldErrors(parsed.error);
};

/**
 * Form state shared by every editor: values, the error under each field (from the client-side check first, then
 * from the core's refusal), and a submit that writes nothing while any field is at fault.
 */
export function useFormState<V extends object>(initial: V | (() => V), validate: (values: V) => FieldErrors) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  /** Setting a field clears its error and any general one: the person is acting on them. */
  const set = <K extends keyof V>(field: K) => (value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field as string]: _fixed, form: _general, ...rest }) => rest);
  };

  /** Returns the saved value, or null when the form (or the core) found a fault, now shown by its field. */
  const submit = async <T>(save: (values: V) => Promise<ApiResult<T>>): Promise<T | null> => {
    const found = validate(values);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return null;
    }
    setSaving(true);
    const result = await save(values);
    setSaving(false);
    if (!result.ok) {
      setErrors(apiFieldErrors(result.error));
      return null;
    }
    return result.value;
  };

  return { values, errors, saving, set, submit };
}
