import { create } from 'zustand';
import type { ApiInput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { FolderInspection, SyncConflict, SyncReport, SyncSettings, SyncStatus } from '../../../../electron/contract/sync-entities';
import { api } from '../../api/api-client';
import { onLiveEvent } from '../../api/live-events';
import { refreshOn } from '../../api/workspace-changes';

/**
 * Sync as the UI sees it. The sync itself runs in the core's process (live, with a timer as the fallback); this store
 * reloads the status when the core says it changed (the live feed, the change feed), never on a timer.
 */
interface SyncState {
  status: SyncStatus | null;
  conflicts: SyncConflict[];
  syncing: boolean;
  /** What the folder typed in Settings → Sync holds (encrypted or not, whose files are unencrypted). */
  inspection: FolderInspection | null;
  /** The folder as typed when it was inspected. */
  inspectedFolder: string;
  loadStatus(): Promise<void>;
  inspectFolder(folder: string): Promise<void>;
  loadConflicts(): Promise<void>;
  configure(input: ApiInput<'sync.configure'>): Promise<ApiResult<SyncSettings>>;
  syncNow(): Promise<ApiResult<SyncReport>>;
  resolve(id: string, keep: 'other' | 'current'): Promise<ApiResult<SyncConflict>>;
}

export const useSyncStore = create<SyncState>((set, get) => ({
  status: null,
  conflicts: [],
  syncing: false,
  inspection: null,
  inspectedFolder: '',
  async loadStatus() {
    const result = await api['sync.status']({});
    if (result.ok) set({ status: result.value });
  },
  async inspectFolder(folder) {
    if (!folder.trim()) return set({ inspection: null, inspectedFolder: folder });
    const result = await api['sync.inspectFolder']({ folder });
    set({ inspection: result.ok ? result.value : null, inspectedFolder: folder });
  },
  async loadConflicts() {
    const result = await api['sync.conflicts']({});
    if (result.ok) set({ conflicts: result.value });
  },
  async configure(input) {
    const result = await api['sync.configure'](input);
    await get().loadStatus();
    if (input.folder) await get().inspectFolder(input.folder);
    return result;
  },
  async syncNow() {
    set({ syncing: true });
    try {
      return await api['sync.now']({});
    } finally {
      set({ syncing: false });
      const folder = get().inspectedFolder;
      await Promise.all([get().loadStatus(), get().loadConflicts(), folder ? get().inspectFolder(folder) : null]);
    }
  },
  async resolve(id, keep) {
    const result = await api['sync.resolveConflict']({ id, keep });
    await Promise.all([get().loadStatus(), get().loadConflicts()]);
    return result;
  },
}));

// Whatever changes, the header's counts (waiting, conflicts, held) follow at once.
refreshOn('all', () => useSyncStore.getState().loadStatus(), 'any');
// A sync started, progressed or ended, the stream connected or dropped: the status follows at once.
onLiveEvent((event) => event.kind === 'status' && void useSyncStore.getState().loadStatus());
