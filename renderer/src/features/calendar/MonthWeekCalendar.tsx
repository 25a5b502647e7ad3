import dayjs from 'dayjs';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Calendar, dayjsLocalizer, type EventPropGetter, type View } from 'react-big-calendar';
import dragAndDropAddon, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import { foldBusyDays, type CalendarEvent } from './calendar-events';
import { CALENDAR_CULTURE } from './calendar-range';
import { useCalendarStore } from './calendar-store';
import { EventBlock } from './EventBlock';
import { localDayjs } from './local-dayjs';
import { eventStyle, isMovable } from './event-look';
import classes from './MonthWeekCalendar.module.css';

const localizer = dayjsLocalizer(localDayjs);
// The addon ships only as CommonJS; the bundler hands over its `exports` object whole, so its default sits one
// level down in the production build (and at the top in tests and dev).
const withDragAndDrop = ((dragAndDropAddon as unknown as { default?: typeof dragAndDropAddon }).default ?? dragAndDropAddon) as typeof dragAndDropAddon;
const DnDCalendar = withDragAndDrop<CalendarEvent>(Calendar);
const DAY_MS = 86_400_000;
const MONTH_PER_DAY = 3;
const WEEK_PER_DAY = 12;
const RENDERED_MARK = 'release-desk:calendar-events-rendered';

/** Windows of a day or more (freezes, long maintenance) sit in the week view's all-day row instead of filling columns. */
const isLong = (e: CalendarEvent) => e.end.getTime() - e.start.getTime() >= DAY_MS;

interface Props {
  view: 'month' | 'week';
  events: CalendarEvent[];
  onMove(event: CalendarEvent, start: Date, end: Date): void;
  onOpen(event: CalendarEvent): void;
  onKey(event: CalendarEvent, e: KeyboardEvent): void;
}

/**
 * The week view's day headings: react-big-calendar's own wraps each in a columnheader inside a button, outside any row,
 * which a screen reader cannot place; the plain label inside the button reads as the button's name.
 */
function DayHeading({ label }: { label: string }) {
  return <span>{label}</span>;
}

/** Month and week views (react-big-calendar with its drag-and-drop addon); the toolbar is ours, so it is hidden here. */
export function MonthWeekCalendar({ view, events, onMove, onOpen, onKey }: Props) {
  const anchor = useCalendarStore((s) => s.anchor);
  const focusedKey = useCalendarStore((s) => s.focusedKey);
  const goTo = useCalendarStore((s) => s.goTo);
  const setView = useCalendarStore((s) => s.setView);
  const endPreview = useCalendarStore((s) => s.endPreview);
  const keyMove = useCalendarStore((s) => s.keyMove);

  // Maintenance windows are when changes are allowed: the backdrop, not the plan. A nightly window would otherwise
  // take a slot on every day of the month grid and push the releases behind "+N more". The week view shows them
  // behind its columns; the month view leaves them to the week and the timeline (its summary says so).
  const [foreground, backdrop] = useMemo(() => {
    const isMaintenance = (e: CalendarEvent) => e.occurrence.kind === 'maintenance';
    return [events.filter((e) => !isMaintenance(e)), events.filter(isMaintenance)];
  }, [events]);
  // A release moved by keyboard is drawn where it would go (the grid's drag preview shows a dragged one the same way).
  const moved = useMemo(
    () => (keyMove ? foreground.map((e) => (e.occurrence.kind === 'release' && e.occurrence.sourceId === keyMove.releaseId ? { ...e, start: new Date(keyMove.start), end: new Date(keyMove.end) } : e)) : foreground),
    [foreground, keyMove],
  );
  const shown = useMemo(() => foldBusyDays(moved, view === 'month' ? MONTH_PER_DAY : WEEK_PER_DAY), [moved, view]);
  const eventPropGetter: EventPropGetter<CalendarEvent> = useCallback((event) => ({ style: eventStyle(event, focusedKey) }), [focusedKey]);

  const drop = useCallback(
    ({ event, start, end }: EventInteractionArgs<CalendarEvent>) => {
      const from = new Date(start);
      const to = new Date(end);
      if (from.getTime() === event.start.getTime() && to.getTime() === event.end.getTime()) return endPreview();
      onMove(event, from, to);
    },
    [onMove, endPreview],
  );

  // A drag released where it cannot drop (outside the grid) ends without a drop callback: clear its preview.
  useEffect(() => {
    const up = () => setTimeout(() => endPreview(), 400);
    document.addEventListener('mouseup', up);
    return () => document.removeEventListener('mouseup', up);
  }, [endPreview]);

  // For the bench (bench/calendar-month.bench.ts): when the events of a fetch are on screen.
  useEffect(() => {
    if (events.length === 0) return;
    const frame = requestAnimationFrame(() => performance.mark(RENDERED_MARK));
    return () => cancelAnimationFrame(frame);
  }, [events]);

  const components = useMemo(() => ({ event: EventBlock, week: { header: DayHeading } }), []);

  // react-big-calendar makes the week view's all-day strip a row group with no table around it, so a screen reader
  // finds a row of nothing (axe: aria-required-parent). The strip becomes a table of its one row; a render that keeps
  // the element keeps the role, and one that makes it anew runs this again.
  const root = useRef<HTMLDivElement>(null);
  // Its week rows own plain divs, not cells; a cell component of ours in `weekWrapper` would sit between the
  // drag-and-drop addon and its rows and stop a mouse drag, so the addon's body of events is made the cell here (the day numbers are cells already).
  useLayoutEffect(() => {
    root.current?.querySelectorAll('.rbc-time-header-content > .rbc-allday-cell').forEach((strip) => {
      strip.setAttribute('role', 'table');
      strip.setAttribute('aria-label', 'Long releases of the week');
    });
    root.current?.querySelectorAll('.rbc-row-content > .rbc-addons-dnd-row-body').forEach((part) => part.setAttribute('role', 'cell'));
  });

  return (
    <div ref={root} className={classes.root} data-testid={`calendar-${view}`}>
      <DnDCalendar
        localizer={localizer}
        culture={CALENDAR_CULTURE}
        events={shown}
        backgroundEvents={view === 'week' ? backdrop : []}
        view={view as View}
        views={['month', 'week']}
        date={anchor}
        onNavigate={(date) => goTo(date)}
        onView={(v) => (v === 'month' || v === 'week') && setView(v)}
        onDrillDown={(date) => {
          goTo(date);
          setView('week');
        }}
        toolbar={false}
        popup
        step={30}
        timeslots={2}
        // Release windows cluster in the evening: open the week on the afternoon, not on 00:00.
        scrollToTime={dayjs().hour(12).minute(0).toDate()}
        dayLayoutAlgorithm="no-overlap"
        showMultiDayTimes
        allDayAccessor={isLong}
        tooltipAccessor={null}
        eventPropGetter={eventPropGetter}
        components={components}
        draggableAccessor={isMovable}
        resizableAccessor={isMovable}
        onEventDrop={drop}
        onEventResize={drop}
        onSelectEvent={onOpen}
        onKeyPressEvent={(event, e) => onKey(event, e as unknown as KeyboardEvent)}
      />
    </div>
  );
}
