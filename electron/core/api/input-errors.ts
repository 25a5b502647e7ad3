import type { z } from 'zod';
import { ApiFailure, type ApiFieldIssue } from '../../contract/api-result';
import { fieldMessage } from '../../contract/field-messages';

/** Turns a zod failure into one ApiFailure naming every field at fault, the first one in the message. */
export function zodFailure(error: z.ZodError): ApiFailure {
  const issues: ApiFieldIssue[] = error.issues.flatMap((issue): ApiFieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: `is not a field this call accepts` }));
    }
    const field = issue.path.map(String).join('.') || 'input';
    return [{ field, message: issue.message }];
  });
  const described = issues.map((issue) => ({ field: issue.field, message: fieldMessage(issue.field, issue.message) }));
  const first = described[0] ?? { field: 'input', message: 'The input is not valid.' };
  return new ApiFailure('invalid_input', first.message, first.field, described);
}
