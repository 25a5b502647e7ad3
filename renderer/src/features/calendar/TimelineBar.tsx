import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CalendarEvent } from './calendar-events';
import { useCalendarStore } from './calendar-store';
import { EventLabel, fillTooltip } from './EventLabel';
import { eventStyle, isMovable } from './event-look';
import classes from './Timeline.module.css';

interface Props {
  event: CalendarEvent;
  left: number;
  width: number;
  top: number;
  /** Milliseconds per pixel, to turn a pointer move into a time shift. */
  msPerPx: number;
  snapMs: number;
  focusedKey: string | null;
  onMove(event: CalendarEvent, start: Date, end: Date): void;
  onOpen(event: CalendarEvent): void;
  onKey(event: CalendarEvent, e: KeyboardEvent): void;
}

type Drag = { mode: 'move' | 'resize'; x0: number; shift: number };

/** A release bar: click opens it; drag moves it, dragging its right edge changes its end; both snap to the zoom's step. */
export function TimelineBar({ event, left, width, top, msPerPx, snapMs, focusedKey, onMove, onOpen, onKey }: Props) {
  // Read when needed rather than subscribed to: a quarter of a busy workspace draws thousands of bars.
  const { previewMove, endPreview } = useCalendarStore.getState();
  const drag = useRef<Drag | null>(null);
  const [shift, setShift] = useState<{ mode: Drag['mode']; ms: number } | null>(null);
  const movable = isMovable(event);
  // Subscribed for this bar's release only: a quarter draws thousands of bars, and one moves at a time.
  const keyMove = useCalendarStore((s) => (s.keyMove?.releaseId === event.occurrence.sourceId ? s.keyMove : null));

  const times = (d: { mode: Drag['mode']; ms: number }) => {
    const start = event.start.getTime() + (d.mode === 'move' ? d.ms : 0);
    const end = Math.max(event.end.getTime() + d.ms, start + snapMs);
    return { start: new Date(start), end: new Date(end) };
  };

  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const mode = (e.target as HTMLElement).dataset.handle === 'end' ? 'resize' : 'move';
    drag.current = { mode, x0: e.clientX, shift: 0 };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || !movable) return;
    const ms = Math.round(((e.clientX - d.x0) * msPerPx) / snapMs) * snapMs;
    if (ms === d.shift) return;
    d.shift = ms;
    setShift({ mode: d.mode, ms });
    const next = times({ mode: d.mode, ms });
    previewMove(event.occurrence.sourceId, next.start, next.end);
  };
  const up = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    setShift(null);
    if (!d || d.shift === 0) {
      endPreview();
      if (Math.abs(e.clientX - (d?.x0 ?? e.clientX)) < 4) onOpen(event);
      return;
    }
    const next = times({ mode: d.mode, ms: d.shift });
    onMove(event, next.start, next.end);
  };

  const shown = shift ? times(shift) : keyMove ? { start: new Date(keyMove.start), end: new Date(keyMove.end) } : null;
  const shownLeft = shown ? left + (shown.start.getTime() - event.start.getTime()) / msPerPx : left;
  const shownWidth = shown ? width + (shown.end.getTime() - event.end.getTime() - (shown.start.getTime() - event.start.getTime())) / msPerPx : width;

  return (
    <div
      role="button"
      tabIndex={0}
      onMouseEnter={fillTooltip(event)}
      aria-label={event.title}
      data-testid="timeline-bar"
      className={`${classes.bar} ${shift || keyMove ? classes.dragging : ''} ${movable ? classes.movable : ''}`}
      style={{ ...eventStyle(event, focusedKey), left: shownLeft, width: Math.max(shownWidth, 3), top, padding: shownWidth > 28 ? undefined : 0 }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onKeyDown={(e) => onKey(event, e)}
    >
      {shownWidth > 28 && <EventLabel event={event} />}
      {movable && <span className={classes.handle} data-handle="end" aria-hidden />}
    </div>
  );
}
