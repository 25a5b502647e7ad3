import { ActionIcon, Group, Kbd, Popover, Stack, Table, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

const SHORTCUTS: [string[], string][] = [
  [['↑', '↓'], 'Move the focus row'],
  [['Shift', '↑ ↓'], 'Extend the selection (or Shift+click)'],
  [['Ctrl', 'click'], 'Add a step to the selection (Space too)'],
  [['Enter'], 'Edit the step (or double-click)'],
  [['A'], 'Add a step below (Alt+Enter too)'],
  [['Alt', '↑ ↓'], 'Move the selected steps up or down'],
  [['S'], 'Put the selected steps into a section'],
  [['Delete'], 'Delete the selected steps (with Undo)'],
  [['Ctrl', 'A'], 'Select every step'],
  [['Esc'], 'Clear the selection'],
];

/** The table's keys, one click (or "?") away, so keyboard editing is found by those who look for it. */
export function ShortcutHelp() {
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '?' && !typing) setOpened((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Popover position="bottom-end" withArrow shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setOpened((o) => !o)}>
          <IconKeyboard size={18} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Step table keys
          </Text>
          <Table fz="xs" verticalSpacing={3} withRowBorders={false}>
            <Table.Tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <Table.Tr key={what}>
                  <Table.Td>
                    <Group gap={3} wrap="nowrap">
                      {keys.map((k) => (
                        <Kbd key={k} size="xs">
                          {k}
                        </Kbd>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{what}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The one-line reminder under the table. */
export function ShortcutFooter({ selected }: { selected: number }) {
  return (
    <Text size="xs" c="dimmed" data-testid="shortcut-footer">
      {selected > 1 ? `${selected} steps selected · ` : ''}? keys · ↑↓ move · Enter edit · A add below · Alt+↑↓ reorder · S section · Del delete · Shift/Ctrl+click select
    </Text>
  );
}
