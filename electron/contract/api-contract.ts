import { z } from 'zod';
import {
  AuditEntry,
  Environment,
  EnvironmentCreate,
  EnvironmentPatch,
  Id,
  Person,
  PersonCreate,
  PersonPatch,
  Release,
  ReleaseCreate,
  ReleasePatch,
  System,
  SystemCreate,
  SystemPatch,
  TimeZone,
  WorkspaceInfo,
  WorkspaceSettings,
  WorkspaceSettingsPatch,
} from './entities';
import type { ApiResult } from './api-result';
import { ById, Empty, method } from './define-method';
import { ReleaseStatusCheck } from './release-status-entities';
import { readinessMethods } from './readiness-contract';
import { calendarMethods } from './calendar-contract';
import { outcomesMethods } from './outcomes-contract';
import { meetingsMethods } from './meetings-contract';
import { syncMethods } from './sync-contract';
import { runbookMethods } from './runbook-contract';
import { keysMethods } from './keys-contract';
import { verifyMethods } from './verify-contract';
import { workMethods, type WorkOptions } from './work-contract';

/**
 * The one API contract. Preload, Electron main, the web shell, the CLI and the renderer all derive from this map:
 * adding a method means adding an entry here and its handler in electron/core/api/handlers, nothing else.
 * Every input is validated against `input` at the boundary before a handler sees it. Later features keep their
 * entries in their own file beside this one (built with `method` from define-method.ts) and spread them in here.
 */

export const apiContract = {
  'workspace.info': method(Empty, WorkspaceInfo, 'The open workspace: file, device, schema version, settings.'),
  'workspace.setCurrentPerson': method(
    z.object({ personId: Id.nullable() }).strict(),
    WorkspaceInfo,
    'Who is using this device: the author recorded on every change made here.',
  ),
  'workspace.setViewerTimeZone': method(
    z.object({ timeZone: TimeZone }).strict(),
    z.object({ timeZone: z.string() }),
    "The zone of whoever reads this session's answers (the screen's, sent when it opens): every sentence with a time is written in it. Default: this machine's zone.",
  ),
  'settings.update': method(WorkspaceSettingsPatch.strict(), WorkspaceSettings, 'Change workspace settings.'),

  'people.list': method(Empty, z.array(Person), 'Everyone in the workspace, by name.'),
  'people.create': method(PersonCreate.strict(), Person, 'Add a person.'),
  'people.update': method(z.object({ id: Id, changes: PersonPatch.strict() }).strict(), Person, 'Change a person.'),
  'people.delete': method(ById, z.object({ id: Id }), 'Delete a person (kept in history).'),

  'systems.list': method(Empty, z.array(System), 'Systems, by name.'),
  'systems.create': method(SystemCreate.strict(), System, 'Add a system.'),
  'systems.update': method(z.object({ id: Id, changes: SystemPatch.strict() }).strict(), System, 'Change a system.'),
  'systems.delete': method(ById, z.object({ id: Id }), 'Delete a system no release uses.'),

  'environments.list': method(Empty, z.array(Environment), 'Environments in path-to-production order.'),
  'environments.create': method(EnvironmentCreate.strict(), Environment, 'Add an environment (last in order).'),
  'environments.update': method(
    z.object({ id: Id, changes: EnvironmentPatch.strict() }).strict(),
    Environment,
    'Change an environment.',
  ),
  'environments.delete': method(ById, z.object({ id: Id }), 'Delete an environment no release uses.'),

  'releases.list': method(Empty, z.array(Release), 'Every release, by window start.'),
  'releases.get': method(ById, Release, 'One release.'),
  'releases.create': method(ReleaseCreate.strict(), Release, 'Plan a release.'),
  'releases.update': method(z.object({ id: Id, changes: ReleasePatch.strict() }).strict(), Release, 'Change a release.'),
  'releases.delete': method(ById, z.object({ id: Id }), 'Delete a release (kept in history).'),
  'releases.restore': method(ById, Release, 'Undo the delete of a release.'),
  'releases.statusChecks': method(
    z.object({ releaseIds: z.array(Id).max(1000).optional() }).strict(),
    z.array(ReleaseStatusCheck),
    "Status, the readiness gate's answer and the runbook's phase, with any disagreement in words: for the releases named, or else every release going (Go, In progress) or whose runbook has run.",
  ),

  'audit.history': method(
    z.object({ entity: z.enum(['release', 'person', 'system', 'environment', 'settings', 'window', 'runbook', 'runbookStep']), id: Id }).strict(),
    z.array(AuditEntry),
    'Who changed what on one record, when, old and new value; newest first.',
  ),
  ...readinessMethods,
  ...calendarMethods,
  ...outcomesMethods,
  ...meetingsMethods,
  ...syncMethods,
  ...runbookMethods,
  ...keysMethods,
  ...verifyMethods,
  ...workMethods,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** Input after validation and defaults: what handlers receive. */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

/**
 * What a client (preload bridge, HTTP client, tests) offers: one async function per method. `work` names a long
 * call (contract/work-contract.ts) so its progress can be followed and it can be cancelled.
 */
export type ApiClient = {
  [M in ApiMethod]: (input: ApiInput<M>, work?: WorkOptions) => Promise<ApiResult<ApiOutput<M>>>;
};

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** The IPC channel name for a method; the preload and main derive channels only through this. */
export const ipcChannel = (method: ApiMethod) => `release-desk:${method}`;
