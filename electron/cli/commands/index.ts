import type { CliCommand } from '../cli-command';
import { collisionsCommand } from './collisions';
import { demoCommand } from './demo';
import { exportCalendarCommand } from './export-calendar';
import { importCalendarCommand } from './import-calendar';
import { exportJsonCommand } from './export-json';
import { gateCommand } from './gate';
import { importJsonCommand } from './import-json';
import { listReleasesCommand } from './list-releases';
import { signoffCommand } from './signoff';

/** Every command, in help order. A new command is one file in this folder and one line here. */
export const COMMANDS: readonly CliCommand[] = [
  demoCommand,
  listReleasesCommand,
  exportJsonCommand,
  importJsonCommand,
  gateCommand,
  signoffCommand,
  exportCalendarCommand,
  importCalendarCommand,
  collisionsCommand,
];
