import { Alert, Center, Loader } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useWorkspaceStore } from './features/workspace/workspace-store';
import { AppLayout } from './shell/AppLayout';

export function App() {
  const loaded = useWorkspaceStore((s) => s.loaded);
  const loadError = useWorkspaceStore((s) => s.loadError);
  const info = useWorkspaceStore((s) => s.info);
  const load = useWorkspaceStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  if (!loaded) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening the workspace" />
      </Center>
    );
  }
  if (!info) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" icon={<IconPlugConnectedX />} title="Cannot open the workspace" maw={560}>
          {loadError}
        </Alert>
      </Center>
    );
  }
  return <AppLayout />;
}
