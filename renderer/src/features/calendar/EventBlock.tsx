import { useEffect } from 'react';
import type { EventProps } from 'react-big-calendar';
import { isMore, type CalendarEvent } from './calendar-events';
import { useCalendarStore } from './calendar-store';
import { EventLabel } from './EventLabel';

/**
 * The inside of one event on the month and week grids. react-big-calendar draws the drag preview with this same
 * component, given a copy of the event at the new times: that copy is how we learn where a release is being dragged
 * (the drag-and-drop addon has no per-step callback), and we ask the core what it would collide with there.
 */
export function EventBlock({ event }: EventProps<CalendarEvent>) {
  const previewMove = useCalendarStore((s) => s.previewMove);
  const o = event.occurrence;
  const startMs = event.start.getTime();
  const endMs = event.end.getTime();
  const isDragCopy = o.kind === 'release' && !isMore(event) && (startMs !== Date.parse(o.start) || endMs !== Date.parse(o.end));

  useEffect(() => {
    if (isDragCopy) previewMove(o.sourceId, new Date(startMs), new Date(endMs));
  }, [isDragCopy, o.sourceId, startMs, endMs, previewMove]);

  return <EventLabel event={event} testId={isDragCopy ? 'drag-preview-event' : undefined} />;
}
