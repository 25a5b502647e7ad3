import { useCallback, type KeyboardEvent } from 'react';
import { formatWindow } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { isMore, type CalendarEvent } from './calendar-events';
import { isMovable } from './event-look';
import { useCalendarStore } from './calendar-store';

/** The keys that move (Shift+←/→) or resize (Shift+↑/↓) a focused release, one view step at a time. */
const NUDGES: Record<string, ['move' | 'resize', -1 | 1]> = {
  ArrowLeft: ['move', -1],
  ArrowRight: ['move', 1],
  ArrowUp: ['resize', -1],
  ArrowDown: ['resize', 1],
};

/**
 * What a drop, a click and the keys do on any view: move a release (with Undo), open a release or a window. A release
 * moved or resized by keyboard is previewed with its collisions, as a drag is, until Enter saves or Esc puts it back.
 */
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

  const onKey = useCallback(
    (event: CalendarEvent, e: KeyboardEvent) => {
      const { keyMove, nudgeRelease, cancelKeyMove } = useCalendarStore.getState();
      const mine = !isMore(event) && keyMove?.releaseId === event.occurrence.sourceId ? keyMove : null;
      const nudge = NUDGES[e.key];
      const handled = (() => {
        if (nudge && e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && isMovable(event)) {
          nudgeRelease(event.occurrence.sourceId, event, ...nudge);
          return true;
        }
        if (mine && e.key === 'Enter') {
          void onMove(event, new Date(mine.start), new Date(mine.end));
          return true;
        }
        if (mine && e.key === 'Escape') {
          cancelKeyMove();
          return true;
        }
        if (e.key === 'Enter' || e.key === ' ') {
          onOpen(event);
          return true;
        }
        return false;
      })();
      if (handled) {
        e.preventDefault();
        // The calendar's own keys (← → steps the period, Esc) listen on the document: this key was for the release.
        e.stopPropagation();
      }
    },
    [onMove, onOpen],
  );

  return { onMove, onOpen, onKey };
}
