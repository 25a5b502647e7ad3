import { Select } from '@mantine/core';
import { TIME_ZONES } from './dates';

interface TimeZoneSelectProps {
  label: string;
  description?: string;
  value: string;
  error?: string;
  onChange(zone: string): void;
}

/** Searchable IANA zones; the list is long, so only the first matches are drawn while typing. */
export function TimeZoneSelect({ label, description, value, error, onChange }: TimeZoneSelectProps) {
  return (
    <Select
      label={label}
      description={description}
      searchable
      limit={60}
      data={TIME_ZONES as string[]}
      value={value}
      error={error}
      onChange={(zone) => zone && onChange(zone)}
      allowDeselect={false}
      nothingFoundMessage="No such time zone"
    />
  );
}
