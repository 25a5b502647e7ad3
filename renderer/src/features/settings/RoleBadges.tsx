import { Badge, Group, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { ROLE_LABELS, type PersonRole } from '../../../../electron/contract/entities';
import { isEmpowered } from './RolePicker';

export function RoleBadges({ roles }: { roles: PersonRole[] }) {
  if (roles.length === 0) return <Text size="sm" c="dimmed">No role</Text>;
  return (
    <Group gap={4}>
      {roles.map((role) =>
        isEmpowered(role) ? (
          <Badge key={role} size="sm" variant="light" color="indigo" radius="sm" leftSection={<IconShieldCheck size={11} />} style={{ textTransform: 'none' }} title="Empowered role">
            {ROLE_LABELS[role]}
          </Badge>
        ) : (
          <Badge key={role} size="sm" variant="default" radius="sm" style={{ textTransform: 'none' }}>
            {ROLE_LABELS[role]}
          </Badge>
        ),
      )}
    </Group>
  );
}
