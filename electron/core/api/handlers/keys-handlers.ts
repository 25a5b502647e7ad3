import type { HandlerMap } from '../handler-context';
import { keysOverview } from '../../keys/keys-view';
import { enrolKey, requestKey, revokeKey } from '../../keys/keys-writes';
import { requireExisting } from './references';

export const keysHandlers = {
  'keys.list': (ctx) => keysOverview(ctx.store),
  'keys.request': (ctx, { personId, asPersonId }) => {
    requireExisting(ctx, 'person', [personId], 'personId');
    requestKey(ctx.store, asPersonId ?? ctx.author(), personId);
    return keysOverview(ctx.store);
  },
  'keys.enrol': (ctx, { deviceId, personId, asPersonId }) => {
    requireExisting(ctx, 'person', [personId], 'personId');
    enrolKey(ctx.store, asPersonId ?? ctx.author(), deviceId, personId);
    return keysOverview(ctx.store);
  },
  'keys.revoke': (ctx, { deviceId, personId, reason, asPersonId }) => {
    if (personId) requireExisting(ctx, 'person', [personId], 'personId');
    revokeKey(ctx.store, asPersonId ?? ctx.author(), deviceId, personId, reason);
    return keysOverview(ctx.store);
  },
} satisfies HandlerMap<'keys.list' | 'keys.request' | 'keys.enrol' | 'keys.revoke'>;
