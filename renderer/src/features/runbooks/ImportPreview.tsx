import { Alert, Badge, Checkbox, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconFlag } from '@tabler/icons-react';
import type { RunbookImportResult } from '../../../../electron/contract/runbook-entities';
import { PreviewRows, previewSummary } from '../../shared/PreviewRows';
import { RowCheck } from '../../shared/RowCheck';
import { formatDuration } from './duration';
import { StepKindLabel } from './StepBadges';

/** What the person decided in the preview; each change checks the file again. */
export interface ImportChoices {
  sheet?: string;
  dropColumns: string[];
  keepColumns: string[];
  asWritten: string[];
}

interface Props {
  preview: RunbookImportResult;
  /** Changes the choices the preview was made with; the file is then checked again. */
  onChoose(change: (current: ImportChoices) => ImportChoices): void;
}

const ROW_HEADERS = ['Row', 'ID', 'Title', 'Owner', 'Section', 'Kind', 'Start', 'Duration', 'Predecessors', 'Check'];

const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);

/** Columns no step field takes: each kept in the notes under its header, or dropped, as the person chooses. */
function UnmatchedColumns({ preview, onChoose }: Props) {
  if (preview.unmatched.length === 0) return null;
  const set = (column: string, action: 'keep' | 'drop') =>
    onChoose((choices) => ({
      ...choices,
      dropColumns: action === 'drop' ? [...without(choices.dropColumns, column), column] : without(choices.dropColumns, column),
      keepColumns: action === 'keep' ? [...without(choices.keepColumns, column), column] : without(choices.keepColumns, column),
    }));
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="import-unmatched">
      <Text size="sm" fw={600}>
        Columns that match no step field ({preview.unmatched.length})
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        Kept, a column’s cells are added to each step’s notes under its header. Dropped, they are not imported.
      </Text>
      <Stack gap={6}>
        {preview.unmatched.map((u) => (
          <Group key={u.column} gap="sm" wrap="nowrap" justify="space-between" role="group" aria-label={`Column ${u.column} ${u.header}`}>
            <Text size="sm" style={{ minWidth: 0 }} truncate>
              <Text span c="dimmed" size="xs">
                {u.column}
              </Text>{' '}
              <Text span fw={500}>
                {u.header}
              </Text>{' '}
              <Text span c="dimmed" size="xs">
                · {u.filled} row{u.filled === 1 ? '' : 's'}
              </Text>
            </Text>
            <SegmentedControl
              size="xs"
              value={u.action}
              onChange={(value) => set(u.column, value as 'keep' | 'drop')}
              data={[
                { value: 'keep', label: 'Keep as notes' },
                { value: 'drop', label: 'Drop' },
              ]}
              aria-label={`What to do with column ${u.header}`}
            />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Rows read as rollback steps or go/no-go checkpoints from their words: each may be declined. */
function Recognitions({ preview, onChoose }: Props) {
  if (preview.recognitions.length === 0) return null;
  const toggle = (key: string, apply: boolean) =>
    onChoose((choices) => ({ ...choices, asWritten: apply ? without(choices.asWritten, key) : [...without(choices.asWritten, key), key] }));
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="import-recognitions">
      <Text size="sm" fw={600}>
        Recognised rollback and go/no-go steps ({preview.recognitions.length})
      </Text>
      <Text size="xs" c="dimmed" mb={6}>
        Read from titles and phase names, since no Kind cell says so. Untick one to import it as written.
      </Text>
      <Stack gap={6}>
        {preview.recognitions.map((r) => (
          <Checkbox
            key={r.key}
            size="xs"
            checked={r.applied}
            onChange={(e) => toggle(r.key, e.currentTarget.checked)}
            label={
              <Group gap={6} wrap="nowrap">
                {r.what === 'rollback' ? <IconArrowBackUp size={14} aria-hidden /> : <IconFlag size={14} aria-hidden />}
                <Text size="sm" td={r.applied ? undefined : 'line-through'} c={r.applied ? undefined : 'dimmed'}>
                  {r.sentence}
                </Text>
              </Group>
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}

function startCell(row: RunbookImportResult['rows'][number]) {
  if (!row.start) return row.startWritten;
  if (!row.startWritten || row.startWritten === row.start) return row.start;
  return (
    <Tooltip label={`“${row.startWritten}” in the file`}>
      <span>
        <Text span size="xs" c="dimmed">
          {row.startWritten} →
        </Text>{' '}
        {row.start}
      </span>
    </Tooltip>
  );
}

export function ImportPreview({ preview, onChoose }: Props) {
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
            {c.note && ` · ${c.note}`}
          </Badge>
        ))}
      </Group>
      {(preview.unmatched.length > 0 || preview.recognitions.length > 0) && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          <UnmatchedColumns preview={preview} onChoose={onChoose} />
          <Recognitions preview={preview} onChoose={onChoose} />
        </SimpleGrid>
      )}
      {preview.notImported.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="import-not-imported">
          Not imported:{' '}
          {preview.notImported.map((n) => `row ${n.row} (${n.why}): “${n.text}”`).join('; ')}
        </Text>
      )}
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
        {bad && preview.invalid === 0 ? 'The file cannot be imported (see above).' : previewSummary(preview.invalid, preview.rows.length)}
      </Text>
      <PreviewRows headers={ROW_HEADERS} testId="import-rows">
        {preview.rows.map((row) => (
          <Table.Tr key={row.row} bg={row.ok ? undefined : 'var(--mantine-color-red-light)'}>
            <Table.Td>{row.row}</Table.Td>
            <Table.Td>{row.externalRef}</Table.Td>
            <Table.Td>{row.title}</Table.Td>
            <Table.Td>{row.owner}</Table.Td>
            <Table.Td>{row.section}</Table.Td>
            <Table.Td>{row.ok && <StepKindLabel kind={row.kind} />}</Table.Td>
            <Table.Td>{startCell(row)}</Table.Td>
            <Table.Td>{row.durationMinutes === null ? '' : formatDuration(row.durationMinutes)}</Table.Td>
            <Table.Td>{row.predecessors.join(', ')}</Table.Td>
            <Table.Td>
              <RowCheck ok={row.ok} errors={row.errors} />
            </Table.Td>
          </Table.Tr>
        ))}
      </PreviewRows>
    </Stack>
  );
}
