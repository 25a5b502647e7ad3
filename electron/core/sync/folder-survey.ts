import fs from 'node:fs';
import path from 'node:path';
import { FILE_NAME } from './folder-file';
import { readFolderKeyHeader, type FolderKeyHeader } from './folder-key';

const DEVICE_DIR = /^[A-Za-z0-9_-]{1,64}$/;

/** One device's files in the folder, by number; names Release Desk does not write are listed apart. */
export interface DeviceFiles {
  deviceId: string;
  plain: number[];
  encrypted: number[];
  /** `.gz` names Release Desk does not write (a copy made by the folder's sync tool?). */
  strays: string[];
}

/** What the folder holds, before anything is read or written: its encryption header and every device's files. */
export interface FolderSurvey {
  header: FolderKeyHeader | null;
  devices: DeviceFiles[];
  /** Folders that could not be listed, in words. */
  problems: string[];
}

/** Throws FolderKeyError when the folder's encryption header is there but cannot be trusted. */
export function surveyFolder(root: string): FolderSurvey {
  const header = readFolderKeyHeader(root);
  const problems: string[] = [];
  const devices = list(root, problems)
    .filter((name) => DEVICE_DIR.test(name) && isDir(path.join(root, name)))
    .sort()
    .map((deviceId) => deviceFiles(root, deviceId, problems));
  return { header, devices, problems };
}

export function deviceFiles(root: string, deviceId: string, problems: string[] = []): DeviceFiles {
  const files: DeviceFiles = { deviceId, plain: [], encrypted: [], strays: [] };
  for (const name of list(path.join(root, deviceId), problems)) {
    if (name.startsWith('.')) continue;
    const match = FILE_NAME.exec(name);
    if (match) (match[2] ? files.encrypted : files.plain).push(Number(match[1]));
    else if (name.endsWith('.gz') || name.endsWith('.enc')) files.strays.push(name);
  }
  files.plain.sort((a, b) => a - b);
  files.encrypted.sort((a, b) => a - b);
  return files;
}

/** Whether anything in the folder is encrypted: its header, or (should the header go missing) any device's file. */
export function folderIsEncrypted(survey: FolderSurvey): boolean {
  return survey.header !== null || survey.devices.some((d) => d.encrypted.length > 0);
}

function list(dir: string, problems: string[]): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (error) {
    problems.push(`Could not list ${dir}: ${error instanceof Error ? error.message : String(error)}.`);
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
