import { create } from 'zustand';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type {
  AuditEntry,
  Environment,
  Person,
  System,
  WorkspaceInfo,
  WorkspaceSettings,
} from '../../../../electron/contract/entities';
import type { ApiInput } from '../../../../electron/contract/api-contract';
import { api } from '../../api/api-client';
import { applyResult } from '../../shared/api-result';
import { refreshOn } from '../../api/workspace-changes';
import { viewerTimeZone } from '../../shared/dates';

/**
 * The workspace and its reference data (people, systems, environments): small, read by every feature, so it is
 * loaded once and refreshed after each change here rather than fetched per screen.
 */
interface WorkspaceState {
  info: WorkspaceInfo | null;
  people: Person[];
  systems: System[];
  environments: Environment[];
  loaded: boolean;
  loadError: string | null;
  /** Changes to the workspace settings, newest first: who switched the readiness policy, and when. */
  settingsHistory: AuditEntry[];
  load(): Promise<void>;
  loadSettingsHistory(): Promise<void>;
  setCurrentPerson(personId: string | null): Promise<ApiResult<WorkspaceInfo>>;
  updateSettings(changes: Partial<WorkspaceSettings>): Promise<ApiResult<WorkspaceSettings>>;
  createPerson(input: ApiInput<'people.create'>): Promise<ApiResult<Person>>;
  updatePerson(id: string, changes: ApiInput<'people.update'>['changes']): Promise<ApiResult<Person>>;
  deletePerson(id: string): Promise<ApiResult<{ id: string }>>;
  createSystem(input: ApiInput<'systems.create'>): Promise<ApiResult<System>>;
  updateSystem(id: string, changes: ApiInput<'systems.update'>['changes']): Promise<ApiResult<System>>;
  deleteSystem(id: string): Promise<ApiResult<{ id: string }>>;
  createEnvironment(input: ApiInput<'environments.create'>): Promise<ApiResult<Environment>>;
  updateEnvironment(id: string, changes: ApiInput<'environments.update'>['changes']): Promise<ApiResult<Environment>>;
  deleteEnvironment(id: string): Promise<ApiResult<{ id: string }>>;
  /** Swaps an environment with its neighbour along the path to production. */
  moveEnvironment(id: string, direction: -1 | 1): Promise<ApiResult<unknown>>;
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  /** After any change, re-read everything: the lists are short and the core's order (names, positions) wins. */
  const refresh = () => get().load();
  const thenRefresh = async <T>(call: Promise<ApiResult<T>>) => applyResult(call, () => void refresh());

  return {
    info: null,
    people: [],
    systems: [],
    environments: [],
    loaded: false,
    loadError: null,
    settingsHistory: [],
    async loadSettingsHistory() {
      const result = await api['audit.history']({ entity: 'settings', id: 'workspace' });
      set({ settingsHistory: result.ok ? result.value : [] });
    },
    async load() {
      // First, so that every sentence the core writes from now on (collisions, deadlines, the audit, the agenda)
      // reads in this screen's zone, as the dates the screen formats itself do.
      await api['workspace.setViewerTimeZone']({ timeZone: viewerTimeZone() });
      const [info, people, systems, environments] = await Promise.all([
        api['workspace.info']({}),
        api['people.list']({}),
        api['systems.list']({}),
        api['environments.list']({}),
      ]);
      const failed = [info, people, systems, environments].find((r) => !r.ok);
      if (failed && !failed.ok) return set({ loaded: true, loadError: failed.error.message });
      set({
        loaded: true,
        loadError: null,
        info: info.ok ? info.value : null,
        people: people.ok ? people.value : [],
        systems: systems.ok ? systems.value : [],
        environments: environments.ok ? environments.value : [],
      });
    },
    setCurrentPerson: (personId) => applyResult(api['workspace.setCurrentPerson']({ personId }), (info) => set({ info })),
    updateSettings: async (changes) => {
      const result = await thenRefresh(api['settings.update'](changes));
      await get().loadSettingsHistory();
      return result;
    },
    createPerson: (input) => thenRefresh(api['people.create'](input)),
    updatePerson: (id, changes) => thenRefresh(api['people.update']({ id, changes })),
    deletePerson: (id) => thenRefresh(api['people.delete']({ id })),
    createSystem: (input) => thenRefresh(api['systems.create'](input)),
    updateSystem: (id, changes) => thenRefresh(api['systems.update']({ id, changes })),
    deleteSystem: (id) => thenRefresh(api['systems.delete']({ id })),
    createEnvironment: (input) => thenRefresh(api['environments.create'](input)),
    updateEnvironment: (id, changes) => thenRefresh(api['environments.update']({ id, changes })),
    deleteEnvironment: (id) => thenRefresh(api['environments.delete']({ id })),
    async moveEnvironment(id, direction) {
      const list = get().environments;
      const index = list.findIndex((e) => e.id === id);
      const neighbour = list[index + direction];
      if (index < 0 || !neighbour) return { ok: true, value: null };
      const mine = list[index].position;
      // Positions can tie (e.g. after a sync); nudge so the swap always changes the order.
      const theirs = neighbour.position === mine ? mine + direction : neighbour.position;
      const first = await api['environments.update']({ id, changes: { position: theirs } });
      const result = first.ok ? await api['environments.update']({ id: neighbour.id, changes: { position: mine } }) : first;
      await refresh();
      return result;
    },
  };
});

/** id → display name lookups, for tables and history that hold ids. */
export function nameIndex(items: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(items.map((item) => [item.id, item.name]));
}

// People, settings and keys changed by a sync (a new colleague, a role, an enrolment) show without a timer.
refreshOn(['person', 'settings', 'system', 'environment', 'deviceKey'], () => useWorkspaceStore.getState().loaded && useWorkspaceStore.getState().load());
