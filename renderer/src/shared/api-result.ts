import type { ApiResult } from '../../../electron/contract/api-result';

/** A successful result without a value, for actions whose callers only need to know whether it worked. */
export type ActionResult = ApiResult<unknown>;

/** Runs a call and hands its value to `onValue`, returning the result so forms can show errors. */
export async function applyResult<T>(call: Promise<ApiResult<T>>, onValue: (value: T) => void): Promise<ApiResult<T>> {
  const result = await call;
  if (result.ok) onValue(result.value);
  return result;
}
