import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconKey, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { DeviceKeyView, KeysOverview } from '../../../../electron/contract/keys-contract';
import { formatInstant } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { ActionDialog, type ActionDialogSpec } from '../readiness/ActionDialog';
import { EmptyRow } from '../settings/SettingsSection';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { confirmEnrol } from './enrol-confirm';
import { BigFingerprint, Fingerprint } from './Fingerprint';
import { useKeysStore } from './keys-store';

const NOT_ADMIN = 'Only a workspace admin’s device may enrol or revoke keys (the root’s, or one enrolled for a person with the Workspace admin role); this device is not one.';

/** Settings → Keys: the root to compare with the team, this device's key, and every request, enrolment and revocation. */
export function KeysSection() {
  const { overview, loadError, load } = useKeysStore();
  useEffect(() => void load(), [load]);
  if (loadError) return <Alert color="red" title="Could not read the keys">{loadError}</Alert>;
  if (!overview) return null;
  const waiting = overview.keys.filter((k) => k.status === 'requested');
  const enrolled = overview.keys.filter((k) => k.status === 'enrolled');
  const revoked = overview.keys.filter((k) => k.status === 'revoked');
  return (
    <Stack gap="lg" maw={1100} data-testid="keys-section">
      <div>
        <Title order={3} fz="md">
          Keys
        </Title>
        <Text size="sm" c="dimmed">
          Sign-offs, waivers, ticks, decisions and step executions are signed with the key of the device they are made on. A key counts for a person
          once a workspace admin has enrolled it; records signed by no enrolled key are kept, shown in red in the audit, and counted nowhere.
        </Text>
      </div>
      {overview.rootChanged && (
        <Alert color="red" icon={<IconAlertTriangle />} title="This workspace's root changed" data-testid="root-changed">
          This device first knew the workspace's root as {overview.rootChanged.pinned}, but the file now names {overview.rootChanged.found ?? 'no root'}: the
          workspace file was rewritten. Do not trust what it says until you know why.
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="md">
        <RootCard overview={overview} />
        <ThisDeviceCard overview={overview} />
      </SimpleGrid>
      <KeyTable
        title={`Requests waiting (${waiting.length})`}
        testId="key-requests"
        keys={waiting}
        overview={overview}
        empty="No request is waiting. On a teammate's device: Settings → Keys → Request a key (or “release-desk keys create --as NAME”); once it has synced here, a workspace admin enrols it."
      />
      <KeyTable
        title={`Enrolled keys (${enrolled.length})`}
        testId="enrolled-keys"
        keys={enrolled}
        overview={overview}
        empty="No key is enrolled yet, so nobody's sign-offs count. A workspace admin enrols their own device first (This device → Enrol), then the requests of the team."
      />
      {revoked.length > 0 && <KeyTable title={`Revoked keys (${revoked.length})`} testId="revoked-keys" keys={revoked} overview={overview} empty="" />}
    </Stack>
  );
}

function Panel({ title, badge, children, testId }: { title: string; badge?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="sm" padding="md" data-testid={testId}>
      <Group gap="xs" mb={8}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {title}
        </Text>
        {badge}
      </Group>
      {children}
    </Card>
  );
}

function RootCard({ overview }: { overview: KeysOverview }) {
  const { root } = overview;
  return (
    <Panel title="Workspace root" testId="root-key">
      {root ? (
        <Stack gap={6}>
          <Group gap="sm" wrap="nowrap" align="center">
            <IconShieldLock size={30} stroke={1.5} color="var(--mantine-primary-color-filled)" aria-hidden style={{ flexShrink: 0 }} />
            <BigFingerprint value={root.fingerprint} label="Root fingerprint" testId="root-fingerprint" />
          </Group>
          <Text size="sm">
            <b>Compare with your team</b>: every device of this workspace shows this same fingerprint here. If a teammate's differs, you are not
            working in the same workspace, or someone rewrote yours.
          </Text>
          <Text size="xs" c="dimmed">
            {root.label} · device {root.deviceId} · since {formatInstant(root.at)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No root yet: the first change made in this workspace makes this device its root, and its fingerprint shows here.
        </Text>
      )}
    </Panel>
  );
}

function ThisDeviceCard({ overview }: { overview: KeysOverview }) {
  const people = useWorkspaceStore((s) => s.people);
  const request = useKeysStore((s) => s.request);
  const me = overview.thisDevice;
  const [personId, setPersonId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signs = new Set(me.signsFor.map((p) => p.personId));
  const asked = new Set(overview.keys.filter((k) => k.thisDevice && k.status === 'requested').map((k) => k.personId));
  const candidates = people.filter((p) => !signs.has(p.id) && !(asked.has(p.id) && !me.isAdmin));
  const chosen = people.find((p) => p.id === personId);
  const submit = async () => {
    if (!chosen) return;
    if (me.isAdmin) return confirmEnrol({ deviceId: me.deviceId, fingerprint: me.fingerprint, label: 'this device', thisDevice: true }, chosen);
    setBusy(true);
    const result = await request(chosen.id);
    setBusy(false);
    if (!result.ok) return notifyFailed('Could not request a key', result.error.message);
    setPersonId(null);
    notifySaved(`Key requested for ${chosen.name}: a workspace admin enrols it once it has synced.`);
  };
  return (
    <Panel
      title="This device"
      testId="this-device-key"
      badge={
        me.isAdmin && (
          <Badge size="sm" variant="light" color="indigo" radius="sm" style={{ textTransform: 'none' }}>
            may enrol keys
          </Badge>
        )
      }
    >
      <Stack gap={8}>
        <Group gap="xs" wrap="nowrap">
          <IconKey size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Fingerprint value={me.fingerprint} fz="lg" fw={600} data-testid="device-fingerprint" />
        </Group>
        <Text size="sm">
          Signs for:{' '}
          {me.signsFor.length ? (
            <b>{me.signsFor.map((p) => p.name).join(', ')}</b>
          ) : (
            <Text span c="dimmed">
              nobody yet
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          Device {me.deviceId}. {me.protection}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={me.isAdmin ? 'Enrol this device for' : 'Request a key for'}
            placeholder={candidates.length ? 'Choose a person' : 'Everyone is covered'}
            data={candidates.map((p) => ({ value: p.id, label: p.name }))}
            value={personId}
            onChange={setPersonId}
            searchable
            size="xs"
            w={220}
            disabled={candidates.length === 0}
          />
          <Button size="xs" disabled={!chosen} loading={busy} onClick={() => void submit()}>
            {me.isAdmin ? 'Enrol' : 'Request'}
          </Button>
        </Group>
      </Stack>
    </Panel>
  );
}

function KeyTable({ title, keys, overview, empty, testId }: { title: string; keys: DeviceKeyView[]; overview: KeysOverview; empty: string; testId: string }) {
  const revoke = useKeysStore((s) => s.revoke);
  const [dialog, setDialog] = useState<ActionDialogSpec | null>(null);
  const action = (k: DeviceKeyView) => {
    if (k.status === 'revoked') return <Text size="sm">{k.reason}</Text>;
    // A key may revoke itself (a laptop handed back); everything else takes an admin's device.
    const admin = overview.thisDevice.isAdmin || (k.status === 'enrolled' && k.thisDevice);
    const person = { id: k.personId ?? '', name: k.personName ?? 'nobody' };
    const button =
      k.status === 'requested' ? (
        <Button size="compact-sm" disabled={!admin} onClick={() => confirmEnrol(k, person)}>
          Enrol
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          disabled={!admin}
          onClick={() =>
            setDialog({
              title: `Revoke ${person.name}'s key on ${k.label}`,
              intro: `Records this key signed for ${person.name} until now stay valid; anything it signs for them from now on counts nowhere, whatever its date says. The revocation and your reason are kept and sync to everyone.`,
              submitLabel: 'Revoke the key',
              submitColor: 'red',
              textLabel: 'Reason',
              textRequired: true,
              onSubmit: async ({ text }) => {
                const result = await revoke(k.deviceId, k.personId, text);
                if (result.ok) notifySaved(`${person.name}'s key on ${k.label} is revoked.`);
                return result;
              },
            })
          }
        >
          Revoke
        </Button>
      );
    return admin ? (
      button
    ) : (
      <Tooltip label={NOT_ADMIN} multiline maw={320} withArrow>
        <span>{button}</span>
      </Tooltip>
    );
  };
  const verb = { requested: 'Requested', enrolled: 'Enrolled', revoked: 'Revoked', root: 'Root' } as const;
  return (
    <Stack gap={4}>
      <Title order={4} fz="sm">
        {title}
      </Title>
      <Card withBorder padding={0} radius="sm">
        {keys.length === 0 ? (
          <EmptyRow>{empty}</EmptyRow>
        ) : (
          <Table verticalSpacing="xs" highlightOnHover data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Device</Table.Th>
                <Table.Th>Fingerprint</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th w={keys[0].status === 'revoked' ? 260 : 110}>{keys[0].status === 'revoked' ? 'Reason' : ''}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((k) => (
                <Table.Tr key={`${k.status}:${k.deviceId}:${k.personId}:${k.at}`} aria-label={`${k.personName ?? 'nobody'} on ${k.label}`}>
                  <Table.Td fw={500}>{k.personName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{k.label}</Text>
                      {k.thisDevice && (
                        <Badge size="xs" variant="outline" radius="sm" style={{ textTransform: 'none' }}>
                          this device
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {k.deviceId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Fingerprint value={k.fingerprint} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstant(k.at)}</Text>
                    {k.byName && k.status !== 'requested' && (
                      <Text size="xs" c="dimmed">
                        {verb[k.status]} by {k.byName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{action(k)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <ActionDialog spec={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
