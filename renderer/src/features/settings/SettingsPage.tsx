import { Tabs } from '@mantine/core';
import { IconBuilding, IconCloud, IconServer, IconStack2, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../shared/PageHeader';
import { EnvironmentsSection } from './EnvironmentsSection';
import { PeopleSection } from './PeopleSection';
import { SystemsSection } from './SystemsSection';
import { WorkspaceSection } from './WorkspaceSection';
import { SyncSettingsSection } from '../sync/SyncSettingsSection';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="The workspace and the people, systems and environments releases refer to." />
      <Tabs defaultValue="people" keepMounted={false}>
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
          <Tabs.Tab value="sync" leftSection={<IconCloud size={16} />}>
            Sync
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
        <Tabs.Panel value="sync">
          <SyncSettingsSection />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
