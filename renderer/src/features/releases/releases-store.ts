import { create } from 'zustand';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { AuditEntry, Release, ReleaseCreateInput, ReleasePatchInput } from '../../../../electron/contract/entities';
import type { ReleaseStatusCheck } from '../../../../electron/contract/release-status-entities';
import { api } from '../../api/api-client';
import { applyResult } from '../../shared/api-result';
import { refreshOn } from '../../api/workspace-changes';

interface ReleasesState {
  releases: Release[];
  loaded: boolean;
  loadError: string | null;
  history: Record<string, AuditEntry[] | undefined>;
  historyError: string | null;
  /**
   * Status beside the gate and the runbook, per release: every release that can disagree (going, or whose runbook
   * ran), and any release whose drawer was opened. A release missing here agrees by construction.
   */
  checks: Record<string, ReleaseStatusCheck | undefined>;
  load(): Promise<void>;
  /** Re-reads the checks: after a release changes, a sign-off, or a step of a runbook. */
  loadChecks(releaseIds?: string[]): Promise<void>;
  create(input: ReleaseCreateInput): Promise<ApiResult<Release>>;
  update(id: string, changes: ReleasePatchInput): Promise<ApiResult<Release>>;
  remove(id: string): Promise<ApiResult<{ id: string }>>;
  restore(id: string): Promise<ApiResult<Release>>;
  loadHistory(id: string): Promise<void>;
}

/** Keeps the list in the core's order (window start, then name) without re-fetching 10,000 rows after each edit. */
function byWindowThenName(a: Release, b: Release): number {
  return a.windowStart.localeCompare(b.windowStart) || a.name.localeCompare(b.name);
}

export const useReleasesStore = create<ReleasesState>((set, get) => {
  const upsert = (release: Release) => {
    const others = get().releases.filter((r) => r.id !== release.id);
    set({ releases: [...others, release].sort(byWindowThenName) });
    // Every change adds history; refresh it so an open detail panel lists the edit at once.
    void get().loadHistory(release.id);
    void get().loadChecks([release.id]);
  };

  return {
    releases: [],
    loaded: false,
    loadError: null,
    history: {},
    historyError: null,
    checks: {},
    async load() {
      const result = await api['releases.list']({});
      set(result.ok ? { releases: result.value, loaded: true, loadError: null } : { loaded: true, loadError: result.error.message });
      void get().loadChecks();
    },
    async loadChecks(releaseIds) {
      const result = await api['releases.statusChecks'](releaseIds ? { releaseIds } : {});
      if (!result.ok) return;
      const fresh = Object.fromEntries(result.value.map((c) => [c.releaseId, c]));
      // A full read replaces every check (a release that agrees again drops out); a read by id updates those.
      set({ checks: releaseIds ? { ...get().checks, ...fresh } : fresh });
    },
    create: (input) => applyResult(api['releases.create'](input), upsert),
    update: (id, changes) => applyResult(api['releases.update']({ id, changes }), upsert),
    remove: (id) =>
      applyResult(api['releases.delete']({ id }), () => set({ releases: get().releases.filter((r) => r.id !== id) })),
    restore: (id) => applyResult(api['releases.restore']({ id }), upsert),
    async loadHistory(id) {
      const result = await api['audit.history']({ entity: 'release', id });
      if (result.ok) set({ history: { ...get().history, [id]: result.value }, historyError: null });
      else set({ historyError: result.error.message });
    },
  };
});

// A release changed by a sync shows on the open screen without a timer (contract/change-feed.ts).
refreshOn(['release'], () => useReleasesStore.getState().loaded && useReleasesStore.getState().load());
