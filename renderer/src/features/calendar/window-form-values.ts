import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { WindowCreate, type StoredWindowKind, type Window } from '../../../../electron/contract/calendar-entities';
import { instantToWallClock, wallClockToInstant } from '../../shared/dates';
import { zodFieldErrors, type FieldErrors } from '../../shared/field-errors';
import type { WindowInput } from './calendar-store';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Recurrence presets: most windows are one of these; anything else is typed as an RRULE. */
export type RecurrencePreset = 'none' | 'daily' | 'weekly' | 'weekdays' | 'monthly' | 'custom';

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WindowFormValues {
  kind: StoredWindowKind;
  name: string;
  reason: string;
  slaNote: string;
  /** Wall-clock times in `timeZone`, as the date pickers hold them. */
  start: string | null;
  end: string | null;
  timeZone: string;
  preset: RecurrencePreset;
  customRule: string;
  exceptionDates: string[];
  environmentIds: string[];
  systemIds: string[];
}

/** The weekday of the start, in the window's own zone ("every Saturday" follows the local date, not UTC's). */
function startWeekday(values: Pick<WindowFormValues, 'start'>): number {
  return values.start ? dayjs(values.start.replace(' ', 'T')).day() : 6;
}

export function presetLabel(preset: RecurrencePreset, values: Pick<WindowFormValues, 'start'>): string {
  switch (preset) {
    case 'none':
      return 'Does not repeat';
    case 'daily':
      return 'Every day';
    case 'weekly':
      return `Every ${DAY_NAMES[startWeekday(values)]}`;
    case 'weekdays':
      return 'Every weekday (Mon–Fri)';
    case 'monthly':
      return 'Every month on the same day';
    case 'custom':
      return 'Custom rule (RRULE)…';
  }
}

export function ruleFor(values: WindowFormValues): string | null {
  switch (values.preset) {
    case 'none':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${BYDAY[startWeekday(values)]}`;
    case 'weekdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'monthly':
      return 'FREQ=MONTHLY';
    case 'custom':
      return values.customRule.trim() || null;
  }
}

function presetOf(rule: string | null, start: string): { preset: RecurrencePreset; customRule: string } {
  const form = { start } as Pick<WindowFormValues, 'start'>;
  if (!rule) return { preset: 'none', customRule: '' };
  const candidates: RecurrencePreset[] = ['daily', 'weekly', 'weekdays', 'monthly'];
  const match = candidates.find((p) => ruleFor({ ...(form as WindowFormValues), preset: p, customRule: '' }) === rule);
  return match ? { preset: match, customRule: '' } : { preset: 'custom', customRule: rule };
}

export function blankWindowForm(kind: StoredWindowKind, timeZone: string, start?: string, end?: string): WindowFormValues {
  return {
    kind,
    name: '',
    reason: '',
    slaNote: '',
    start: start ? instantToWallClock(start, timeZone) : null,
    end: end ? instantToWallClock(end, timeZone) : null,
    timeZone,
    preset: kind === 'maintenance' ? 'weekly' : 'none',
    customRule: '',
    exceptionDates: [],
    environmentIds: [],
    systemIds: [],
  };
}

export function windowFormFrom(window: Window): WindowFormValues {
  const start = instantToWallClock(window.start, window.timeZone);
  return {
    kind: window.kind,
    name: window.name,
    reason: window.reason,
    slaNote: window.slaNote,
    start,
    end: instantToWallClock(window.end, window.timeZone),
    timeZone: window.timeZone,
    ...presetOf(window.rrule, start),
    exceptionDates: window.exceptionDates,
    environmentIds: window.environmentIds,
    systemIds: window.systemIds,
  };
}

export function windowInputFrom(values: WindowFormValues): WindowInput {
  const instant = (wallClock: string | null) => (wallClock ? wallClockToInstant(wallClock, values.timeZone) : '');
  const rrule = ruleFor(values);
  return {
    kind: values.kind,
    name: values.name,
    reason: values.reason,
    slaNote: values.kind === 'maintenance' ? values.slaNote : '',
    start: instant(values.start),
    end: instant(values.end),
    timeZone: values.timeZone,
    rrule,
    // Exceptions only mean something for a repeating window; the core refuses them otherwise.
    exceptionDates: rrule ? [...values.exceptionDates].sort() : [],
    environmentIds: values.environmentIds,
    systemIds: values.kind === 'freeze' ? values.systemIds : [],
  };
}

export function validateWindowForm(values: WindowFormValues): FieldErrors {
  const parsed = WindowCreate.safeParse(windowInputFrom(values));
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (!values.start) errors.start = 'Start is required';
  if (!values.end) errors.end = 'End is required';
  if (values.start && values.end && values.end <= values.start) errors.end = 'End must be after the start';
  if (errors.rrule) errors.customRule = errors.rrule;
  if (values.preset === 'custom' && !values.customRule.trim()) errors.customRule = 'Type a rule such as FREQ=WEEKLY;BYDAY=SA, or pick a preset';
  return errors;
}
