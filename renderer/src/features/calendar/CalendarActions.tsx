import { Button, Group, Menu } from '@mantine/core';
import { IconCalendarPlus, IconChevronDown, IconDownload, IconFileImport, IconPlus, IconSnowflake, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { useReleasesViewStore } from '../releases/releases-view-store';
import { useCalendarStore } from './calendar-store';
import { IcsImportModal } from './IcsImportModal';
import { KeyboardHelp } from './KeyboardHelp';

/** The page's actions: plan a release, add a window, iCalendar in and out, the keyboard help. */
export function CalendarActions() {
  const openCreate = useReleasesViewStore((s) => s.openCreate);
  const openWindowEditor = useCalendarStore((s) => s.openWindowEditor);
  const exportIcs = useCalendarStore((s) => s.exportIcs);
  const [importing, setImporting] = useState(false);

  const download = async (whole: boolean) => {
    const result = await exportIcs(whole);
    if (result.ok) notifySaved(whole ? 'The whole calendar was exported as .ics.' : 'This period was exported as .ics.');
    else notifyFailed('Could not export the calendar', result.error.message);
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
        New release
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconCalendarPlus size={16} />} rightSection={<IconChevronDown size={14} />}>
            New window
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconTool size={14} />} onClick={() => openWindowEditor({ mode: 'create', kind: 'maintenance' })}>
            Maintenance window…
          </Menu.Item>
          <Menu.Item leftSection={<IconSnowflake size={14} />} onClick={() => openWindowEditor({ mode: 'create', kind: 'freeze' })}>
            Freeze window…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />}>
            iCalendar
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Export .ics</Menu.Label>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => void download(false)}>
            This period (and environment filter)
          </Menu.Item>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => void download(true)}>
            Whole calendar
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)}>
            Import windows from .ics…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <KeyboardHelp />
      <IcsImportModal opened={importing} onClose={() => setImporting(false)} />
    </Group>
  );
}
