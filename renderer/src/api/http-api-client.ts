import { API_METHODS, type ApiClient, type ApiMethod } from '../../../electron/contract/api-contract';
import { JOB_HEADER, type WorkOptions } from '../../../electron/contract/work-contract';
import type { ApiResult } from '../../../electron/contract/api-result';

type Call = (input: unknown, work?: WorkOptions) => Promise<ApiResult<unknown>>;

function failure(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

function isApiResult(body: unknown): body is ApiResult<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * The API over HTTP to the local web shell. Every outcome, including a dropped connection or a server that is no
 * longer running, comes back as an ApiResult, so stores have one error path instead of try/catch everywhere.
 */
export function createHttpApiClient(token: string | null, baseUrl = './api/'): ApiClient {
  const call = (method: ApiMethod): Call => async (input, work) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}`, ...(work?.jobId ? { [JOB_HEADER]: work.jobId } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return failure('Cannot reach the Release Desk web shell. Is it still running? Start it again and reopen the URL it prints.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(`The web shell answered ${response.status} without a readable result.`);
    }
    return isApiResult(body) ? body : failure(`The web shell answered ${response.status} with an unexpected body.`);
  };
  const client: Record<string, Call> = {};
  for (const method of API_METHODS) client[method] = call(method);
  // Each entry forwards its input unchanged and returns what the core sent, which the contract types already describe.
  return client as unknown as ApiClient;
}
