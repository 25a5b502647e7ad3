import { Alert, Button, Checkbox, FileButton, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { RunbookImportResult } from '../../../../electron/contract/runbook-entities';
import { notifySaved } from '../../shared/notify';
import { ImportPreview, type ImportChoices } from './ImportPreview';
import { readPlanFile } from './read-plan-file';
import { useRunbooksStore } from './runbooks-store';

type PickedFile = Awaited<ReturnType<typeof readPlanFile>>;

interface ImportState {
  file: PickedFile | null;
  choices: ImportChoices;
  preview: RunbookImportResult | null;
  error: string | null;
}
const NO_CHOICES: ImportChoices = { dropColumns: [], keepColumns: [], asWritten: [] };
const NOTHING_PICKED: ImportState = { file: null, choices: NO_CHOICES, preview: null, error: null };

/**
 * Pick a cutover plan, see how its columns were read, what matched no field, what was recognised and every row
 * checked, choose what to keep, then import all rows or none.
 */
export function ImportDialog({ opened, onClose, hasSteps }: { opened: boolean; onClose(): void; hasSteps: boolean }) {
  const importSteps = useRunbooksStore((s) => s.importSteps);
  // One state object: a new file (or a new choice) replaces the preview and error of the last one together.
  const [state, setState] = useState<ImportState>(NOTHING_PICKED);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const { file, preview, error, choices } = state;
  // The latest choices and check: a second choice made while the first is being checked builds on it, and only
  // the answer to the latest check is shown.
  const latest = useRef({ choices: NO_CHOICES, check: 0 });
  const close = () => {
    latest.current = { choices: NO_CHOICES, check: latest.current.check + 1 };
    setState(NOTHING_PICKED);
    setReplace(false);
    onClose();
  };

  const check = async (read: PickedFile, next: ImportChoices) => {
    const turn = ++latest.current.check;
    latest.current.choices = next;
    setBusy('checking');
    const result = await importSteps({ ...read, ...next, dryRun: true });
    if (turn !== latest.current.check) return;
    setBusy(null);
    setState(result.ok ? { file: read, choices: next, preview: result.value, error: null } : { file: read, choices: next, preview: null, error: result.error.message });
  };
  const pick = async (picked: File | null) => {
    if (picked) await check(await readPlanFile(picked), NO_CHOICES);
  };
  const choose = (change: (current: ImportChoices) => ImportChoices) => file && void check(file, change(latest.current.choices));

  const doImport = async () => {
    if (!file) return;
    setBusy('importing');
    const result = await importSteps({ ...file, ...choices, dryRun: false, replace });
    setBusy(null);
    if (!result.ok) return setState({ ...state, error: result.error.message });
    if (result.value.imported === 0) {
      return setState({ ...state, preview: result.value, error: 'Nothing was imported: the file has problems (see below).' });
    }
    notifySaved(`${result.value.imported} steps imported from ${file.fileName}.`);
    close();
  };

  const bad = preview !== null && (preview.invalid > 0 || preview.fileErrors.length > 0);
  return (
    <Modal opened={opened} onClose={close} title="Import steps from a spreadsheet" size="90rem">
      <Stack gap="sm" data-testid="import-dialog">
        <Text size="sm">
          A CSV or XLSX cutover plan, one step per row. Headers are matched on their words: ID, Task (or Title), Owner, Section (or Phase), Start (“22:30”,
          “Sat 22:00”, “D+1 02:00”), Duration (“90”, “1h 30m”, “01:30”; “Duration [h]” reads bare numbers as hours), Predecessors (“3, 5”), Notes, Command,
          Kind. Columns that match no field are kept in the steps’ notes unless you drop them. Nothing is written until you import, and a file with any
          problem imports nothing.
        </Text>
        <Group>
          <FileButton onChange={pick} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={16} />} loading={busy === 'checking' && !preview} {...props}>
                Choose CSV or XLSX file
              </Button>
            )}
          </FileButton>
          {file && <Text size="sm">{file.fileName}</Text>}
          {preview && preview.sheets.length > 1 && (
            <Select
              label="Sheet"
              aria-label="Sheet"
              size="xs"
              w={220}
              data={preview.sheets.map((s) => ({ value: s.name, label: s.hasTitleColumn ? s.name : `${s.name} (no title column)` }))}
              value={preview.sheet}
              onChange={(sheet) => sheet && choose(() => ({ ...NO_CHOICES, sheet }))}
              allowDeselect={false}
            />
          )}
          {busy === 'checking' && preview && <Loader size="xs" aria-label="Checking the file" />}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {preview && <ImportPreview preview={preview} onChoose={choose} />}
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
            <Button disabled={!preview || bad || busy === 'checking'} loading={busy === 'importing'} onClick={doImport}>
              {preview && !bad ? `Import ${preview.valid} steps` : 'Import'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
