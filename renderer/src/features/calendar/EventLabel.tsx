import { IconAlertTriangleFilled, IconRepeat, IconSnowflake } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import type { CalendarEvent } from './calendar-events';
import { eventTooltip } from './event-look';
import classes from './calendar.module.css';

/**
 * The hover text is written when the pointer arrives, not at render: formatting an instant in a zone costs a
 * fraction of a millisecond, and a month of a busy workspace draws hundreds of events. Rewritten on every arrival,
 * so it follows a move or a new collision.
 */
export function fillTooltip(event: CalendarEvent) {
  return (e: MouseEvent<HTMLElement>) => {
    e.currentTarget.title = eventTooltip(event);
  };
}

/** Icons then name: the warning sign for an open collision, a snowflake for a freeze, arrows for a recurring window. */
export function EventLabel({ event, testId }: { event: CalendarEvent; testId?: string }) {
  const o = event.occurrence;
  return (
    <span className={classes.eventLabel} data-testid={testId} data-event-name={event.title} onMouseEnter={fillTooltip(event)}>
      {event.open > 0 && <IconAlertTriangleFilled size={12} className={classes.alert} aria-label="In a collision" />}
      {o.kind === 'freeze' && <IconSnowflake size={12} aria-hidden style={{ flex: 'none' }} />}
      {o.recurring && <IconRepeat size={11} aria-hidden style={{ flex: 'none' }} />}
      {event.title}
    </span>
  );
}
