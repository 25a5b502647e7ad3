import { create } from 'zustand';
import type { ApiInput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { Collision, IcsImportPreview, StoredWindowKind, Window, WindowOccurrence } from '../../../../electron/contract/calendar-entities';
import { api } from '../../api/api-client';
import { applyResult } from '../../shared/api-result';
import { downloadFile } from '../readiness/download-file';
import { useReleasesStore } from '../releases/releases-store';
import { useReleasesViewStore } from '../releases/releases-view-store';
import { NO_CALENDAR_FILTERS, type CalendarFilters } from './calendar-events';
import { fetchRange, stepAnchor, TIMELINE_ZOOMS, visiblePeriod, type CalendarView, type TimelineZoom } from './calendar-range';
import { refreshOn } from '../../api/workspace-changes';
import { snapStep } from './calendar-timeline-grid';

/** What a dragged release would collide with at its new times; `collisions` is null while the core is asked. */
export interface DragPreview {
  releaseId: string;
  start: string;
  end: string;
  collisions: Collision[] | null;
  error: string | null;
}

/** A release being moved or resized with the keyboard: where it would be now; nothing is saved until Enter. */
export interface KeyMove {
  releaseId: string;
  start: number;
  end: number;
}

export type WindowEditorTarget =
  | { mode: 'closed' }
  | { mode: 'create'; kind: StoredWindowKind; start?: string; end?: string }
  | { mode: 'edit'; windowId: string };

export type WindowInput = ApiInput<'windows.create'>;

interface CalendarState {
  view: CalendarView;
  zoom: TimelineZoom;
  anchor: Date;
  filters: CalendarFilters;
  search: string;
  occurrences: WindowOccurrence[];
  collisions: Collision[];
  /** The collisions of a newly shown period are still being computed. */
  collisionsLoading: boolean;
  loaded: boolean;
  loading: boolean;
  loadError: string | null;
  /** The collision the person clicked in the list: its events are highlighted. */
  focusedKey: string | null;
  dragPreview: DragPreview | null;
  keyMove: KeyMove | null;
  windowEditor: WindowEditorTarget;
  setView(view: CalendarView): void;
  setZoom(zoom: TimelineZoom): void;
  zoomBy(step: -1 | 1): void;
  step(direction: -1 | 1): void;
  goTo(date: Date): void;
  /** One day on the timeline: where a crowded day of the month grid opens. */
  openDay(day: Date): void;
  setFilters(filters: Partial<CalendarFilters>): void;
  clearFilters(): void;
  setSearch(search: string): void;
  load(): Promise<void>;
  previewMove(releaseId: string, start: Date, end: Date): void;
  endPreview(): void;
  /**
   * One keyboard step of a move (both ends) or a resize (the end only) of a release, from where it is drawn, by the
   * view's step: a day on the month grid, half an hour on the week, the zoom's snap on the timeline.
   */
  nudgeRelease(releaseId: string, drawn: { start: Date; end: Date }, mode: 'move' | 'resize', direction: -1 | 1): void;
  cancelKeyMove(): void;
  moveRelease(releaseId: string, start: Date, end: Date): Promise<ApiResult<unknown>>;
  accept(key: string, reason: string): Promise<ApiResult<Collision>>;
  unaccept(key: string): Promise<ApiResult<unknown>>;
  focusCollision(collision: Collision | null): void;
  openRelease(id: string): Promise<void>;
  openWindowEditor(target: WindowEditorTarget): void;
  getWindow(id: string): Promise<ApiResult<Window>>;
  saveWindow(id: string | null, input: WindowInput): Promise<ApiResult<Window>>;
  deleteWindow(id: string): Promise<ApiResult<unknown>>;
  restoreWindow(window: Window): Promise<ApiResult<Window>>;
  exportIcs(whole: boolean): Promise<ApiResult<unknown>>;
  previewImport(input: ApiInput<'calendar.importIcs'>): Promise<ApiResult<IcsImportPreview>>;
  importIcs(input: ApiInput<'calendar.importIcs'>): Promise<ApiResult<{ created: Window[]; warnings: string[] }>>;
}

/** More than a person can read in a side panel; past it the panel says the list is cut (sorted by start). */
export const COLLISION_LIMIT = 2000;

const DAY_MS = 86_400_000;

/** Drag steps arrive many times a second; the core is asked once the pointer rests this long. */
const PREVIEW_DEBOUNCE_MS = 120;

export const useCalendarStore = create<CalendarState>((set, get) => {
  let loadSeq = 0;
  let lastRange: { from: string; to: string } | null = null;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewSeq = 0;
  const reload = () => void get().load();
  const thenReload = async <T>(call: Promise<ApiResult<T>>) => applyResult(call, reload);

  return {
    view: 'month',
    zoom: 'month',
    anchor: new Date(),
    filters: NO_CALENDAR_FILTERS,
    search: '',
    occurrences: [],
    collisions: [],
    collisionsLoading: false,
    loaded: false,
    loading: false,
    loadError: null,
    focusedKey: null,
    dragPreview: null,
    keyMove: null,
    windowEditor: { mode: 'closed' },

    setView: (view) => {
      set({ view });
      reload();
    },
    setZoom: (zoom) => {
      set({ zoom });
      reload();
    },
    zoomBy: (step) => {
      const index = TIMELINE_ZOOMS.indexOf(get().zoom) + step;
      if (index >= 0 && index < TIMELINE_ZOOMS.length) get().setZoom(TIMELINE_ZOOMS[index]);
    },
    step: (direction) => get().goTo(stepAnchor(get().view, get().zoom, get().anchor, direction)),
    goTo: (anchor) => {
      set({ anchor });
      reload();
    },
    openDay: (anchor) => {
      set({ anchor, view: 'timeline', zoom: 'day' });
      reload();
    },
    setFilters: (filters) => set({ filters: { ...get().filters, ...filters } }),
    clearFilters: () => set({ filters: NO_CALENDAR_FILTERS, search: '' }),
    setSearch: (search) => set({ search }),

    // Only the period on screen is fetched (plus a day each side): 10,000 releases must not cost a month view. Events
    // first, collisions after: the grid shows as soon as it can, and a dense month's collisions (computed with their
    // sentences) do not hold it back. A new period clears the old collisions; a reload of the same one keeps them.
    async load() {
      const seq = ++loadSeq;
      const { view, zoom, anchor } = get();
      const range = fetchRange(visiblePeriod(view, zoom, anchor));
      const samePeriod = lastRange?.from === range.from && lastRange?.to === range.to;
      lastRange = range;
      set({ loading: true, ...(samePeriod ? {} : { collisions: [], collisionsLoading: true }) });
      const occurrences = await api['windows.occurrences'](range);
      if (seq !== loadSeq) return;
      if (!occurrences.ok) return set({ loading: false, loaded: true, collisionsLoading: false, loadError: occurrences.error.message });
      set({ loading: false, loaded: true, loadError: null, occurrences: occurrences.value });
      const collisions = await api['collisions.list']({ ...range, limit: COLLISION_LIMIT });
      if (seq !== loadSeq) return;
      if (!collisions.ok) return set({ collisionsLoading: false, loadError: collisions.error.message });
      set({ collisionsLoading: false, collisions: collisions.value });
    },

    previewMove(releaseId, start, end) {
      const wanted = { releaseId, start: start.toISOString(), end: end.toISOString() };
      const current = get().dragPreview;
      if (current && current.releaseId === releaseId && current.start === wanted.start && current.end === wanted.end) return;
      set({ dragPreview: { ...wanted, collisions: null, error: null } });
      clearTimeout(previewTimer);
      previewTimer = setTimeout(async () => {
        const seq = ++previewSeq;
        const result = await api['collisions.preview']({ releaseId, windowStart: wanted.start, windowEnd: wanted.end });
        const still = get().dragPreview;
        if (seq !== previewSeq || !still || still.start !== wanted.start || still.end !== wanted.end) return;
        set({ dragPreview: { ...still, collisions: result.ok ? result.value : [], error: result.ok ? null : result.error.message } });
      }, PREVIEW_DEBOUNCE_MS);
    },
    endPreview() {
      clearTimeout(previewTimer);
      previewSeq++;
      set({ dragPreview: null, keyMove: null });
    },
    nudgeRelease(releaseId, drawn, mode, direction) {
      const { view, zoom, keyMove } = get();
      const step = view === 'month' ? DAY_MS : view === 'week' ? 30 * 60_000 : snapStep(zoom);
      const from = keyMove?.releaseId === releaseId ? keyMove : { start: drawn.start.getTime(), end: drawn.end.getTime() };
      const start = mode === 'move' ? from.start + direction * step : from.start;
      const end = from.end + direction * step;
      // A resize that would end the release before it starts is a step too far: it stays as it is.
      if (end <= start) return;
      set({ keyMove: { releaseId, start, end } });
      get().previewMove(releaseId, new Date(start), new Date(end));
    },
    cancelKeyMove: () => get().endPreview(),

    async moveRelease(releaseId, start, end) {
      get().endPreview();
      const windowStart = start.toISOString();
      const windowEnd = end.toISOString();
      // Draw it where it was dropped at once; the reload after the save brings the collisions up to date.
      const before = get().occurrences;
      set({ occurrences: before.map((o) => (o.kind === 'release' && o.sourceId === releaseId ? { ...o, start: windowStart, end: windowEnd } : o)) });
      // Through the releases store, so an open release drawer and the releases table show the new window too.
      const result = await useReleasesStore.getState().update(releaseId, { windowStart, windowEnd });
      if (!result.ok) set({ occurrences: before });
      await get().load();
      return result;
    },

    accept: (key, reason) => thenReload(api['collisions.accept']({ key, reason })),
    unaccept: (key) => thenReload(api['collisions.unaccept']({ key })),
    focusCollision(collision) {
      if (!collision) return set({ focusedKey: null });
      set({ focusedKey: collision.key });
      const start = new Date(collision.start);
      const { start: shownFrom, end: shownTo } = visiblePeriod(get().view, get().zoom, get().anchor);
      if (start < shownFrom || start >= shownTo) get().goTo(start);
    },

    async openRelease(id) {
      // The detail drawer reads the releases store; the calendar itself never loads every release.
      const releases = useReleasesStore.getState();
      if (!releases.releases.some((r) => r.id === id)) await releases.load();
      useReleasesViewStore.getState().select(id);
    },
    openWindowEditor: (windowEditor) => set({ windowEditor }),
    getWindow: (id) => api['windows.get']({ id }),
    saveWindow: (id, input) => {
      if (id === null) return thenReload(api['windows.create'](input));
      const { kind: _kind, ...changes } = input;
      return thenReload(api['windows.update']({ id, changes }));
    },
    deleteWindow: (id) => thenReload(api['windows.delete']({ id })),
    // There is no windows.restore: undoing a delete creates the same window again (a new id, the same fields).
    restoreWindow: ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }) => thenReload(api['windows.create'](fields)),

    async exportIcs(whole) {
      const { view, zoom, anchor, filters } = get();
      const period = visiblePeriod(view, zoom, anchor);
      // The API filters by one environment; with exactly one picked the file holds just that environment.
      const environmentId = !whole && filters.environmentIds.length === 1 ? filters.environmentIds[0] : undefined;
      const input = whole ? {} : { from: period.start.toISOString(), to: period.end.toISOString(), environmentId };
      return applyResult(api['calendar.exportIcs'](input), ({ ics }) =>
        downloadFile({ fileName: whole ? 'release-calendar.ics' : `release-calendar-${period.start.toISOString().slice(0, 10)}.ics`, mimeType: 'text/calendar', content: ics }),
      );
    },
    previewImport: (input) => api['calendar.previewIcsImport'](input),
    importIcs: (input) => thenReload(api['calendar.importIcs'](input)),
  };
});

// Releases and windows changed by a sync show on the open calendar without a timer.
refreshOn(['release', 'window', 'collisionAcceptance', 'runbookStep'], () => useCalendarStore.getState().loaded && useCalendarStore.getState().load());
