import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description: string;
  addLabel?: string;
  onAdd?(): void;
  /** Shown instead of the table when there is nothing yet. */
  empty?: ReactNode;
  children: ReactNode;
}

export function SettingsSection({ title, description, addLabel, onAdd, empty, children }: SettingsSectionProps) {
  return (
    <Stack gap="sm" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} fz="md">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {addLabel && onAdd && (
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      <Card withBorder padding={0} radius="sm">
        {empty ?? children}
      </Card>
    </Stack>
  );
}

/** The line a settings table shows when it has no rows yet. */
export function EmptyRow({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" p="lg" ta="center">
      {children}
    </Text>
  );
}
