import { Text } from '@mantine/core';

/** Text that may be empty: a dimmed placeholder then, so an empty cell reads as "nothing" rather than a gap. */
export function OptionalText({ text, empty = '—', lineClamp }: { text: string; empty?: string; lineClamp?: number }) {
  return (
    <Text size="sm" c={text ? undefined : 'dimmed'} lineClamp={lineClamp}>
      {text || empty}
    </Text>
  );
}
