import { Alert, Button, Code, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeploymentsCsvResult } from '../../../../electron/contract/outcomes-entities';
import { notifySaved } from '../../shared/notify';
import { useMetricsStore } from './metrics-store';
import { PreviewRows, previewSummary } from '../../shared/PreviewRows';
import { RowCheck } from '../../shared/RowCheck';

const ROW_HEADERS = ['Line', 'Release', 'Environment', 'Deployed at', 'Result', 'Rework', 'Incident', 'Check'];
const COLUMNS = 'release, environment, deployed_at, result, note, rework, incident_title, incident_reference, incident_started_at, incident_restored_at';

/** Pick a CSV, see every row checked, then import all rows, or nothing when any row is bad. */
export function ImportCsvModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const checkCsv = useMetricsStore((s) => s.checkCsv);
  const importCsv = useMetricsStore((s) => s.importCsv);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<DeploymentsCsvResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFile(null);
    setPreview(null);
    setError(null);
    onClose();
  };

  const pick = async (picked: File | null) => {
    if (!picked) return;
    const content = await picked.text();
    setFile({ name: picked.name, content });
    const result = await checkCsv(content);
    setPreview(result.ok ? result.value : null);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <Modal opened={opened} onClose={close} title="Import deployments from CSV" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          One deployment per row; the first line names the columns: <Code>{COLUMNS}</Code>. The first four are required; release is an id or
          NAME@VERSION, times are ISO 8601 with an offset, result is succeeded, failed, rolled-back or fixed-forward; rework is yes for a deployment
          that was not planned but made to fix a user-facing defect.
        </Text>
        <Group>
          <FileButton onChange={pick} accept=".csv,text/csv">
            {(props) => (
              <Button variant="default" leftSection={<IconFileImport size={16} />} {...props}>
                Choose CSV file
              </Button>
            )}
          </FileButton>
          {file && <Text size="sm">{file.name}</Text>}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            <Text size="sm" c={preview.invalid > 0 ? 'red' : undefined}>
              {previewSummary(preview.invalid, preview.rows.length)}
            </Text>
            <PreviewRows headers={ROW_HEADERS} testId="csv-preview">
              {preview.rows.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.release}</Table.Td>
                  <Table.Td>{row.environment}</Table.Td>
                  <Table.Td>{row.deployedAt}</Table.Td>
                  <Table.Td>{row.result}</Table.Td>
                  <Table.Td>{row.rework ? 'Yes' : ''}</Table.Td>
                  <Table.Td>{row.incident}</Table.Td>
                  <Table.Td>
                    <RowCheck ok={row.ok} errors={row.errors} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </PreviewRows>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!preview || preview.invalid > 0 || !file}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const result = await importCsv(file!.content);
              setBusy(false);
              if (!result.ok) return setError(result.error.message);
              notifySaved(`${result.value.imported} deployments imported.`);
              close();
            }}
          >
            Import {preview && preview.invalid === 0 ? preview.valid : ''} deployments
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
