import type { z } from 'zod';
import { ApiFailure, type ApiFieldIssue } from '../../contract/api-result';

/** "windowStart" → "Window start": error messages name fields the way the forms label them. */
const LABELS: Record<string, string> = {
  systemIds: 'Systems',
  environmentIds: 'Environments',
  ownerId: 'Owner',
  dependsOn: 'Depends on',
  personId: 'Person',
};

export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  if (LABELS[last]) return LABELS[last];
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Turns a zod failure into one ApiFailure naming every field at fault, the first one in the message. */
export function zodFailure(error: z.ZodError): ApiFailure {
  const issues: ApiFieldIssue[] = error.issues.flatMap((issue): ApiFieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: `is not a field this call accepts` }));
    }
    const field = issue.path.map(String).join('.') || 'input';
    return [{ field, message: issue.message }];
  });
  const described = issues.map((issue) => ({ field: issue.field, message: describeIssue(issue) }));
  const first = described[0] ?? { field: 'input', message: 'The input is not valid.' };
  return new ApiFailure('invalid_input', first.message, first.field, described);
}

/**
 * Our schema messages are either a sentence that starts with the field's label ("Name is required") or a predicate
 * ("must be …"); zod's own messages ("Invalid input: …") get the label in front.
 */
export function describeIssue(issue: ApiFieldIssue): string {
  const label = fieldLabel(issue.field);
  if (issue.message.startsWith(label)) return issue.message;
  if (/^[a-z]/.test(issue.message)) return `${label} ${issue.message}`;
  return `${label}: ${issue.message}`;
}
