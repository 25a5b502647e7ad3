import { create } from 'zustand';
import type { ApiResult } from '../../../electron/contract/api-result';
import type { WorkOptions } from '../../../electron/contract/work-contract';
import { api } from './api-client';
import { onWorkProgress } from './workspace-changes';

/** A long call under way (contract/work-contract.ts): what it is, how far it has come. */
export interface RunningWork {
  jobId: string;
  /** What the user asked for, as a sentence fragment: "Exporting the runbook as PDF". */
  label: string;
  done: number;
  total: number;
}

interface WorkState {
  running: RunningWork[];
  cancel(jobId: string): Promise<void>;
}

/** Every long call of the page, for the one progress panel (shell/WorkProgressPanel.tsx). */
export const useWorkStore = create<WorkState>((set) => ({
  running: [],
  cancel: async (jobId) => {
    await api['work.cancel']({ jobId });
    set((s) => ({ running: s.running.filter((w) => w.jobId !== jobId) }));
  },
}));

onWorkProgress((progress) =>
  useWorkStore.setState((s) => ({ running: s.running.map((w) => (w.jobId === progress.jobId ? { ...w, done: progress.done, total: progress.total } : w)) })),
);

/**
 * Makes a long call with a job id, so the progress panel shows it with a Cancel. Feature stores wrap their long
 * calls in this; a cancelled call answers with the error code `cancelled`.
 */
export async function runWork<T>(label: string, call: (work: WorkOptions) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const jobId = crypto.randomUUID().replaceAll('-', '');
  useWorkStore.setState((s) => ({ running: [...s.running, { jobId, label, done: 0, total: 0 }] }));
  try {
    return await call({ jobId });
  } finally {
    useWorkStore.setState((s) => ({ running: s.running.filter((w) => w.jobId !== jobId) }));
  }
}
