import { AppShell, Badge, Center, Group, Loader, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { IconRocket } from '@tabler/icons-react';
import { useWorkspaceStore } from '../features/workspace/workspace-store';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { CurrentPersonPicker } from './CurrentPersonPicker';
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator';
import { VerifyBanner } from '../features/verify/VerifyBanner';
import { LiveAnnouncer } from '../shared/LiveAnnouncer';
import { useVerifyStore } from '../features/verify/verify-store';
import { SCREENS, useNavigationStore } from './navigation-store';
import { SCREEN_DETAILS } from './screens';
import { useAppCommands } from './use-app-commands';
import { WorkProgressPanel } from './WorkProgressPanel';

/** Features whose issue is still open: marked in the navigation so nobody expects them to work yet. */
const NOT_BUILT = new Set<string>();

export function AppLayout() {
  const screen = useNavigationStore((s) => s.screen);
  const go = useNavigationStore((s) => s.go);
  const workspaceName = useWorkspaceStore((s) => s.info?.settings.name ?? 'Release Desk');
  const Page = SCREEN_DETAILS[screen].page;
  const checking = useVerifyStore((s) => s.checking);
  const repairs = useVerifyStore((s) => s.repairs);
  useAppCommands();
  // The workspace is checked whole each time it opens (a switch in the desktop app reloads the page). The screen's
  // own first reads were sent before this (children's effects run first), so they are not kept waiting behind it.
  useEffect(() => void useVerifyStore.getState().check(), []);

  return (
    // Below md (a narrow window, or 200 % zoom) the navigation keeps its icons and names them, to leave the screen room.
    <AppShell header={{ height: 52 }} navbar={{ width: { base: 60, md: 208 }, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconRocket size={20} stroke={1.8} color="var(--mantine-primary-color-filled)" aria-hidden />
            <Title order={1} fz="md" fw={600}>
              Release Desk
            </Title>
            <Text c="dimmed" size="sm" aria-hidden visibleFrom="md">
              /
            </Text>
            <Text size="sm" fw={500} truncate maw={360} data-testid="workspace-name" visibleFrom="md">
              {workspaceName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {checking && (
              <Group gap={6} wrap="nowrap" data-testid="verify-checking">
                <Loader size={12} aria-hidden />
                <Text size="xs" c="dimmed">
                  Checking signatures and history…
                </Text>
              </Group>
            )}
            <SyncStatusIndicator />
            <CurrentPersonPicker />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          {SCREENS.map((key) => {
            const { label, icon: Icon } = SCREEN_DETAILS[key];
            return (
              <NavLink
                key={key}
                component="button"
                label={<Text span inherit visibleFrom="md">{label}</Text>}
                aria-label={label}
                title={label}
                leftSection={<Icon size={18} stroke={1.6} />}
                rightSection={
                  NOT_BUILT.has(key) ? (
                    <Badge size="xs" variant="default" radius="sm" style={{ textTransform: 'none' }}>
                      soon
                    </Badge>
                  ) : undefined
                }
                active={screen === key}
                aria-current={screen === key ? 'page' : undefined}
                onClick={() => go(key)}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense
          fallback={
            <Center h={240}>
              <Loader size="sm" aria-label="Loading screen" />
            </Center>
          }
        >
          <VerifyBanner />
          {/* A repair rewrote rows: every screen reads its data again. */}
          <Page key={repairs} />
        </Suspense>
        <WorkProgressPanel />
      </AppShell.Main>
      <LiveAnnouncer />
    </AppShell>
  );
}
