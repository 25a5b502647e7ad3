import { useCallback } from 'react';
import { formatWindow } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { isMore, type CalendarEvent } from './calendar-events';
import { useCalendarStore } from './calendar-store';

/** What a drop and a click do on any view: move a release (with Undo), open a release or a window. */
export function useCalendarActions() {
  const moveRelease = useCalendarStore((s) => s.moveRelease);
  const openRelease = useCalendarStore((s) => s.openRelease);
  const openWindowEditor = useCalendarStore((s) => s.openWindowEditor);
  const openDay = useCalendarStore((s) => s.openDay);

  const onMove = useCallback(
    async (event: CalendarEvent, start: Date, end: Date) => {
      const o = event.occurrence;
      const before = { start: new Date(o.start), end: new Date(o.end) };
      const result = await moveRelease(o.sourceId, start, end);
      if (!result.ok) return notifyFailed(`Could not move ${o.name}`, result.error.message);
      notifyWithUndo('Release moved', `${o.name} now books ${formatWindow(start.toISOString(), end.toISOString())}.`, async () => {
        const back = await moveRelease(o.sourceId, before.start, before.end);
        if (back.ok) notifySaved(`${o.name} is back at ${formatWindow(o.start, o.end)}.`);
        else notifyFailed(`Could not move ${o.name} back`, back.error.message);
      });
    },
    [moveRelease],
  );

  const onOpen = useCallback(
    (event: CalendarEvent) => {
      if (isMore(event)) return openDay(event.more.day);
      const o = event.occurrence;
      if (o.kind === 'release') void openRelease(o.sourceId);
      else openWindowEditor({ mode: 'edit', windowId: o.sourceId });
    },
    [openRelease, openWindowEditor, openDay],
  );

  return { onMove, onOpen };
}
