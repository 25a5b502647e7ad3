import type { HandlerMap } from '../handler-context';

export const workHandlers = {
  'work.cancel': (ctx, { jobId }) => ({ cancelled: ctx.cancelWork(jobId) }),
} satisfies HandlerMap<'work.cancel'>;
