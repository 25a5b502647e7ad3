import { useElementSize } from '@mantine/hooks';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { CalendarEvent } from './calendar-events';
import { visiblePeriod } from './calendar-range';
import { useCalendarStore } from './calendar-store';
import { eventStyle } from './event-look';
import { fillTooltip } from './EventLabel';
import { snapStep, timelineRows, timelineTicks, type Tick } from './calendar-timeline-grid';
import { TimelineBar } from './TimelineBar';
import classes from './Timeline.module.css';

/** Maintenance is when changes are allowed: a soft tint behind the bars, without the outlines that nightly windows
 * would otherwise stack into stripes across the whole production row. */
const QUIET_BAND = { border: 'none', borderLeft: 'none', opacity: 0.5 } as const;

/*
 * Hand-written on purpose. vis-timeline (maintained, has groups and zoom) draws its own DOM imperatively, needs the
 * moment + hammer.js peer stack and its own theme, which fights Mantine's light/dark tokens and our event look;
 * react-calendar-timeline's React-19-era line is still a beta (0.30.0-beta.4) on moment and interactjs. What we need
 * is small: environment rows, absolutely placed bars, a tick scale, a today line and a pointer drag. Rows are not
 * virtualised: a workspace has tens of environments (a window names at most 50), not thousands.
 */

const LABEL_WIDTH = 170;
const LANE_HEIGHT = 24;

/** Roughly how wide a tick label is drawn (11 px system font), plus a gap. */
const labelWidth = (t: Tick) => t.label.length * 6.5 + 12;

/** Labels thin out when ticks crowd (a month of days, a day of hours on a narrow screen); majors are kept first. */
function visibleLabels(ticks: readonly Tick[], x: (t: number) => number, width: number): Tick[] {
  const shown: Tick[] = [];
  const fits = (t: Tick) => x(t.at) + labelWidth(t) - 12 <= width && shown.every((s) => (x(s.at) <= x(t.at) ? x(t.at) - x(s.at) >= labelWidth(s) : x(s.at) - x(t.at) >= labelWidth(t)));
  for (const t of ticks) if (t.major && fits(t)) shown.push(t);
  for (const t of ticks) if (!t.major && fits(t)) shown.push(t);
  return shown;
}

interface Props {
  events: CalendarEvent[];
  environments: readonly { id: string; name: string }[];
  onMove(event: CalendarEvent, start: Date, end: Date): void;
  onOpen(event: CalendarEvent): void;
  onKey(event: CalendarEvent, e: KeyboardEvent): void;
}

export function TimelineView({ events, environments, onMove, onOpen, onKey }: Props) {
  const zoom = useCalendarStore((s) => s.zoom);
  const anchor = useCalendarStore((s) => s.anchor);
  const focusedKey = useCalendarStore((s) => s.focusedKey);
  const zoomBy = useCalendarStore((s) => s.zoomBy);
  const scroller = useRef<HTMLDivElement>(null);
  const { ref: scaleRef, width } = useElementSize();
  const period = useMemo(() => visiblePeriod('timeline', zoom, anchor), [zoom, anchor]);
  const from = period.start.getTime();
  const span = period.end.getTime() - from;
  const msPerPx = span / Math.max(width, 1);
  const x = (t: number) => Math.min(Math.max((t - from) / msPerPx, 0), width);
  const ticks = useMemo(() => timelineTicks(period, zoom), [period, zoom]);
  const { rows, everywhere } = useMemo(() => timelineRows(environments, events), [environments, events]);
  const now = Date.now();

  // Ctrl (or ⌘) + wheel zooms, like maps and most timeline tools; a plain wheel still scrolls the rows.
  useEffect(() => {
    const node = scroller.current;
    if (!node) return;
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      zoomBy(e.deltaY > 0 ? 1 : -1);
    };
    node.addEventListener('wheel', wheel, { passive: false });
    return () => node.removeEventListener('wheel', wheel);
  }, [zoomBy]);

  const band = (e: CalendarEvent) => (
    <div
      key={e.id}
      className={classes.band}
      style={{ ...eventStyle(e, focusedKey), ...(e.occurrence.kind === 'maintenance' ? QUIET_BAND : {}), borderRadius: 0, left: x(e.start.getTime()), width: Math.max(x(e.end.getTime()) - x(e.start.getTime()), 2) }}
      onMouseEnter={fillTooltip(e)}
      data-testid="timeline-window"
      onClick={() => onOpen(e)}
    />
  );

  return (
    <div ref={scroller} className={classes.root} data-testid="calendar-timeline">
      <div className={classes.header}>
        <div className={classes.corner} style={{ width: LABEL_WIDTH }}>Environment</div>
        <div ref={scaleRef} className={classes.scale}>
          {width > 0 && visibleLabels(ticks, x, width).map((t) => (
            <span key={t.at} className={`${classes.tickLabel} ${t.major ? classes.tickMajor : ''}`} style={{ left: x(t.at) }}>
              {t.label}
            </span>
          ))}
          {now >= from && now < from + span && (
            <span className={classes.todayLabel} style={{ left: x(now) }}>
              Now
            </span>
          )}
        </div>
      </div>
      <div className={classes.body}>
        {rows.map((row) => (
          <div key={row.id} className={classes.row} data-testid="timeline-row">
            <div className={classes.rowLabel} style={{ width: LABEL_WIDTH }} title={row.name}>
              {row.name}
            </div>
            <div className={classes.track} style={{ height: row.laneCount * LANE_HEIGHT + 8 }}>
              {ticks.map((t) => (
                <div key={t.at} className={`${classes.gridLine} ${t.major ? classes.gridLineMajor : ''}`} style={{ left: x(t.at) }} />
              ))}
              {width > 0 && row.windows.map(band)}
              {width > 0 &&
                row.releases.map((e) => (
                  <TimelineBar
                    key={e.id}
                    event={e}
                    left={x(e.start.getTime())}
                    width={x(e.end.getTime()) - x(e.start.getTime())}
                    top={4 + (row.lanes.get(e.id) ?? 0) * LANE_HEIGHT}
                    msPerPx={msPerPx}
                    snapMs={snapStep(zoom)}
                    focusedKey={focusedKey}
                    onMove={onMove}
                    onOpen={onOpen}
                    onKey={onKey}
                  />
                ))}
              {now >= from && now < from + span && <div className={classes.today} style={{ left: x(now) }} />}
            </div>
          </div>
        ))}
        {width > 0 && everywhere.length > 0 && (
          <div className={classes.everywhere} style={{ left: LABEL_WIDTH, width }} aria-label="Windows for every environment">
            {everywhere.map(band)}
          </div>
        )}
      </div>
    </div>
  );
}
