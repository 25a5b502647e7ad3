import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ApiResult } from '../../../electron/contract/api-result';
import { notifyFailed, notifySaved } from './notify';

/**
 * Asks before deleting, then shows the core's own refusal when there is one (e.g. "Billing is part of 2
 * release(s)…"): the core knows why better than the screen does.
 */
export function confirmDelete(what: string, consequence: string, remove: () => Promise<ApiResult<unknown>>): void {
  modals.openConfirmModal({
    title: `Delete ${what}?`,
    children: <Text size="sm">{consequence}</Text>,
    labels: { confirm: 'Delete', cancel: 'Keep' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      const result = await remove();
      if (result.ok) notifySaved(`${what} deleted.`);
      else notifyFailed(`Could not delete ${what}`, result.error.message);
    },
  });
}
