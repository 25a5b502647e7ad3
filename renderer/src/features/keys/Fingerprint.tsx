import { Stack, Text, type TextProps } from '@mantine/core';

/** A key's fingerprint, in groups of four, monospace, for people to read to each other and compare. */
export function Fingerprint({ value, ...props }: { value: string } & TextProps) {
  return (
    <Text ff="monospace" style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }} {...props}>
      {value}
    </Text>
  );
}

/** Big, in two rows of four groups, as safety numbers are read out: easier to compare aloud than one long line. */
export function BigFingerprint({ value, label, testId, align }: { value: string; label: string; testId?: string; align?: 'center' }) {
  const groups = value.split(' ');
  return (
    <Stack gap={0} role="group" aria-label={`${label} ${value}`} data-testid={testId} align={align}>
      <Fingerprint value={groups.slice(0, 4).join(' ')} fz={24} fw={600} lh={1.25} />
      <Fingerprint value={groups.slice(4).join(' ')} fz={24} fw={600} lh={1.25} />
    </Stack>
  );
}
