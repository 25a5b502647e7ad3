import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    // The actions move under the title when both do not fit (200 % zoom, a narrow window), never off the screen.
    <Group justify="space-between" align="flex-end" wrap="wrap" mb="md">
      <Stack gap={2} style={{ flex: '1 1 24rem', minWidth: 0 }}>
        <Title order={2} fz="h3">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs" wrap="wrap">{actions}</Group>}
    </Group>
  );
}
