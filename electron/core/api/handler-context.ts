import os from 'node:os';
import type { WorkspaceStore } from '../store/workspace-store';
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../../contract/api-contract';
import { machineTimeZone } from '../domain/calendar/zoned-time';

export interface HandlerContext {
  store: WorkspaceStore;
  /** The author recorded on changes made from this device: the chosen person, or the device's OS user. */
  author(): string;
  /**
   * The zone of whoever reads the answers (issue 18: one time zone per sentence): collision sentences, the gate's
   * deadlines, the audit, the agenda and the minutes write their times in it. The screen says which when it opens;
   * the CLI and a pipeline read this machine's zone.
   */
  viewerZone(): string;
  setViewerZone(zone: string): void;
  /**
   * Long work (contract/work-contract.ts) says how far it has come: `done` of `total` units. Followed when the call
   * runs in a worker for a caller that named a job; a no-op otherwise.
   */
  progress: (done: number, total: number) => void;
  /** Stops a long call running in a worker (work.cancel); false when there is none by that id. */
  cancelWork: (jobId: string) => boolean;
}

export type Handler<M extends ApiMethod> = (ctx: HandlerContext, input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
export type HandlerMap<K extends ApiMethod> = { [M in K]: Handler<M> };

export function createHandlerContext(store: WorkspaceStore): HandlerContext {
  let viewerZone = machineTimeZone();
  return {
    store,
    author: () => store.getMeta('current_person_id') ?? `device:${safeUserName()}`,
    viewerZone: () => viewerZone,
    setViewerZone: (zone) => {
      viewerZone = zone;
    },
    progress: () => {},
    cancelWork: () => false,
  };
}

let userName: string | undefined;

/** The account name, read once: os.userInfo() is a system call, and every write asks for its author. */
function safeUserName(): string {
  if (userName !== undefined) return userName;
  try {
    userName = os.userInfo().username || 'unknown';
  } catch {
    userName = 'unknown';
  }
  return userName;
}
