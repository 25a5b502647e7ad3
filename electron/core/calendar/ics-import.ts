import ICAL from 'ical.js';
import { ApiFailure, invalidInput } from '../../contract/api-result';
import type { StoredWindowKind } from '../../contract/calendar-entities';
import { recurrenceRuleProblem } from '../domain/calendar/recurrence';
import { fromLocalMs, isIanaZoneName, localDate } from '../domain/calendar/zoned-time';

/**
 * Reads freeze or maintenance windows from an iCalendar file (a company holiday calendar, say) with ical.js, a
 * different library from the one that writes our exports. Nothing here writes: the handler previews the result or
 * inserts all of it in one mutation. Any event that cannot become a window makes the whole file fail with a
 * sentence naming the event and what is wrong, so an import is all or nothing.
 *
 * Times: a TZID that is an IANA zone is kept as the window's zone and read by our DST rule; UTC stays UTC; a TZID
 * that is not an IANA zone (Outlook's "W. Europe Standard Time") is resolved with the file's own VTIMEZONE and
 * stored in the fallback zone; floating times and all-day dates are read in the fallback zone (the workspace's).
 */

export interface ImportedWindow {
  kind: StoredWindowKind;
  name: string;
  reason: string;
  slaNote: string;
  start: string;
  end: string;
  timeZone: string;
  rrule: string | null;
  exceptionDates: string[];
  environmentIds: string[];
  systemIds: string[];
}

export interface IcsImportOptions {
  kind: StoredWindowKind;
  environmentId: string | null;
  fallbackZone: string;
}

const MAX_EVENTS = 2_000;

export function readIcs(text: string, options: IcsImportOptions): { windows: ImportedWindow[]; warnings: string[] } {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    throw invalidInput('ics', `The file is not valid iCalendar: ${describe(error)}. Nothing was imported.`);
  }
  if (root.name !== 'vcalendar') throw invalidInput('ics', 'The file is not an iCalendar calendar (it does not start with BEGIN:VCALENDAR). Nothing was imported.');
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);

  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) throw invalidInput('ics', 'The file has no events (VEVENT) to import.');
  if (events.length > MAX_EVENTS) throw invalidInput('ics', `The file has ${events.length} events; at most ${MAX_EVENTS} can be imported at once.`);

  const warnings: string[] = [];
  const windows: ImportedWindow[] = [];
  events.forEach((component, index) => {
    const label = `Event ${index + 1}${component.getFirstPropertyValue('summary') ? ` ("${String(component.getFirstPropertyValue('summary'))}")` : ''}`;
    try {
      if (component.getFirstProperty('recurrence-id')) {
        warnings.push(`${label} changes one occurrence of a recurring event (RECURRENCE-ID); such changes are not imported.`);
        return;
      }
      if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
        warnings.push(`${label} is cancelled and was skipped.`);
        return;
      }
      windows.push(readEvent(component, label, options, warnings));
    } catch (error) {
      if (error instanceof ApiFailure) throw error;
      throw invalidInput('ics', `${label} cannot be read: ${describe(error)}. Nothing was imported.`);
    }
  });
  if (windows.length === 0) throw invalidInput('ics', 'The file has no events that can be imported as windows.');
  return { windows, warnings };
}

function readEvent(component: ICAL.Component, label: string, options: IcsImportOptions, warnings: string[]): ImportedWindow {
  const event = new ICAL.Event(component);
  const startProp = component.getFirstProperty('dtstart');
  if (!startProp) throw invalidInput('ics', `${label} has no start (DTSTART). Nothing was imported.`);
  for (const name of ['dtstart', 'dtend'] as const) {
    const prop = component.getFirstProperty(name);
    // ical.js reads a malformed date leniently (2026-12-25x becomes some other day); refuse it instead.
    const raw = prop ? prop.toICALString().replace(/^[^:]*:/, '') : null;
    if (raw !== null && !/^\d{8}(T\d{6}Z?)?$/.test(raw)) {
      throw invalidInput('ics', `${label} has a malformed ${name.toUpperCase()} (expected e.g. 20261225 or 20261225T220000). Nothing was imported.`);
    }
  }
  const startTime = event.startDate;
  const tzid = startProp.getParameter('tzid');
  const zone = zoneFor(startTime, typeof tzid === 'string' ? tzid : null, options.fallbackZone, label, warnings);
  const start = instantOf(startTime, zone, tzid);
  let endTime = component.getFirstProperty('dtend') || component.getFirstProperty('duration') ? event.endDate : null;
  if (!endTime) {
    endTime = startTime.clone();
    if (startTime.isDate) endTime.day += 1;
  }
  const end = instantOf(endTime, zone, tzid);
  if (!(end > start)) throw invalidInput('ics', `${label} ends before it starts (or has no length). Nothing was imported.`);

  const rruleValue = component.getFirstPropertyValue('rrule');
  const rrule = rruleValue ? String(rruleValue.toString()).toUpperCase() : null;
  const exceptionDates: string[] = [];
  for (const prop of component.getAllProperties('exdate')) {
    for (const value of prop.getValues() as ICAL.Time[]) exceptionDates.push(localDate(instantOf(value, zone, prop.getParameter('tzid')), zone));
  }
  if (component.getFirstProperty('rdate')) warnings.push(`${label} has extra dates (RDATE); only its RRULE is imported.`);
  if (component.getAllProperties('rrule').length > 1) warnings.push(`${label} has more than one RRULE; only the first is imported.`);
  const startIso = new Date(start).toISOString();
  const endIso = new Date(end).toISOString();
  if (rrule) {
    const problem = recurrenceRuleProblem(rrule, { start: startIso, end: endIso, timeZone: zone, exceptionDates });
    if (problem) throw invalidInput('ics', `${label}: ${problem} Nothing was imported.`);
  }
  const summary = String(component.getFirstPropertyValue('summary') ?? '').trim();
  return {
    kind: options.kind,
    name: (summary || label).slice(0, 160),
    reason: String(component.getFirstPropertyValue('description') ?? '').trim().slice(0, 4000),
    slaNote: '',
    start: startIso,
    end: endIso,
    timeZone: zone,
    rrule,
    exceptionDates: [...new Set(exceptionDates)].slice(0, 500),
    environmentIds: options.environmentId ? [options.environmentId] : [],
    systemIds: [],
  };
}

function zoneFor(time: ICAL.Time, tzid: string | null, fallback: string, label: string, warnings: string[]): string {
  if (time.isDate) return fallback;
  if (time.zone === ICAL.Timezone.utcTimezone || tzid === 'UTC' || tzid === 'Etc/UTC') return 'UTC';
  if (tzid && isIanaZoneName(tzid)) return tzid;
  if (tzid) warnings.push(`${label} uses the time zone "${tzid}", which is not an IANA zone; its times were converted and it is stored in ${fallback}.`);
  else warnings.push(`${label} has floating times (no time zone); they were read in ${fallback}.`);
  return fallback;
}

/** The instant of an iCalendar time, by our DST rule where we know the zone. */
function instantOf(time: ICAL.Time, zone: string, tzid: unknown): number {
  const local = Date.UTC(time.year, time.month - 1, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
  if (time.zone === ICAL.Timezone.utcTimezone) return local;
  if (typeof tzid === 'string' && !isIanaZoneName(tzid) && time.zone && time.zone !== ICAL.Timezone.localTimezone) return time.toJSDate().getTime();
  return fromLocalMs(local, zone);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').replace(/\.$/, '');
}
