import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { formatWindow } from '../../shared/dates';
import { notifySaved } from '../../shared/notify';
import { useRunbooksStore } from './runbooks-store';

interface NewRunbookModalProps {
  opened: boolean;
  onClose(): void;
  /** Preselected release (the picker's filter), if any. */
  releaseId: string | null;
}

/** A release's runbook (empty, or from a template re-anchored to the release window), or a new template. */
export function NewRunbookModal({ opened, onClose, releaseId }: NewRunbookModalProps) {
  const { releases, templates, create } = useRunbooksStore();
  const [forWhat, setForWhat] = useState<'release' | 'template'>('release');
  const [release, setRelease] = useState<string | null>(releaseId);
  const [from, setFrom] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setRelease(releaseId);
    setFrom(null);
    setName('');
    setNameTouched(false);
    setError(null);
  }, [opened, releaseId]);

  const releaseOptions = useMemo(
    () => releases.map((r) => ({ value: r.id, label: `${r.name} ${r.version} · ${formatWindow(r.windowStart, r.windowEnd)}` })),
    [releases],
  );
  const chosen = releases.find((r) => r.id === release);
  const suggested = forWhat === 'template' ? '' : chosen ? `${chosen.name} ${chosen.version} runbook` : '';
  const shownName = nameTouched ? name : suggested;

  const submit = async () => {
    if (forWhat === 'release' && !release) return setError('Choose the release this runbook is for.');
    if (shownName.trim() === '') return setError('Name is required.');
    setBusy(true);
    const result = await create({
      name: shownName.trim(),
      releaseId: forWhat === 'release' ? release : null,
      ...(from ? { fromRunbookId: from } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    notifySaved(`${result.value.name} created.`);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New runbook" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            value={forWhat}
            onChange={(v) => setForWhat(v as 'release' | 'template')}
            data={[
              { value: 'release', label: "A release's runbook" },
              { value: 'template', label: 'A template' },
            ]}
          />
          {forWhat === 'release' && (
            <Select
              label="Release"
              placeholder={releases.length ? 'Search by name or version' : 'Plan a release on the Releases screen first'}
              data={releaseOptions}
              value={release}
              onChange={(v) => (setRelease(v), setError(null))}
              searchable
              limit={50}
              nothingFoundMessage="No such release"
              disabled={releases.length === 0}
            />
          )}
          <Select
            label="Start from"
            description={forWhat === 'release' ? "A template's steps are copied and their times re-anchored to the release window" : 'Copy the steps of a template'}
            placeholder="An empty runbook"
            data={templates.map((t) => ({ value: t.id, label: `${t.name} (${t.stepCount} steps)` }))}
            value={from}
            onChange={setFrom}
            clearable
          />
          <TextInput
            label="Name"
            value={shownName}
            onChange={(e) => {
              setNameTouched(true);
              setName(e.currentTarget.value);
              setError(null);
            }}
            placeholder={forWhat === 'template' ? 'Standard weekend deploy' : undefined}
          />
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Enter creates · Esc closes
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Create runbook
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
