import type { z } from 'zod';
import type { ApiError, ApiFieldIssue } from '../../../electron/contract/api-result';
import { fieldMessage } from '../../../electron/contract/field-messages';

/** Field name → message, keyed by the top-level form field ("systemIds.2" belongs under "systemIds"). */
export type FieldErrors = Record<string, string>;


function collect(issues: readonly ApiFieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field.split('.')[0];
    errors[field] ??= fieldMessage(field, issue.message);
  }
  return errors;
}

/** Client-side validation with the contract's own schema, before anything is sent. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  return collect(error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'form', message: issue.message })));
}

/** The core's refusal, spread over the fields it names; an error about no field lands under "form". */
export function apiFieldErrors(error: ApiError): FieldErrors {
  const issues = error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
  const errors = collect(issues);
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}
