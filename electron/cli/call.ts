import type { ApiInput, ApiMethod, ApiOutput } from '../contract/api-contract';
import { ApiFailure } from '../contract/api-result';
import type { WorkspaceSession } from '../core';

/** Calls the API as every other shell does, turning a failed result back into an error the CLI reports. */
export async function call<M extends ApiMethod>(session: WorkspaceSession, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await session.client()[method](input);
  if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.field, result.error.issues);
  return result.value;
}
