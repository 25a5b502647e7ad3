import type { AuditEntry } from '../../../contract/entities';
import { hlcInstant } from '../../changes/change';
import type { HandlerMap } from '../handler-context';

export const auditHandlers = {
  'audit.history': (ctx, { entity, id }): AuditEntry[] => {
    const names = new Map(ctx.store.reader.list('person').map((p) => [p.id, String(p.name)]));
    // History stays readable after a person is deleted: fall back to the name their own tombstoned row carried.
    const nameOf = (author: string) => {
      if (names.has(author)) return names.get(author)!;
      if (author.startsWith('device:')) return `${author.slice(7)} (no person chosen)`;
      const deleted = ctx.store.history('person', author).find((c) => c.field === 'name');
      return deleted ? `${String(deleted.value)} (deleted)` : author;
    };
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
