import { create } from 'zustand';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { KeysOverview } from '../../../../electron/contract/keys-contract';
import { api } from '../../api/api-client';

/**
 * Device keys as this device sees them (docs/sync.md, "Signed records"): the root, this device's key and whom it
 * signs for, and every request, enrolment and revocation. Small, read by the header and by every screen that records
 * a signed record, so it is loaded once and again after each key action or sync.
 */
interface KeysState {
  overview: KeysOverview | null;
  loadError: string | null;
  load(): Promise<void>;
  request(personId: string): Promise<ApiResult<KeysOverview>>;
  enrol(deviceId: string, personId: string): Promise<ApiResult<KeysOverview>>;
  revoke(deviceId: string, personId: string | null, reason: string): Promise<ApiResult<KeysOverview>>;
}

export const useKeysStore = create<KeysState>((set) => {
  const keep = async (call: Promise<ApiResult<KeysOverview>>) => {
    const result = await call;
    if (result.ok) set({ overview: result.value, loadError: null });
    return result;
  };
  return {
    overview: null,
    loadError: null,
    async load() {
      const result = await api['keys.list']({});
      set(result.ok ? { overview: result.value, loadError: null } : { loadError: result.error.message });
    },
    request: (personId) => keep(api['keys.request']({ personId })),
    enrol: (deviceId, personId) => keep(api['keys.enrol']({ deviceId, personId })),
    revoke: (deviceId, personId, reason) => keep(api['keys.revoke']({ deviceId, personId, reason })),
  };
});
