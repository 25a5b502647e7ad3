import { ActionIcon, Kbd, Popover, Table, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';

export const CALENDAR_KEYS: Array<[string[], string]> = [
  [['←', '→'], 'Previous / next month, week or timeline period'],
  [['T'], 'Today'],
  [['M'], 'Month view'],
  [['W'], 'Week view'],
  [['L'], 'Timeline view'],
  [['+', '−'], 'Timeline: zoom in / out (also Ctrl + wheel)'],
  [['/'], 'Search'],
  [['Esc'], 'Clear the highlighted collision'],
  [['Shift', '←', '→'], 'On a focused release (Tab to it): move it earlier / later by a day, half an hour or the zoom\'s step'],
  [['Shift', '↑', '↓'], 'On a focused release: end it earlier / later'],
  [['Enter'], 'Save the move (with Undo); Esc puts it back. Without a move: open the release'],
];

/** The calendar's keys, one click away (and listed in docs/calendar.md). */
export function KeyboardHelp() {
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={340}>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts">
          <IconKeyboard size={18} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb={6}>
          Keyboard
        </Text>
        <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing={6}>
          <Table.Tbody>
            {CALENDAR_KEYS.map(([keys, what]) => (
              <Table.Tr key={what}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {keys.map((k) => (
                    <Kbd key={k} size="xs" mr={3}>
                      {k}
                    </Kbd>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={6}>
          Drag a planned release to move it; drag its end to change its length. Click anything to open it.
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
