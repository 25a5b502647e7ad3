import { Alert, Button, FileInput, Group, Modal, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { IcsImportPreview, StoredWindowKind } from '../../../../electron/contract/calendar-entities';
import { formatWindow } from '../../shared/dates';
import { notifySaved } from '../../shared/notify';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useCalendarStore } from './calendar-store';

/** Import freeze or maintenance windows from an .ics file: a preview first; a malformed file imports nothing. */
export function IcsImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { previewImport, importIcs } = useCalendarStore();
  const environments = useWorkspaceStore((s) => s.environments);
  const [file, setFile] = useState<File | null>(null);
  const [ics, setIcs] = useState<string | null>(null);
  const [kind, setKind] = useState<StoredWindowKind>('freeze');
  const [environmentId, setEnvironmentId] = useState<string | null>(null);
  const [preview, setPreview] = useState<IcsImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) {
      setFile(null);
      setIcs(null);
      setPreview(null);
      setError(null);
    }
  }, [opened]);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (ics === null) return;
    let current = true;
    void previewImport({ ics, kind, environmentId }).then((r) => {
      if (!current) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [ics, kind, environmentId, previewImport]);

  const choose = async (picked: File | null) => {
    setFile(picked);
    setIcs(picked ? await picked.text() : null);
  };

  const run = async () => {
    if (ics === null) return;
    setBusy(true);
    const r = await importIcs({ ics, kind, environmentId });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    notifySaved(`${r.value.created.length} ${kind} window${r.value.created.length === 1 ? '' : 's'} imported from ${file?.name ?? 'the file'}.`);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import windows from an .ics file" size="xl" styles={{ title: { fontWeight: 600 } }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Every event in the file becomes a window, for example a company holiday calendar as freeze windows. Nothing is
          written until you import, and a file with a broken event imports nothing.
        </Text>
        <FileInput label="Calendar file" placeholder="Pick an .ics file" accept=".ics,text/calendar" clearable value={file} onChange={(f) => void choose(f)} leftSection={<IconFileImport size={16} />} />
        <Group grow align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Import as
            </Text>
            <SegmentedControl
              data={[
                { value: 'freeze', label: 'Freeze windows' },
                { value: 'maintenance', label: 'Maintenance windows' },
              ]}
              value={kind}
              onChange={(k) => setKind(k as StoredWindowKind)}
            />
          </Stack>
          <Select label="Environment" placeholder="Every environment" clearable data={environments.map((e) => ({ value: e.id, label: e.name }))} value={environmentId} onChange={setEnvironmentId} />
        </Group>
        {error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} title="This file cannot be imported" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            {preview.warnings.map((w) => (
              <Alert key={w} color="yellow" variant="light" p="xs">
                {w}
              </Alert>
            ))}
            <Text size="sm" fw={500}>
              {preview.windows.length} window{preview.windows.length === 1 ? '' : 's'} will be created:
            </Text>
            <ScrollArea.Autosize mah={280}>
              <Table striped withTableBorder verticalSpacing={4} fz="xs" data-testid="ics-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>When (your time)</Table.Th>
                    <Table.Th>Zone</Table.Th>
                    <Table.Th>Repeats</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.windows.map((w, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{w.name}</Table.Td>
                      <Table.Td>{formatWindow(w.start, w.end)}</Table.Td>
                      <Table.Td>{w.timeZone}</Table.Td>
                      <Table.Td>{w.rrule ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!preview || preview.windows.length === 0} loading={busy} onClick={() => void run()}>
            Import {preview ? preview.windows.length : ''} window{preview?.windows.length === 1 ? '' : 's'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
