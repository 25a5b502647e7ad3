import { create } from 'zustand';
import type { ApiInput, ApiOutput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { ChecklistTemplate, ReadinessBoardRow, ReadinessView, ReleaseAuditEntry } from '../../../../electron/contract/readiness-entities';
import type { Collision } from '../../../../electron/contract/calendar-entities';
import { api } from '../../api/api-client';
import { runWork } from '../../api/long-work';
import { refreshOn } from '../../api/workspace-changes';
import { useReleasesStore } from '../releases/releases-store';

/**
 * Readiness: the board over a date range, and per release its readiness, checklist and back-trace audit. Every
 * write re-reads the release (the core derives states from append-only records; the UI never guesses them).
 */
interface ReadinessState {
  range: { from: string; to: string };
  board: ReadinessBoardRow[];
  collisions: Collision[];
  boardLoading: boolean;
  boardError: string | null;
  views: Record<string, ReadinessView>;
  audits: Record<string, ReleaseAuditEntry[]>;
  templates: ChecklistTemplate[];
  setRange(from: string, to: string): Promise<void>;
  loadBoard(): Promise<void>;
  loadRelease(releaseId: string): Promise<ApiResult<ReadinessView>>;
  loadAudit(releaseId: string): Promise<void>;
  signoff(input: ApiInput<'readiness.signoff'>): Promise<ApiResult<ReadinessView>>;
  tick(releaseId: string, input: ApiInput<'checklists.tick'>): Promise<ApiResult<unknown>>;
  waive(releaseId: string, input: ApiInput<'checklists.waive'>): Promise<ApiResult<unknown>>;
  addDefaultChecklists(releaseId: string): Promise<ApiResult<unknown>>;
  exportAudit(releaseId: string, format: 'csv' | 'json'): Promise<ApiResult<ApiOutput<'audit.releaseExport'>>>;
}

const DAY = 86_400_000;

function nextTwoWeeks(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { from: start.toISOString(), to: new Date(start.getTime() + 14 * DAY).toISOString() };
}

export const useReadinessStore = create<ReadinessState>((set, get) => {
  /** After a write: the release, its audit, the board and its status check (a halt can contradict "Go") all show it. */
  const refreshRelease = async (releaseId: string) => {
    await Promise.all([get().loadRelease(releaseId), get().loadAudit(releaseId), get().loadBoard(), useReleasesStore.getState().loadChecks([releaseId])]);
  };

  return {
    range: nextTwoWeeks(),
    board: [],
    collisions: [],
    boardLoading: false,
    boardError: null,
    views: {},
    audits: {},
    templates: [],
    async setRange(from, to) {
      set({ range: { from, to } });
      await get().loadBoard();
    },
    async loadBoard() {
      const { from, to } = get().range;
      set({ boardLoading: true });
      const [board, collisions] = await Promise.all([api['readiness.board']({ from, to }), api['collisions.list']({ from, to })]);
      set({
        boardLoading: false,
        boardError: board.ok ? null : board.error.message,
        board: board.ok ? board.value : [],
        // Collisions are extra information on the board: a failure there must not hide the readiness.
        collisions: collisions.ok ? collisions.value : [],
      });
    },
    async loadRelease(releaseId) {
      const result = await api['readiness.get']({ releaseId });
      if (result.ok) set((s) => ({ views: { ...s.views, [releaseId]: result.value } }));
      return result;
    },
    async loadAudit(releaseId) {
      const result = await api['audit.release']({ releaseId });
      if (result.ok) set((s) => ({ audits: { ...s.audits, [releaseId]: result.value } }));
    },
    async signoff(input) {
      const result = await api['readiness.signoff'](input);
      if (result.ok) await refreshRelease(input.releaseId);
      return result;
    },
    async tick(releaseId, input) {
      const result = await api['checklists.tick'](input);
      if (result.ok) await refreshRelease(releaseId);
      return result;
    },
    async waive(releaseId, input) {
      const result = await api['checklists.waive'](input);
      if (result.ok) await refreshRelease(releaseId);
      return result;
    },
    async addDefaultChecklists(releaseId) {
      // Seeding is idempotent in the core: it adds a default template only for states that have none.
      const templates = await api['checklists.templates.seedDefaults']({});
      if (!templates.ok) return templates;
      set({ templates: templates.value });
      const present = new Set((get().views[releaseId]?.checklist ?? []).map((i) => i.templateId));
      const byState = new Map<string, ChecklistTemplate>();
      for (const t of templates.value) if (!byState.has(t.state)) byState.set(t.state, t);
      let last: ApiResult<unknown> = { ok: true, value: null };
      for (const template of byState.values()) {
        if (present.has(template.id)) continue;
        last = await api['checklists.instantiate']({ releaseId, templateId: template.id });
        if (!last.ok) break;
      }
      await refreshRelease(releaseId);
      return last;
    },
    exportAudit: (releaseId, format) => runWork(`Exporting the audit as ${format.toUpperCase()}`, (work) => api['audit.releaseExport']({ releaseId, format }, work)),
  };
});

// Sign-offs, ticks, waivers and decisions made elsewhere show on the open board and release without a timer.
refreshOn(['release', 'signoff', 'checklistItem', 'checklistTick', 'checklistWaiver', 'meetingDecision', 'settings', 'readinessPolicy', 'deviceKey', 'person'], () => {
  const state = useReadinessStore.getState();
  void state.loadBoard();
  for (const releaseId of Object.keys(state.views)) void state.loadRelease(releaseId);
  for (const releaseId of Object.keys(state.audits)) void state.loadAudit(releaseId);
});
