import { Button, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { LiveNotification } from '../../../../electron/contract/live-feed';
import { api } from '../../api/api-client';
import { desktopBridge } from '../../api/bridge';
import { notifyFailed } from '../../shared/notify';

type Kind = LiveNotification['kind'];

const KINDS: Array<{ kind: Kind; label: string; description: string }> = [
  { kind: 'halt', label: 'A halt on a release I own or coordinate', description: 'Someone halted a readiness state.' },
  { kind: 'your-step-next', label: 'A step assigned to me becomes next', description: 'What it waited for is done: it may start now.' },
  { kind: 'checkpoint', label: 'A go/no-go checkpoint is reached', description: 'The steps before it are done: decide go or no-go.' },
  { kind: 'no-go', label: 'A no-go', description: 'Someone decided no-go: the rollback runs.' },
];

/** Settings → Notifications: which moments interrupt the person this device acts as; never their own actions. */
export function NotificationsSection() {
  const [settings, setSettings] = useState<{ personId: string | null; enabled: Kind[] } | null>(null);
  const [permission, setPermission] = useState(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  useEffect(() => {
    void api['sync.notifications']({}).then((r) => r.ok && setSettings(r.value));
  }, []);
  const toggle = async (kind: Kind, on: boolean) => {
    if (!settings) return;
    const enabled = on ? [...settings.enabled, kind] : settings.enabled.filter((k) => k !== kind);
    const result = await api['sync.setNotifications']({ enabled });
    if (result.ok) setSettings(result.value);
    else notifyFailed('Could not save notifications', result.error.message);
  };
  return (
    <Card withBorder maw={720} data-testid="notification-settings">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          Notifications
        </Title>
        <Text size="sm" c="dimmed">
          {settings?.personId
            ? 'The moments you are told of as they arrive from the others, never for what you do yourself. Kept on this device, for you.'
            : 'Choose yourself in “You are” first: notifications are set per person.'}
        </Text>
        {KINDS.map(({ kind, label, description }) => (
          <Checkbox
            key={kind}
            label={label}
            description={description}
            checked={settings?.enabled.includes(kind) ?? true}
            disabled={!settings?.personId}
            onChange={(e) => void toggle(kind, e.currentTarget.checked)}
          />
        ))}
        {!desktopBridge() && permission !== 'granted' && permission !== 'unsupported' && (
          <Button variant="light" w="fit-content" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Allow desktop notifications from this browser
          </Button>
        )}
      </Stack>
    </Card>
  );
}
