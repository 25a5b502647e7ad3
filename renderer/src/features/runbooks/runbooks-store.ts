import { create } from 'zustand';
import type { ApiInput, ApiOutput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { Release } from '../../../../electron/contract/entities';
import type {
  ExecutionRecord,
  Runbook,
  RunbookImportResult,
  RunbookStep,
  RunbookSummary,
  RunbookView,
} from '../../../../electron/contract/runbook-entities';
import { api } from '../../api/api-client';
import { runWork } from '../../api/long-work';
import { refreshOn } from '../../api/workspace-changes';

type StepChanges = ApiInput<'runbookSteps.update'>['changes'];
type RecordInput = ApiInput<'runbookExecution.record'>;

/**
 * Runbooks: the list (release runbooks by window start, templates apart), and the one open runbook's derived view.
 * The schedule, critical path and execution state are computed by the core, so every write re-reads the view rather
 * than patching it here (a moved step can change every planned time after it).
 */
interface RunbooksState {
  list: RunbookSummary[];
  templates: RunbookSummary[];
  releases: Release[];
  loaded: boolean;
  loadError: string | null;
  openId: string | null;
  view: RunbookView | null;
  viewError: string | null;
  loadList(): Promise<void>;
  open(id: string | null): Promise<void>;
  /** Re-reads the open runbook (after a write here, or on a timer so others' synced records show up). */
  refresh(): Promise<void>;
  create(input: ApiInput<'runbooks.create'>): Promise<ApiResult<Runbook>>;
  rename(id: string, name: string): Promise<ApiResult<Runbook>>;
  saveAsTemplate(id: string, name: string): Promise<ApiResult<Runbook>>;
  remove(id: string): Promise<ApiResult<{ id: string }>>;
  restore(id: string): Promise<ApiResult<Runbook>>;
  createStep(input: Omit<ApiInput<'runbookSteps.create'>, 'runbookId'>): Promise<ApiResult<RunbookStep>>;
  updateStep(id: string, changes: StepChanges): Promise<ApiResult<RunbookStep>>;
  deleteSteps(ids: string[]): Promise<ApiResult<{ ids: string[] }>>;
  restoreSteps(ids: string[]): Promise<ApiResult<RunbookStep[]>>;
  moveSteps(input: ApiInput<'runbookSteps.move'>): Promise<ApiResult<RunbookStep[]>>;
  record(input: RecordInput): Promise<ApiResult<ExecutionRecord>>;
  importSteps(input: Omit<ApiInput<'runbooks.importSteps'>, 'runbookId'>): Promise<ApiResult<RunbookImportResult>>;
  exportRunbook(format: ApiInput<'runbooks.export'>['format']): Promise<ApiResult<ApiOutput<'runbooks.export'>>>;
}

export const useRunbooksStore = create<RunbooksState>((set, get) => {
  const openRunbookId = () => get().openId ?? '';
  /** A write to the open runbook: on success re-read its view and the list's counts. */
  const thenRefresh = async <T>(call: Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    const result = await call;
    if (result.ok) await Promise.all([get().refresh(), get().loadList()]);
    return result;
  };

  return {
    list: [],
    templates: [],
    releases: [],
    loaded: false,
    loadError: null,
    openId: null,
    view: null,
    viewError: null,
    async loadList() {
      const [list, templates, releases] = await Promise.all([
        api['runbooks.list']({}),
        api['runbooks.list']({ templates: true }),
        api['releases.list']({}),
      ]);
      const failed = [list, templates, releases].find((r) => !r.ok);
      if (failed && !failed.ok) return set({ loaded: true, loadError: failed.error.message });
      set({
        loaded: true,
        loadError: null,
        list: list.ok ? list.value : [],
        templates: templates.ok ? templates.value : [],
        releases: releases.ok ? releases.value : [],
      });
    },
    async open(id) {
      set({ openId: id, view: id && get().view?.runbook.id === id ? get().view : null, viewError: null });
      if (id) await get().refresh();
    },
    async refresh() {
      const id = get().openId;
      if (!id) return;
      const result = await api['runbooks.get']({ id });
      // The person may have opened another runbook while this one was read.
      if (get().openId !== id) return;
      set(result.ok ? { view: result.value, viewError: null } : { viewError: result.error.message });
    },
    async create(input) {
      const result = await api['runbooks.create'](input);
      if (result.ok) {
        await get().loadList();
        await get().open(result.value.id);
      }
      return result;
    },
    rename: (id, name) => thenRefresh(api['runbooks.update']({ id, changes: { name } })),
    async saveAsTemplate(id, name) {
      const result = await api['runbooks.saveAsTemplate']({ id, name });
      if (result.ok) await get().loadList();
      return result;
    },
    async remove(id) {
      const result = await api['runbooks.delete']({ id });
      if (result.ok) {
        if (get().openId === id) set({ openId: null, view: null });
        await get().loadList();
      }
      return result;
    },
    async restore(id) {
      const result = await api['runbooks.restore']({ id });
      if (result.ok) {
        await get().loadList();
        await get().open(id);
      }
      return result;
    },
    createStep: (input) => thenRefresh(api['runbookSteps.create']({ ...input, runbookId: openRunbookId() })),
    updateStep: (id, changes) => thenRefresh(api['runbookSteps.update']({ id, changes })),
    deleteSteps: (ids) => thenRefresh(api['runbookSteps.delete']({ ids })),
    restoreSteps: (ids) => thenRefresh(api['runbookSteps.restore']({ ids })),
    moveSteps: (input) => thenRefresh(api['runbookSteps.move'](input)),
    record: (input) => thenRefresh(api['runbookExecution.record'](input)),
    async importSteps(input) {
      const result = await api['runbooks.importSteps']({ ...input, runbookId: openRunbookId() });
      if (result.ok && result.value.imported > 0) await Promise.all([get().refresh(), get().loadList()]);
      return result;
    },
    exportRunbook: (format) => runWork(`Exporting the runbook as ${format.toUpperCase()}`, (work) => api['runbooks.export']({ runbookId: openRunbookId(), format }, work)),
  };
});

// Steps and execution records from other devices show in the open runbook and the war room without a timer.
refreshOn(['runbook', 'runbookStep', 'stepExecution', 'release', 'signoff'], () => {
  const state = useRunbooksStore.getState();
  if (state.loaded) void state.loadList();
  if (state.openId) void state.refresh();
});
