import type { HandlerMap } from '../handler-context';
import { repairRows, verifyWorkspace } from '../../store/verify-store';

export const verifyHandlers = {
  'workspace.verify': (ctx) => verifyWorkspace(ctx.store),
  'workspace.repair': (ctx) => {
    repairRows(ctx.store);
    return verifyWorkspace(ctx.store);
  },
} satisfies HandlerMap<'workspace.verify' | 'workspace.repair'>;
