import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../../../electron/contract/api-result';

export interface NameModalSpec {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string): Promise<ApiResult<unknown>>;
}

/** One name, asked for: renaming a runbook, or naming the template made from it. */
export function NameModal({ spec, onClose }: { spec: NameModalSpec | null; onClose(): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setName(spec?.initial ?? '');
    setError(null);
  }, [spec]);
  const submit = async () => {
    if (!spec) return;
    if (name.trim() === '') return setError(`${spec.label} is required`);
    setBusy(true);
    const result = await spec.onSubmit(name.trim());
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };
  return (
    <Modal opened={spec !== null} onClose={onClose} title={spec?.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={spec?.label} data-autofocus value={name} onChange={(e) => (setName(e.currentTarget.value), setError(null))} error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {spec?.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
