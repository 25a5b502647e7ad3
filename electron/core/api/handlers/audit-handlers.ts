import type { AuditEntry } from '../../../contract/entities';
import { hlcInstant } from '../../changes/change';
import { peopleNames } from '../../people/people-queries';
import type { HandlerMap } from '../handler-context';

export const auditHandlers = {
  'audit.history': (ctx, { entity, id }): AuditEntry[] => {
    const nameOf = peopleNames(ctx.store).name;
    return ctx.store.history(entity, id).map((c) => ({
      seq: c.seq,
      at: hlcInstant(c.hlc),
      hlc: c.hlc,
      deviceId: c.deviceId,
      author: c.author,
      authorName: nameOf(c.author),
      entity: c.entity,
      rowId: c.rowId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.value,
    }));
  },
} satisfies HandlerMap<'audit.history'>;
