import { randomUUID } from 'node:crypto';
import { invalidInput, notFound } from '../../../contract/api-result';
import type { Release } from '../../../contract/entities';
import { canMoveTo, transitionError } from '../../domain/release-lifecycle';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireExisting } from './references';
import { statusChecks } from './release-status-checks';

export function getRelease(ctx: HandlerContext, id: string): Release {
  const row = ctx.store.reader.get('release', id);
  if (!row) throw notFound('Release', id);
  return row;
}

/** Checks that need the whole release (after a patch) or the rest of the workspace. */
function checkRelease(ctx: HandlerContext, release: Omit<Release, 'id' | 'createdAt' | 'updatedAt'>, ownId?: string): void {
  if (Date.parse(release.windowEnd) <= Date.parse(release.windowStart)) {
    throw invalidInput('windowEnd', 'Window end must be after the window start.');
  }
  requireExisting(ctx, 'system', release.systemIds, 'systemIds');
  requireExisting(ctx, 'environment', release.environmentIds, 'environmentIds');
  if (release.ownerId !== null) requireExisting(ctx, 'person', [release.ownerId], 'ownerId');
  if (ctx.store.reader.findByText('release', { name: release.name, version: release.version }, ownId).length > 0) throw invalidInput('version', `${release.name} ${release.version} already exists; give this release another version.`);
}

export const releasesHandlers = {
  'releases.list': (ctx) => ctx.store.reader.list('release', ['windowStart', 'name']),
  'releases.get': (ctx, { id }) => getRelease(ctx, id),
  'releases.create': (ctx, fields) => {
    const id = randomUUID();
    return ctx.store.mutate(ctx.author(), (w) => {
      checkRelease(ctx, fields);
      w.insert('release', id, fields);
      return getRelease(ctx, id);
    });
  },
  'releases.update': (ctx, { id, changes }) => {
    return ctx.store.mutate(ctx.author(), (w) => {
      const current = getRelease(ctx, id);
      if (changes.status !== undefined && !canMoveTo(current.status, changes.status)) {
        throw invalidInput('status', transitionError(current.status, changes.status));
      }
      checkRelease(ctx, { ...current, ...changes }, id);
      w.update('release', id, changes);
      return getRelease(ctx, id);
    });
  },
  'releases.delete': (ctx, { id }) => {
    ctx.store.mutate(ctx.author(), (w) => {
      getRelease(ctx, id);
      w.delete('release', id);
    });
    return { id };
  },
  'releases.restore': (ctx, { id }) => {
    return ctx.store.mutate(ctx.author(), (w, read) => {
      if (!read.isDeleted('release', id)) throw notFound('Deleted release', id);
      w.restore('release', id);
      return getRelease(ctx, id);
    });
  },
  'releases.statusChecks': (ctx, { releaseIds }) => {
    if (releaseIds) requireExisting(ctx, 'release', releaseIds, 'releaseIds');
    return statusChecks(ctx, releaseIds);
  },
} satisfies HandlerMap<'releases.list' | 'releases.get' | 'releases.create' | 'releases.update' | 'releases.delete' | 'releases.restore' | 'releases.statusChecks'>;
