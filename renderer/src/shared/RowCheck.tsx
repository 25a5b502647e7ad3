import { Badge, Text } from '@mantine/core';

/** The "Check" cell of an import preview row: OK, or each problem as "Column: sentence" in red. */
export function RowCheck({ ok, errors }: { ok: boolean; errors: ReadonlyArray<{ column: string; message: string }> }) {
  if (ok) {
    return (
      <Badge size="xs" color="teal" variant="light">
        OK
      </Badge>
    );
  }
  return errors.map((e) => (
    <Text key={`${e.column}${e.message}`} size="xs" c="red">
      {e.column}: {e.message}
    </Text>
  ));
}
