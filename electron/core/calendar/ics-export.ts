import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Window } from '../../contract/calendar-entities';
import { RELEASE_STATUS_LABELS, type Release } from '../../contract/entities';
import { icsLocalStamp, toLocalMs } from '../domain/calendar/zoned-time';

/**
 * RFC 5545 export of the calendar with ical-generator (docs/calendar.md, "iCalendar"):
 * - UID: derived from the record id ("release-<id>@release-desk", "window-<id>@release-desk"), so the same record
 *   is the same event in every export and a calendar client updates it instead of adding a copy;
 * - DTSTART/DTEND: wall-clock time with TZID of the record's own zone, plus a VTIMEZONE for every zone used
 *   (timezones-ical-library), so recurring windows keep their local time across DST in the client too;
 * - RRULE and EXDATE for recurring windows;
 * - SEQUENCE: how many times the record changed after it was created, counted from the change log, so it rises
 *   with every edit without any stored counter; DTSTAMP/LAST-MODIFIED: the record's last change, so exporting
 *   an unchanged workspace twice gives the same bytes;
 * - DESCRIPTION: kind, status and owner of a release, reason and scope of a window.
 *
 * Clients compute a recurring event's end as DTSTART plus the exact length of the first occurrence, whereas Release
 * Desk keeps the wall-clock end (recurrence.ts): on a DST night a recurring window may show an hour longer or
 * shorter in a calendar client than in the app. One-off windows and releases are exact either way.
 */

export interface IcsExportData {
  calendarName: string;
  releases: readonly Release[];
  windows: readonly Window[];
  /** Changes after creation, per record id: the SEQUENCE. */
  sequences: ReadonlyMap<string, number>;
  systemNames: ReadonlyMap<string, string>;
  environmentNames: ReadonlyMap<string, string>;
  personNames: ReadonlyMap<string, string>;
}

export function exportIcs(data: IcsExportData): { ics: string; events: number } {
  const calendar = ical({ name: data.calendarName, prodId: { company: 'Release Desk', product: 'Release Desk', language: 'EN' } });
  // No calendar-wide zone (so DTSTAMP stays UTC); the generator supplies a VTIMEZONE for each event's TZID.
  calendar.timezone({ name: null, generator: vtimezone } as unknown as Parameters<typeof calendar.timezone>[0]);
  const names = (ids: readonly string[], map: ReadonlyMap<string, string>, none: string) =>
    ids.length === 0 ? none : ids.map((id) => map.get(id) ?? id).join(', ');

  for (const release of data.releases) {
    const owner = release.ownerId ? (data.personNames.get(release.ownerId) ?? release.ownerId) : 'nobody yet';
    calendar.createEvent({
      id: `release-${release.id}@release-desk`,
      sequence: data.sequences.get(release.id) ?? 0,
      stamp: new Date(release.updatedAt),
      lastModified: new Date(release.updatedAt),
      ...times(release.windowStart, release.windowEnd, release.timeZone),
      summary: `${release.name} ${release.version}`,
      location: names(release.environmentIds, data.environmentNames, ''),
      status: release.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: [
        `Release window. Status: ${RELEASE_STATUS_LABELS[release.status]}. Owner: ${owner}.`,
        `Systems: ${names(release.systemIds, data.systemNames, 'none')}.`,
        `Environments: ${names(release.environmentIds, data.environmentNames, 'none')}.`,
        release.description,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }

  for (const window of data.windows) {
    const label = window.kind === 'freeze' ? 'Freeze' : 'Maintenance';
    calendar.createEvent({
      id: `window-${window.id}@release-desk`,
      sequence: data.sequences.get(window.id) ?? 0,
      stamp: new Date(window.updatedAt),
      lastModified: new Date(window.updatedAt),
      ...times(window.start, window.end, window.timeZone),
      summary: `${label}: ${window.name}`,
      location: names(window.environmentIds, data.environmentNames, 'All environments'),
      transparency: window.kind === 'freeze' ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      repeating: window.rrule ? recurrenceLines(window) : null,
      description: [
        `${label} window.${window.reason ? ` Reason: ${window.reason}` : ''}`,
        window.slaNote ? `SLA: ${window.slaNote}` : '',
        `Environments: ${names(window.environmentIds, data.environmentNames, 'all')}.`,
        window.kind === 'freeze' ? `Systems: ${names(window.systemIds, data.systemNames, 'all')}.` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return { ics: calendar.toString(), events: data.releases.length + data.windows.length };
}

/** RRULE plus one EXDATE per exception date, at the window's local start time on that date. */
function recurrenceLines(window: Window): string {
  const time = icsLocalStamp(toLocalMs(Date.parse(window.start), window.timeZone)).slice(8);
  const utc = window.timeZone === 'UTC' || window.timeZone === 'Etc/UTC';
  const exdates = window.exceptionDates.map((date) => `${date.replace(/-/g, '')}${time}${utc ? 'Z' : ''}`);
  const exdate = utc ? 'EXDATE:' : `EXDATE;TZID=${window.timeZone}:`;
  return [`RRULE:${window.rrule}`, ...(exdates.length ? [`${exdate}${exdates.join(',')}`] : [])].join('\r\n');
}

/** Wall-clock time with TZID, or plain UTC ("…Z", no VTIMEZONE needed) for windows planned in UTC. */
function times(start: string, end: string, zone: string) {
  const zoned = (instant: string) => Temporal.Instant.fromEpochMilliseconds(Date.parse(instant)).toZonedDateTimeISO(zone);
  if (zone === 'UTC' || zone === 'Etc/UTC') return { start: new Date(start), end: new Date(end), timezone: null };
  return { start: zoned(start), end: zoned(end), timezone: zone };
}

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  // The library may know a zone under its canonical name (UTC → Etc/UTC); the TZID must match the events' TZID.
  return Array.isArray(block) && block[0] ? block[0].replace(/^TZID:.*$/m, `TZID:${zone}`) : null;
}
