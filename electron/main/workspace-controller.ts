import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { WORKSPACE_FILE_EXTENSION, WorkspaceSession } from '../core';
import type { RecentWorkspaces } from './recent-workspaces';

const FILE_FILTERS = [{ name: 'Release Desk workspace', extensions: [WORKSPACE_FILE_EXTENSION] }];

/**
 * Owns the one open workspace. A switch opens the new file first and closes the old one only once that worked,
 * so a file that cannot be opened (not a workspace, written by a newer version) leaves the user where they were.
 */
export class WorkspaceController {
  private constructor(
    private session: WorkspaceSession,
    private readonly recent: RecentWorkspaces,
    private readonly onSwitched: (session: WorkspaceSession) => void,
  ) {}

  /**
   * Reopens the last workspace, falling back to the default one when that fails (and saying why). Throws only if
   * the default workspace itself cannot be opened: without any workspace there is no app to show.
   */
  static openAtStartup(
    defaultPath: string,
    recent: RecentWorkspaces,
    onSwitched: (session: WorkspaceSession) => void,
  ): WorkspaceController {
    const last = recent.list()[0];
    let session: WorkspaceSession | undefined;
    if (last && last !== path.resolve(defaultPath)) {
      try {
        session = WorkspaceSession.open(last);
      } catch (error) {
        dialog.showErrorBox('Could not reopen your last workspace', `${last}\n\n${messageOf(error)}\n\nOpening the default workspace instead.`);
      }
    }
    session ??= WorkspaceSession.open(defaultPath);
    remember(recent, session.path);
    return new WorkspaceController(session, recent, onSwitched);
  }

  get current(): WorkspaceSession {
    return this.session;
  }

  async createNew(parent: BrowserWindow | undefined): Promise<void> {
    const options: SaveDialogOptions = {
      title: 'New workspace',
      buttonLabel: 'Create',
      defaultPath: path.join(app.getPath('documents'), `Release plan.${WORKSPACE_FILE_EXTENSION}`),
      filters: FILE_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return;
    const file = withExtension(filePath);
    if (fs.existsSync(file)) {
      // Replacing would mean deleting someone's plans; opening it silently would not be what "New" promised.
      await showError(parent, 'A file with that name already exists', `${file}\n\nChoose another name, or open it with File › Open workspace….`);
      return;
    }
    await this.switchTo(file, parent);
  }

  async openExisting(parent: BrowserWindow | undefined): Promise<void> {
    const options: OpenDialogOptions = {
      title: 'Open workspace',
      filters: FILE_FILTERS,
      properties: ['openFile'],
    };
    const { canceled, filePaths } = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    if (canceled || filePaths.length === 0) return;
    await this.switchTo(filePaths[0], parent);
  }

  /** Resolves true when `file` is now the open workspace. */
  async switchTo(file: string, parent: BrowserWindow | undefined): Promise<boolean> {
    const target = path.resolve(file);
    if (target === path.resolve(this.session.path)) return true;
    let next: WorkspaceSession;
    try {
      next = WorkspaceSession.open(target);
    } catch (error) {
      await showError(parent, 'Could not open workspace', `${target}\n\n${messageOf(error)}`);
      return false;
    }
    this.session.close();
    this.session = next;
    remember(this.recent, next.path);
    this.onSwitched(next);
    return true;
  }

  close(): void {
    this.session.close();
  }
}

function remember(recent: RecentWorkspaces, file: string): void {
  recent.add(file);
  // The OS list (Windows jump list, macOS Dock menu) comes on top of ours; Linux has none.
  app.addRecentDocument(file);
}

function withExtension(file: string): string {
  return path.extname(file) === `.${WORKSPACE_FILE_EXTENSION}` ? file : `${file}.${WORKSPACE_FILE_EXTENSION}`;
}

async function showError(parent: BrowserWindow | undefined, message: string, detail: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'error', title: 'Release Desk', message, detail, buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
