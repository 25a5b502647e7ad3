import type { CliCommand } from '../cli-command';
import { collisionsCommand } from './collisions';
import { demoCommand } from './demo';
import { initCommand } from './init';
import { exportCalendarCommand } from './export-calendar';
import { importCalendarCommand } from './import-calendar';
import { exportJsonCommand } from './export-json';
import { exportMinutesCommand } from './export-minutes';
import { exportRunbookCommand } from './export-runbook';
import { importRunbookCommand } from './import-runbook';
import { gateCommand } from './gate';
import { importJsonCommand } from './import-json';
import { listReleasesCommand } from './list-releases';
import { importGitCommand } from './import-git';
import { metricsCommand } from './metrics';
import { recordDeploymentCommand } from './record-deployment';
import { signoffCommand } from './signoff';
import { keysCreateCommand } from './keys-create';
import { keysEnrolCommand } from './keys-enrol';
import { keysListCommand } from './keys-list';
import { keysRevokeCommand } from './keys-revoke';
import { verifyCommand } from './verify';
import { syncCommand } from './sync';
import { serverCommand } from './server';

/** Every command, in help order. A new command is one file in this folder and one line here. */
export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  demoCommand,
  listReleasesCommand,
  exportJsonCommand,
  importJsonCommand,
  gateCommand,
  signoffCommand,
  keysCreateCommand,
  keysEnrolCommand,
  keysListCommand,
  keysRevokeCommand,
  verifyCommand,
  exportCalendarCommand,
  importCalendarCommand,
  collisionsCommand,
  recordDeploymentCommand,
  importGitCommand,
  metricsCommand,
  exportMinutesCommand,
  exportRunbookCommand,
  importRunbookCommand,
  syncCommand,
  serverCommand,
];
