import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { DeviceKeyView } from '../../../../electron/contract/keys-contract';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { BigFingerprint } from './Fingerprint';
import { useKeysStore } from './keys-store';

/**
 * Enrolling a key vouches that it is the person's: a request can be written by anyone who can write to the shared
 * folder, so the admin compares the fingerprint with the person (in the room, on a call) before enrolling.
 */
export function confirmEnrol(key: Pick<DeviceKeyView, 'deviceId' | 'fingerprint' | 'label' | 'thisDevice'>, person: { id: string; name: string }): void {
  modals.openConfirmModal({
    title: `Enrol this key for ${person.name}?`,
    children: (
      <Stack gap="xs">
        <Text size="sm">
          {key.thisDevice
            ? `From now on ${person.name}'s sign-offs, ticks, decisions and step executions made on this device count.`
            : `Ask ${person.name} to read out the fingerprint shown on their device (Settings → Keys, “This device”) and compare it with this one. Enrol only if they match: from then on what that device signs for ${person.name} counts.`}
        </Text>
        <BigFingerprint value={key.fingerprint} label="Fingerprint" align="center" />
        <Text size="xs" c="dimmed" ta="center">
          {key.label} · device {key.deviceId}
        </Text>
      </Stack>
    ),
    labels: { confirm: key.thisDevice ? 'Enrol' : 'They match: enrol', cancel: 'Cancel' },
    onConfirm: async () => {
      const result = await useKeysStore.getState().enrol(key.deviceId, person.id);
      if (result.ok) notifySaved(`The key is enrolled for ${person.name}.`);
      else notifyFailed('Could not enrol the key', result.error.message);
    },
  });
}
