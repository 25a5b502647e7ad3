import { create } from 'zustand';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { VerifyReport } from '../../../../electron/contract/verify-contract';
import { api } from '../../api/api-client';

/**
 * The workspace checked whole when it opens (docs/sync.md, "Signed records"): every signature, every chain, the
 * root and every row against its change log. `repairs` counts repairs, so the screens can read their data again.
 */
interface VerifyState {
  report: VerifyReport | null;
  checking: boolean;
  checkError: string | null;
  dismissed: boolean;
  repairs: number;
  check(): Promise<void>;
  repair(): Promise<ApiResult<VerifyReport>>;
  dismiss(): void;
}

export const useVerifyStore = create<VerifyState>((set) => ({
  report: null,
  checking: false,
  checkError: null,
  dismissed: false,
  repairs: 0,
  async check() {
    set({ checking: true });
    const result = await api['workspace.verify']({});
    set(result.ok ? { checking: false, report: result.value, checkError: null, dismissed: false } : { checking: false, checkError: result.error.message });
  },
  async repair() {
    const result = await api['workspace.repair']({});
    if (result.ok) set((s) => ({ report: result.value, repairs: s.repairs + 1 }));
    return result;
  },
  dismiss: () => set({ dismissed: true }),
}));
