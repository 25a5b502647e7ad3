import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { RunbookImportResult } from '../../../../electron/contract/runbook-entities';
import { notifySaved } from '../../shared/notify';
import { formatDuration } from './duration';
import { readPlanFile } from './read-plan-file';
import { useRunbooksStore } from './runbooks-store';
import { RowCheck } from '../../shared/RowCheck';

type PickedFile = Awaited<ReturnType<typeof readPlanFile>>;
interface ImportState {
  file: PickedFile | null;
  preview: RunbookImportResult | null;
  error: string | null;
}
const NOTHING_PICKED: ImportState = { file: null, preview: null, error: null };

/** Pick a cutover plan, see how its columns were read and every row checked, then import all rows or none. */
export function ImportDialog({ opened, onClose, hasSteps }: { opened: boolean; onClose(): void; hasSteps: boolean }) {
  const importSteps = useRunbooksStore((s) => s.importSteps);
  // One state object: a new file replaces the preview and error of the last one together.
  const [state, setState] = useState<ImportState>(NOTHING_PICKED);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const { file, preview, error } = state;
  const close = () => {
    setState(NOTHING_PICKED);
    setReplace(false);
    onClose();
  };

  const pick = async (picked: File | null) => {
    if (!picked) return;
    setBusy(true);
    const read = await readPlanFile(picked);
    const result = await importSteps({ ...read, dryRun: true });
    setBusy(false);
    setState(result.ok ? { file: read, preview: result.value, error: null } : { file: read, preview: null, error: result.error.message });
  };

  const doImport = async () => {
    if (!file) return;
    setBusy(true);
    const result = await importSteps({ ...file, dryRun: false, replace });
    setBusy(false);
    if (!result.ok) return setState({ ...state, error: result.error.message });
    if (result.value.imported === 0) {
      return setState({ file, preview: result.value, error: 'Nothing was imported: the file has problems (see below).' });
    }
    notifySaved(`${result.value.imported} steps imported from ${file.fileName}.`);
    close();
  };

  const bad = preview !== null && (preview.invalid > 0 || preview.fileErrors.length > 0);
  return (
    <Modal opened={opened} onClose={close} title="Import steps from a spreadsheet" size="90rem">
      <Stack gap="sm" data-testid="import-dialog">
        <Text size="sm">
          A CSV or XLSX cutover plan, one step per row. Header names are matched loosely: ID, Task (or Title), Owner, Section (or Phase), Start, Duration
          (“90”, “1h 30m”, “01:30”), Predecessors (“3, 5”), Notes, Command, Kind. You see every row checked first; nothing is written until you import, and
          a file with any problem imports nothing.
        </Text>
        <Group>
          <FileButton onChange={pick} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={16} />} loading={busy && !preview} {...props}>
                Choose CSV or XLSX file
              </Button>
            )}
          </FileButton>
          {file && <Text size="sm">{file.fileName}</Text>}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {preview && <ImportPreview preview={preview} />}
        <Group justify="space-between">
          <Checkbox
            label="Replace the runbook's current steps"
            checked={replace}
            onChange={(e) => setReplace(e.currentTarget.checked)}
            disabled={!hasSteps}
            description={hasSteps ? 'Otherwise the imported steps are added after them' : undefined}
          />
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button disabled={!preview || bad} loading={busy && preview !== null} onClick={doImport}>
              {preview && !bad ? `Import ${preview.valid} steps` : 'Import'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportPreview({ preview }: { preview: RunbookImportResult }) {
  const bad = preview.invalid > 0 || preview.fileErrors.length > 0;
  return (
    <Stack gap="xs" data-testid="import-preview">
      <Group gap={6}>
        <Text size="sm" fw={500}>
          Columns read:
        </Text>
        {preview.columns.map((c) => (
          <Badge key={c.field} variant="light" radius="sm" style={{ textTransform: 'none' }}>
            {c.header.toLowerCase() === c.field.toLowerCase() ? c.header : `${c.header} → ${c.field}`}
          </Badge>
        ))}
      </Group>
      {preview.fileErrors.length > 0 && (
        <Alert color="red" variant="light" title="The file cannot be imported">
          <List size="sm">
            {preview.fileErrors.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm" c={bad ? 'red' : undefined} fw={500} data-testid="import-summary">
        {bad
          ? `${preview.invalid} of ${preview.rows.length} rows have problems: fix the file and choose it again. Nothing is imported until every row is right.`
          : `All ${preview.rows.length} rows are ready to import.`}
      </Text>
      <ScrollArea.Autosize mah={380}>
        <Table fz="xs" striped stickyHeader data-testid="import-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>ID</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Section</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Predecessors</Table.Th>
              <Table.Th>Check</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.row} bg={row.ok ? undefined : 'var(--mantine-color-red-light)'}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{row.externalRef}</Table.Td>
                <Table.Td>{row.title}</Table.Td>
                <Table.Td>{row.owner}</Table.Td>
                <Table.Td>{row.section}</Table.Td>
                <Table.Td>{row.start}</Table.Td>
                <Table.Td>{row.durationMinutes === null ? '' : formatDuration(row.durationMinutes)}</Table.Td>
                <Table.Td>{row.predecessors.join(', ')}</Table.Td>
                <Table.Td>
                  <RowCheck ok={row.ok} errors={row.errors} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
