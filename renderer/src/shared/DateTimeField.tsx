import { Group, Input } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { parseTypedDate } from './dates';

interface DateTimeFieldProps {
  label: string;
  /** A wall-clock time "YYYY-MM-DD HH:mm:ss" (the form's zone), or null while the date or the time is missing. */
  value: string | null;
  onChange(value: string | null): void;
  /** The month the calendar opens on while the date is empty: the end of a window opens on its start's month. */
  openOn?: string | null;
  required?: boolean;
  /** An optional time: the date can be cleared (the value is then null). */
  clearable?: boolean;
  error?: string;
  description?: string;
}

const DISPLAY = 'ddd D MMM YYYY';

/**
 * A date and a time that can be typed ("5 Dec 2026", "2026-12-05", "5/12/2026"; "22:00") as well as picked from the
 * calendar: a date input with a calendar dropdown beside a time input. The value exists once both halves do; until
 * then each half is kept here, so typing the time first loses nothing.
 */
export function DateTimeField({ label, value, onChange, openOn, required, clearable, error, description }: DateTimeFieldProps) {
  const [date, setDate] = useState<string | null>(value ? value.slice(0, 10) : null);
  const [time, setTime] = useState<string>(value ? value.slice(11, 16) : '');
  // The month the calendar shows once someone turns it; until then the date's own, or the start's for an empty end.
  const [shownMonth, setShownMonth] = useState<string | null>(null);
  useEffect(() => setShownMonth(null), [date, openOn]);
  // A value set from outside (the next free slot, an edit loaded) shows in both halves.
  useEffect(() => {
    if (value) {
      setDate(value.slice(0, 10));
      setTime(value.slice(11, 16));
    }
  }, [value]);
  const emit = (nextDate: string | null, nextTime: string) => onChange(nextDate && /^\d\d:\d\d$/.test(nextTime) ? `${nextDate} ${nextTime}:00` : null);

  return (
    <Input.Wrapper label={label} required={required} error={error} description={description}>
      <Group gap={6} wrap="nowrap" mt={description ? 4 : 0}>
        <DateInput
          aria-label={`${label} date`}
          placeholder="5 Dec 2026"
          valueFormat={DISPLAY}
          dateParser={(typed) => parseTypedDate(typed)}
          value={date}
          date={shownMonth ?? date ?? openOn?.slice(0, 10) ?? undefined}
          onDateChange={(month) => setShownMonth(String(month).slice(0, 10))}
          onChange={(picked) => {
            const day = picked ? String(picked).slice(0, 10) : null;
            setDate(day);
            emit(day, time);
          }}
          clearable={clearable}
          error={Boolean(error)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <TimeInput
          aria-label={`${label} time`}
          value={time}
          onChange={(e) => {
            const typed = e.currentTarget.value;
            setTime(typed);
            emit(date, typed);
          }}
          error={Boolean(error)}
          w={110}
        />
      </Group>
    </Input.Wrapper>
  );
}
