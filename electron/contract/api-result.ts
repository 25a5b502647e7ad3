/**
 * Results cross every boundary (IPC, HTTP, CLI) as plain objects, because a thrown Error loses everything but its
 * message when Electron serialises it. The error carries a typed code and, for bad input, the field at fault.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unknown_method'
  | 'workspace_too_new'
  /** A long call stopped by work.cancel. */
  | 'cancelled'
  | 'internal';

export interface ApiFieldIssue {
  /** Dotted path of the field at fault, e.g. "windowEnd" or "systemIds.2". */
  field: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The first field at fault, when the error is about input. */
  field?: string;
  issues?: ApiFieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error thrown inside the core that the dispatcher turns into an ApiResult without losing its code or field. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;
  readonly issues?: ApiFieldIssue[];

  constructor(code: ApiErrorCode, message: string, field?: string, issues?: ApiFieldIssue[]) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.field = field;
    this.issues = issues ?? (field ? [{ field, message }] : undefined);
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.issues !== undefined) error.issues = this.issues;
    return error;
  }
}

/** `message` is a whole sentence a person can act on, e.g. "Window end must be after the window start." */
export function invalidInput(field: string, message: string): ApiFailure {
  return new ApiFailure('invalid_input', message, field, [{ field, message }]);
}

export function notFound(what: string, id: string): ApiFailure {
  return new ApiFailure('not_found', `${what} ${id} does not exist (or was deleted).`);
}
