import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { desktopBridge, type MenuCommand } from '../api/bridge';
import { useReleasesViewStore } from '../features/releases/releases-view-store';
import { notifyInfo } from '../shared/notify';
import { useNavigationStore } from './navigation-store';

function openNewRelease(): void {
  useNavigationStore.getState().go('releases');
  useReleasesViewStore.getState().openCreate();
}

function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'new-release':
      return openNewRelease();
    case 'export':
      return notifyInfo('Export', 'Export is coming with the export issue; nothing was exported.');
    default:
      return notifyInfo('Not available yet', `"${String(command)}" is not something this screen can do yet.`);
  }
}

/** The same commands from the keyboard (N) and from the desktop app's menu. */
export function useAppCommands(): void {
  // useHotkeys ignores keys typed into inputs, so N in a text field stays an N.
  useHotkeys([['n', openNewRelease]]);
  useEffect(() => desktopBridge()?.onMenuCommand(runMenuCommand), []);
}
