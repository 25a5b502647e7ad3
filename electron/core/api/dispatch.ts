import { apiContract, isApiMethod, type ApiMethod } from '../../contract/api-contract';
import { ApiFailure, type ApiResult } from '../../contract/api-result';
import type { Handler, HandlerContext } from './handler-context';
import { handlers } from './handlers';
import { zodFailure } from './input-errors';

/**
 * Tests and development builds check every answer against the method's output schema too, so the contract holds
 * both ways; a release build trusts its own handlers and skips the cost.
 */
const CHECK_OUTPUTS = process.env.RELEASE_DESK_CHECK_OUTPUTS === '1' || process.env.NODE_ENV === 'development';

/**
 * The single entry into the core from every shell (IPC, HTTP, CLI, tests): checks the method exists, validates the
 * input against the contract, runs the handler, and turns any failure into an ApiResult. It never throws.
 */
export async function dispatch(ctx: HandlerContext, method: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${String(method)}.` } };
  }
  const parsed = apiContract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error).toApiError() };
  try {
    const handler = handlers[method] as Handler<ApiMethod>;
    const value = await handler(ctx, parsed.data as never);
    if (CHECK_OUTPUTS) {
      const checked = apiContract[method].output.safeParse(value);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return { ok: false, error: { code: 'internal', message: `${method} answered outside its contract at ${issue.path.join('.') || '(top level)'}: ${issue.message}` } };
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
