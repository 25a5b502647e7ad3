import dayjs from 'dayjs';
import { create } from 'zustand';
import type { ApiInput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import {
  DEFAULT_DORA_REPORT_YEAR,
  type Deployment,
  type DeploymentsCsvResult,
  type DoraReportYear,
  type MetricsView,
  type ReleaseOutcome,
  type TrendBucket,
} from '../../../../electron/contract/outcomes-entities';
import { api } from '../../api/api-client';
import { runWork } from '../../api/long-work';
import { applyResult } from '../../shared/api-result';
import { downloadFile } from '../readiness/download-file';

export interface MetricsFilters {
  from: string;
  to: string;
  bucket: TrendBucket;
  systemId: string | null;
  environmentId: string | null;
  /** Whose performance bands: the DORA report of this year. */
  reportYear: DoraReportYear;
}

interface MetricsState {
  filters: MetricsFilters;
  view: MetricsView | null;
  loading: boolean;
  loadError: string | null;
  /** Per release, for the release drawer: its deployments, changes and review. */
  outcomes: Record<string, ReleaseOutcome | undefined>;
  setFilters(changes: Partial<MetricsFilters>): Promise<void>;
  load(): Promise<void>;
  exportCsv(): Promise<ApiResult<unknown>>;
  recordDeployment(input: ApiInput<'deployments.record'>): Promise<ApiResult<Deployment>>;
  removeDeployment(id: string, releaseId: string): Promise<ApiResult<unknown>>;
  restoreDeployment(id: string, releaseId: string): Promise<ApiResult<unknown>>;
  restoreIncident(id: string, releaseId: string, restoredAt: string): Promise<ApiResult<unknown>>;
  checkCsv(content: string): Promise<ApiResult<DeploymentsCsvResult>>;
  importCsv(content: string): Promise<ApiResult<DeploymentsCsvResult>>;
  loadOutcome(releaseId: string): Promise<void>;
  saveReview(input: ApiInput<'reviews.save'>): Promise<ApiResult<unknown>>;
  closeReview(releaseId: string): Promise<ApiResult<unknown>>;
}

/** The last `days` days up to and including today, in the viewer's days (as the core counts them: the viewer's zone). */
export function lastDays(days: number): { from: string; to: string } {
  const today = dayjs();
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

export const useMetricsStore = create<MetricsState>((set, get) => {
  const input = (): ApiInput<'metrics.compute'> => {
    const { from, to, bucket, systemId, environmentId, reportYear } = get().filters;
    return { from, to, bucket, systemId: systemId ?? undefined, environmentId: environmentId ?? undefined, reportYear };
  };
  /** A write changes the figures and the release's outcome: refresh both (the figures only if they were shown). */
  const refresh = (releaseId?: string) => {
    if (get().view !== null || get().loadError !== null) void get().load();
    if (releaseId) void get().loadOutcome(releaseId);
  };

  return {
    filters: { ...lastDays(28), bucket: 'week', systemId: null, environmentId: null, reportYear: DEFAULT_DORA_REPORT_YEAR },
    view: null,
    loading: false,
    loadError: null,
    outcomes: {},
    async setFilters(changes) {
      set({ filters: { ...get().filters, ...changes } });
      await get().load();
    },
    async load() {
      set({ loading: true });
      const result = await api['metrics.compute'](input());
      set(result.ok ? { view: result.value, loadError: null, loading: false } : { loadError: result.error.message, loading: false });
    },
    exportCsv: () => applyResult(runWork('Exporting the metrics as CSV', (work) => api['metrics.exportCsv'](input(), work)), downloadFile),
    recordDeployment: (deployment) => applyResult(api['deployments.record'](deployment), (d) => refresh(d.releaseId)),
    removeDeployment: (id, releaseId) => applyResult(api['deployments.delete']({ id }), () => refresh(releaseId)),
    restoreDeployment: (id, releaseId) => applyResult(api['deployments.restore']({ id }), () => refresh(releaseId)),
    restoreIncident: (id, releaseId, restoredAt) => applyResult(api['incidents.update']({ id, changes: { restoredAt } }), () => refresh(releaseId)),
    checkCsv: (content) => api['deployments.importCsv']({ content, dryRun: true }),
    importCsv: (content) => applyResult(api['deployments.importCsv']({ content, dryRun: false }), () => refresh()),
    async loadOutcome(releaseId) {
      const result = await api['outcomes.release']({ releaseId });
      if (result.ok) set({ outcomes: { ...get().outcomes, [releaseId]: result.value } });
    },
    saveReview: (review) => applyResult(api['reviews.save'](review), () => refresh(review.releaseId)),
    closeReview: (releaseId) => applyResult(api['reviews.close']({ releaseId }), () => refresh(releaseId)),
  };
});
