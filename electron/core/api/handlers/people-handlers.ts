import { randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from '../../../contract/api-result';
import type { Person } from '../../../contract/entities';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireUnique } from './references';

export function getPerson(ctx: HandlerContext, id: string): Person {
  const row = ctx.store.reader.get('person', id);
  if (!row) throw notFound('Person', id);
  return row;
}

export const peopleHandlers = {
  'people.list': (ctx) => ctx.store.reader.list('person', [{ by: 'name', nocase: true }]),
  'people.create': (ctx, fields) => {
    requireUnique(ctx, 'person', 'name', fields.name);
    const id = randomUUID();
    ctx.store.mutate(ctx.author(), (w) => w.insert('person', id, fields));
    return getPerson(ctx, id);
  },
  'people.update': (ctx, { id, changes }) => {
    getPerson(ctx, id);
    if (changes.name !== undefined) requireUnique(ctx, 'person', 'name', changes.name, id);
    ctx.store.mutate(ctx.author(), (w) => w.update('person', id, changes));
    return getPerson(ctx, id);
  },
  'people.delete': (ctx, { id }) => {
    const person = getPerson(ctx, id);
    const owned = ctx.store.reader.findEqual('release', 'ownerId', id);
    if (owned.length > 0) {
      throw new ApiFailure(
        'conflict',
        `${person.name} owns ${owned.length} release(s) (${owned.slice(0, 3).map((r) => `${r.name} ${r.version}`).join(', ')}${owned.length > 3 ? ', …' : ''}). Give them another owner first.`,
      );
    }
    ctx.store.mutate(ctx.author(), (w) => w.delete('person', id));
    if (ctx.store.getMeta('current_person_id') === id) ctx.store.setMeta('current_person_id', null);
    return { id };
  },
} satisfies HandlerMap<'people.list' | 'people.create' | 'people.update' | 'people.delete'>;
