import { create } from 'zustand';
import type { ApiInput, ApiOutput } from '../../../../electron/contract/api-contract';
import type { ApiResult } from '../../../../electron/contract/api-result';
import type { MeetingSummary, MeetingView } from '../../../../electron/contract/meetings-entities';
import { api } from '../../api/api-client';
import { runWork } from '../../api/long-work';
import { refreshOn } from '../../api/workspace-changes';

/** Coordination meetings: the list, and the one open meeting (every write returns it whole). */
interface MeetingsState {
  list: MeetingSummary[];
  loaded: boolean;
  openId: string | null;
  view: MeetingView | null;
  loadList(): Promise<void>;
  open(id: string | null): Promise<void>;
  create(input: ApiInput<'meetings.create'>): Promise<ApiResult<MeetingView>>;
  remove(id: string): Promise<ApiResult<unknown>>;
  restore(id: string): Promise<ApiResult<MeetingView>>;
  setAttendees(personIds: string[]): Promise<ApiResult<MeetingView>>;
  update(changes: ApiInput<'meetings.update'>['changes']): Promise<ApiResult<MeetingView>>;
  decide(input: Omit<ApiInput<'meetings.decide'>, 'meetingId'>): Promise<ApiResult<MeetingView>>;
  setPrepared(input: Omit<ApiInput<'meetings.setEnvironmentPrepared'>, 'meetingId'>): Promise<ApiResult<MeetingView>>;
  addAction(input: Omit<ApiInput<'meetings.actions.create'>, 'meetingId'>): Promise<ApiResult<MeetingView>>;
  completeAction(id: string, done: boolean): Promise<ApiResult<MeetingView>>;
  exportMinutes(format: 'md' | 'pdf'): Promise<ApiResult<ApiOutput<'meetings.exportMinutes'>>>;
}

export const useMeetingsStore = create<MeetingsState>((set, get) => {
  const meetingId = () => get().openId ?? '';
  /** A write's result is the whole meeting: show it, and refresh the counts in the list. */
  const showing = async (call: Promise<ApiResult<MeetingView>>) => {
    const result = await call;
    if (result.ok) {
      set({ view: result.value, openId: result.value.meeting.id });
      void get().loadList();
    }
    return result;
  };

  return {
    list: [],
    loaded: false,
    openId: null,
    view: null,
    async loadList() {
      const result = await api['meetings.list']({});
      set({ loaded: true, list: result.ok ? result.value : [] });
    },
    async open(id) {
      set({ openId: id, view: id && get().view?.meeting.id === id ? get().view : null });
      if (!id) return;
      const result = await api['meetings.get']({ id });
      if (result.ok && get().openId === id) set({ view: result.value });
    },
    create: (input) => showing(api['meetings.create'](input)),
    async remove(id) {
      const result = await api['meetings.delete']({ id });
      if (result.ok) {
        if (get().openId === id) set({ openId: null, view: null });
        await get().loadList();
      }
      return result;
    },
    restore: (id) => showing(api['meetings.restore']({ id })),
    setAttendees: (personIds) => showing(api['meetings.setAttendees']({ meetingId: meetingId(), personIds })),
    update: (changes) => showing(api['meetings.update']({ id: meetingId(), changes })),
    decide: (input) => showing(api['meetings.decide']({ ...input, meetingId: meetingId() })),
    setPrepared: (input) => showing(api['meetings.setEnvironmentPrepared']({ ...input, meetingId: meetingId() })),
    addAction: (input) => showing(api['meetings.actions.create']({ ...input, meetingId: meetingId() })),
    // Closed on the open meeting's screen, whichever meeting the item came from (a carried-over one).
    completeAction: (id, done) => showing(api['meetings.actions.complete']({ id, done, inMeetingId: meetingId() })),
    exportMinutes: (format) => runWork(`Exporting the minutes as ${format.toUpperCase()}`, (work) => api['meetings.exportMinutes']({ meetingId: meetingId(), format }, work)),
  };
});

// Meetings, decisions and action items from other devices show without a timer.
refreshOn(['meeting', 'meetingAttendee', 'meetingDecision', 'meetingEnvironmentCheck', 'meetingActionItem', 'meetingActionCompletion', 'release'], () => {
  if (useMeetingsStore.getState().loaded) void useMeetingsStore.getState().loadList();
});
