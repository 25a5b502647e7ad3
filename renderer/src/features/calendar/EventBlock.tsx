import { useEffect, useRef } from 'react';
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
  const moving = useCalendarStore((s) => o.kind === 'release' && s.keyMove?.releaseId === o.sourceId);
  const startMs = event.start.getTime();
  const endMs = event.end.getTime();
  const isDragCopy = o.kind === 'release' && !isMore(event) && (startMs !== Date.parse(o.start) || endMs !== Date.parse(o.end));
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (isDragCopy) previewMove(o.sourceId, new Date(startMs), new Date(endMs));
  }, [isDragCopy, o.sourceId, startMs, endMs, previewMove]);

  // react-big-calendar draws the month grid's events without a tab stop (the week's have one): without it, Tab never
  // reaches a release, so it could be neither opened nor moved by keyboard.
  useEffect(() => {
    const block = ref.current?.closest<HTMLElement>('.rbc-event');
    if (block && block.tabIndex < 0) block.tabIndex = 0;
  }, []);

  // Moved by keyboard into another day's cell, the event is drawn anew there: the keys follow it.
  useEffect(() => {
    if (moving) ref.current?.closest<HTMLElement>('.rbc-event')?.focus();
  }, [moving, startMs, endMs]);

  return (
    <span ref={ref} style={{ display: 'contents' }}>
      <EventLabel event={event} testId={isDragCopy ? 'drag-preview-event' : undefined} />
    </span>
  );
}
