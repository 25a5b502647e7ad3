import { Text, type TextProps } from '@mantine/core';

/** A key's fingerprint, in groups of four, monospace, for people to read to each other and compare. */
export function Fingerprint({ value, ...props }: { value: string } & TextProps) {
  return (
    <Text ff="monospace" style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }} {...props}>
      {value}
    </Text>
  );
}
