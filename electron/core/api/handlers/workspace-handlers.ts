import { READINESS_POLICIES, type ReadinessPolicy, type WorkspaceSettings } from '../../../contract/entities';
import { LATEST_SCHEMA_VERSION } from '../../store/migrations';
import type { HandlerContext, HandlerMap } from '../handler-context';
import { requireExisting } from './references';

export const SETTINGS_ROW_ID = 'workspace';
const DEFAULT_SETTINGS: WorkspaceSettings = { name: 'Release Desk workspace', defaultTimeZone: 'UTC', readinessPolicy: 'presumptive' };

/**
 * A policy this version does not know (written by a newer one, or by a hostile sync peer: synced values are not
 * checked per field) reads as explicit assertion, the stricter of the two, rather than letting releases go.
 */
function policyOf(value: unknown): ReadinessPolicy {
  return READINESS_POLICIES.find((p) => p === value) ?? 'explicit';
}

export function readSettings(ctx: HandlerContext): WorkspaceSettings {
  const row = ctx.store.reader.get('settings', SETTINGS_ROW_ID);
  if (!row) return DEFAULT_SETTINGS;
  return { name: String(row.name), defaultTimeZone: String(row.defaultTimeZone), readinessPolicy: policyOf(row.readinessPolicy) };
}

function workspaceInfo(ctx: HandlerContext) {
  const { store } = ctx;
  return {
    path: store.path,
    deviceId: store.deviceId,
    schemaVersion: LATEST_SCHEMA_VERSION,
    settings: readSettings(ctx),
    currentPersonId: store.getMeta('current_person_id') ?? null,
    counts: {
      releases: store.reader.count('release'),
      people: store.reader.count('person'),
      systems: store.reader.count('system'),
      environments: store.reader.count('environment'),
    },
  };
}

export const workspaceHandlers = {
  'workspace.info': (ctx) => workspaceInfo(ctx),
  'workspace.setCurrentPerson': (ctx, { personId }) => {
    if (personId !== null) requireExisting(ctx, 'person', [personId], 'personId');
    ctx.store.setMeta('current_person_id', personId);
    return workspaceInfo(ctx);
  },
  'workspace.setViewerTimeZone': (ctx, { timeZone }) => {
    ctx.setViewerZone(timeZone);
    return { timeZone };
  },
  'settings.update': (ctx, changes) => {
    ctx.store.mutate(ctx.author(), (w) => {
      if (ctx.store.reader.get('settings', SETTINGS_ROW_ID)) w.update('settings', SETTINGS_ROW_ID, changes);
      else w.insert('settings', SETTINGS_ROW_ID, { ...DEFAULT_SETTINGS, ...changes });
    });
    return readSettings(ctx);
  },
} satisfies HandlerMap<'workspace.info' | 'workspace.setCurrentPerson' | 'workspace.setViewerTimeZone' | 'settings.update'>;
