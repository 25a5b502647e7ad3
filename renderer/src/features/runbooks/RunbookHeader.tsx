import { ActionIcon, Alert, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconDownload, IconCopy, IconDots, IconFileTypeCsv, IconFileTypePdf, IconFileImport, IconMarkdown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';
import { describeWindowInZone, formatWindow } from '../../shared/dates';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { downloadFile } from '../readiness/download-file';
import { ImportDialog } from './ImportDialog';
import { NameModal, type NameModalSpec } from './NameModal';
import { useRunbooksStore } from './runbooks-store';
import { overrunSentence, type TimeFormat } from './step-times';

const EXPORTS = [
  { format: 'pdf', label: 'PDF for printing', icon: IconFileTypePdf },
  { format: 'csv', label: 'CSV (re-importable)', icon: IconFileTypeCsv },
  { format: 'md', label: 'Markdown', icon: IconMarkdown },
] as const;

/** The open runbook's name, release and window, whether it overruns, and what can be done with it as a whole. */
export function RunbookHeader({ view, format }: { view: RunbookView; format: TimeFormat }) {
  const { rename, saveAsTemplate, remove, restore, exportRunbook } = useRunbooksStore();
  const [nameSpec, setNameSpec] = useState<NameModalSpec | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const { runbook, release } = view;
  const overrun = overrunSentence(view, format);

  const save = async (fmt: (typeof EXPORTS)[number]['format']) => {
    setExporting(fmt);
    const result = await exportRunbook(fmt);
    setExporting(null);
    if (result.ok) downloadFile(result.value);
    else notifyFailed('Could not export the runbook', result.error.message);
  };

  const onDelete = async () => {
    const result = await remove(runbook.id);
    if (!result.ok) return notifyFailed('Could not delete the runbook', result.error.message);
    notifyWithUndo('Runbook deleted', `${runbook.name} is gone from the list; its execution records stay in the history.`, async () => {
      const back = await restore(runbook.id);
      if (back.ok) notifySaved(`${runbook.name} is back.`);
      else notifyFailed('Could not bring the runbook back', back.error.message);
    });
  };

  return (
    <Stack gap="xs" mb="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} fz="h4" data-testid="runbook-name">
            {runbook.name}
          </Title>
          <Text size="sm" c="dimmed">
            {release ? (
              <span title={describeWindowInZone(release.windowStart, release.windowEnd, release.timeZone)}>
                {release.name} {release.version} · window {formatWindow(release.windowStart, release.windowEnd)}
              </span>
            ) : (
              'Template: times are offsets from the window start of the release it is used for'
            )}
            {view.plannedEnd && ` · ${view.steps.length} steps · planned end ${format.short(view.plannedEnd)}`}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
            Import
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={exporting !== null}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {EXPORTS.map(({ format: fmt, label, icon: Icon }) => (
                <Menu.Item key={fmt} leftSection={<Icon size={16} />} onClick={() => save(fmt)}>
                  {label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label="Runbook actions">
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                onClick={() => setNameSpec({ title: 'Rename runbook', label: 'Name', initial: runbook.name, submitLabel: 'Rename', onSubmit: (name) => rename(runbook.id, name) })}
              >
                Rename…
              </Menu.Item>
              <Menu.Item
                leftSection={<IconCopy size={16} />}
                onClick={() =>
                  setNameSpec({
                    title: 'Save as template',
                    label: 'Template name',
                    initial: release ? `${runbook.name.replace(new RegExp(`^${release.name} ${release.version} ?`), '') || 'Runbook'} template` : `${runbook.name} copy`,
                    submitLabel: 'Save template',
                    onSubmit: async (name) => {
                      const r = await saveAsTemplate(runbook.id, name);
                      if (r.ok) notifySaved(`Template ${name} saved: use it from New runbook.`);
                      return r;
                    },
                  })
                }
              >
                Save as template…
              </Menu.Item>
              <Menu.Divider />
              {/* c: Mantine paints a coloured item's text in the palette's 6th shade, too light on white; the theme's text colour reads. */}
              <Menu.Item color="red" c="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                Delete runbook
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {overrun && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} p="xs" data-testid="overrun">
          <Text size="sm" fw={600}>
            {overrun}
          </Text>
        </Alert>
      )}
      <NameModal spec={nameSpec} onClose={() => setNameSpec(null)} />
      <ImportDialog opened={importing} onClose={() => setImporting(false)} hasSteps={view.steps.length > 0} />
    </Stack>
  );
}
