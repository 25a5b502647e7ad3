import { randomUUID } from 'node:crypto';
import { ApiFailure, notFound } from '../../../contract/api-result';
import type { Environment } from '../../../contract/entities';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireUnique } from './references';

export function getEnvironment(ctx: HandlerContext, id: string): Environment {
  const row = ctx.store.reader.get('environment', id);
  if (!row) throw notFound('Environment', id);
  return row;
}

function listEnvironments(ctx: HandlerContext): Environment[] {
  return ctx.store.reader.list('environment', ['position', { by: 'name', nocase: true }]);
}

export const environmentsHandlers = {
  'environments.list': (ctx) => listEnvironments(ctx),
  'environments.create': (ctx, fields) => {
    requireUnique(ctx, 'environment', 'name', fields.name);
    const id = randomUUID();
    const position = fields.position ?? listEnvironments(ctx).reduce((max, e) => Math.max(max, e.position + 1), 0);
    ctx.store.mutate(ctx.author(), (w) => w.insert('environment', id, { ...fields, position }));
    return getEnvironment(ctx, id);
  },
  'environments.update': (ctx, { id, changes }) => {
    getEnvironment(ctx, id);
    if (changes.name !== undefined) requireUnique(ctx, 'environment', 'name', changes.name, id);
    ctx.store.mutate(ctx.author(), (w) => w.update('environment', id, changes));
    return getEnvironment(ctx, id);
  },
  'environments.delete': (ctx, { id }) => {
    const environment = getEnvironment(ctx, id);
    const users = ctx.store.reader.findContaining('release', 'environmentIds', id);
    if (users.length > 0) {
      throw new ApiFailure(
        'conflict',
        `${environment.name} is booked by ${users.length} release(s), e.g. ${users[0].name} ${users[0].version}. Move them to another environment first.`,
      );
    }
    ctx.store.mutate(ctx.author(), (w) => w.delete('environment', id));
    return { id };
  },
} satisfies HandlerMap<'environments.list' | 'environments.create' | 'environments.update' | 'environments.delete'>;
