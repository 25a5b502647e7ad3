/** The calendar's pure rules: time zones and DST, recurrence, the collision finder. See docs/calendar.md. */
export * from './collisions';
export * from './recurrence';
export * from './zoned-time';
export * from './free-slot';
export * from './collision-text';
