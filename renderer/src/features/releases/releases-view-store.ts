import { create } from 'zustand';
import type { ReleaseStatus } from '../../../../electron/contract/entities';

export type ReleaseGrouping = 'none' | 'status' | 'environment';

export interface ReleaseFilters {
  statuses: ReleaseStatus[];
  environmentIds: string[];
  systemIds: string[];
  ownerIds: string[];
  /** Only the releases the person chosen on this device ("You are") owns. */
  mine: boolean;
  /** Only releases whose window touches this week (Monday to Sunday, the viewer's days). */
  thisWeek: boolean;
}

/** The form is either closed, planning a new release, or editing one. */
export type ReleaseFormTarget = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; releaseId: string };

/**
 * How the releases screen is looked at, kept apart from the data so that menu commands and keyboard shortcuts
 * outside the screen (the app shell) can open the form.
 */
interface ReleasesViewState {
  search: string;
  filters: ReleaseFilters;
  grouping: ReleaseGrouping;
  selectedId: string | null;
  form: ReleaseFormTarget;
  /** Bumped by "Today": the table scrolls back to today's divider. */
  todayRequest: number;
  scrollToToday(): void;
  setSearch(search: string): void;
  setFilters(filters: Partial<ReleaseFilters>): void;
  clearFilters(): void;
  setGrouping(grouping: ReleaseGrouping): void;
  select(id: string | null): void;
  openCreate(): void;
  openEdit(releaseId: string): void;
  closeForm(): void;
}

const NO_FILTERS: ReleaseFilters = { statuses: [], environmentIds: [], systemIds: [], ownerIds: [], mine: false, thisWeek: false };

export const useReleasesViewStore = create<ReleasesViewState>((set, get) => ({
  search: '',
  filters: NO_FILTERS,
  grouping: 'none',
  selectedId: null,
  form: { mode: 'closed' },
  todayRequest: 0,
  scrollToToday: () => set({ todayRequest: get().todayRequest + 1 }),
  setSearch: (search) => set({ search }),
  setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
  clearFilters: () => set({ filters: NO_FILTERS, search: '' }),
  setGrouping: (grouping) => set({ grouping }),
  select: (selectedId) => set({ selectedId }),
  openCreate: () => set({ form: { mode: 'create' } }),
  openEdit: (releaseId) => set({ form: { mode: 'edit', releaseId } }),
  closeForm: () => set({ form: { mode: 'closed' } }),
}));

export function activeFilterCount(filters: ReleaseFilters): number {
  return Object.values(filters).filter((value: readonly string[] | boolean) => (typeof value === 'boolean' ? value : value.length > 0)).length;
}
