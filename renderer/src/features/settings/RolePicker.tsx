import { Chip, Group, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { EMPOWERED_ROLES, OTHER_ROLES, ROLE_LABELS, type PersonRole } from '../../../../electron/contract/entities';

/** The four empowered roles are set apart: only they may assert or halt a readiness state. */
export function RolePicker({ value, onChange, error }: { value: PersonRole[]; onChange(roles: PersonRole[]): void; error?: string }) {
  const change = (roles: string[]) => onChange(roles as PersonRole[]);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Roles
      </Text>
      <Chip.Group multiple value={value} onChange={change}>
        <Text size="xs" c="dimmed">
          Empowered for readiness (each asserts or halts one readiness state)
        </Text>
        <Group gap={6}>
          {EMPOWERED_ROLES.map((role) => (
            <Chip key={role} value={role} size="xs" color="indigo" icon={<IconShieldCheck size={12} />}>
              {ROLE_LABELS[role]}
            </Chip>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          Other roles
        </Text>
        <Group gap={6}>
          {OTHER_ROLES.map((role) => (
            <Chip key={role} value={role} size="xs" color="gray">
              {ROLE_LABELS[role]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

const EMPOWERED = new Set<string>(EMPOWERED_ROLES);
export const isEmpowered = (role: PersonRole) => EMPOWERED.has(role);
