import { Tabs } from '@mantine/core';
import { IconBell, IconBuilding, IconCloud, IconKey, IconServer, IconStack2, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../shared/PageHeader';
import { EnvironmentsSection } from './EnvironmentsSection';
import { PeopleSection } from './PeopleSection';
import { SystemsSection } from './SystemsSection';
import { WorkspaceSection } from './WorkspaceSection';
import { SyncSettingsSection } from '../sync/SyncSettingsSection';
import { NotificationsSection } from '../sync/NotificationsSection';
import { KeysSection } from '../keys/KeysSection';
import { useNavigationStore } from '../../shell/navigation-store';

const TABS = ['workspace', 'people', 'systems', 'environments', 'keys', 'sync', 'notifications'];

export function SettingsPage() {
  const detail = useNavigationStore((s) => s.detail);
  const go = useNavigationStore((s) => s.go);
  const tab = detail && TABS.includes(detail) ? detail : 'people';
  return (
    <>
      <PageHeader title="Settings" description="The workspace and the people, systems and environments releases refer to; device keys and sync." />
      <Tabs value={tab} onChange={(next) => go('settings', next)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="workspace" leftSection={<IconBuilding size={16} />}>
            Workspace
          </Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} />}>
            People
          </Tabs.Tab>
          <Tabs.Tab value="systems" leftSection={<IconServer size={16} />}>
            Systems
          </Tabs.Tab>
          <Tabs.Tab value="environments" leftSection={<IconStack2 size={16} />}>
            Environments
          </Tabs.Tab>
          <Tabs.Tab value="keys" leftSection={<IconKey size={16} />}>
            Keys
          </Tabs.Tab>
          <Tabs.Tab value="sync" leftSection={<IconCloud size={16} />}>
            Sync
          </Tabs.Tab>
          <Tabs.Tab value="notifications" leftSection={<IconBell size={16} />}>
            Notifications
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="workspace">
          <WorkspaceSection />
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <PeopleSection />
        </Tabs.Panel>
        <Tabs.Panel value="systems">
          <SystemsSection />
        </Tabs.Panel>
        <Tabs.Panel value="environments">
          <EnvironmentsSection />
        </Tabs.Panel>
        <Tabs.Panel value="keys">
          <KeysSection />
        </Tabs.Panel>
        <Tabs.Panel value="sync">
          <SyncSettingsSection />
        </Tabs.Panel>
        <Tabs.Panel value="notifications">
          <NotificationsSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
