import type { ApiErrorCode } from '../contract/api-result';

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unknown_method: 404,
  workspace_too_new: 409,
  cancelled: 409,
  internal: 500,
};
