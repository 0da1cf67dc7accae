// Every CLI command, wired in one table. One file per command, loaded only when that command runs, so
// `parity detect` never loads the Docker or Kubernetes clients.
import type { Command } from '../io';

export interface CommandEntry {
  name: string;
  load(): Command;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'detect', load: () => require('./detect').detectCommand },
  { name: 'generate', load: () => require('./generate').generateCommand },
  { name: 'up', load: () => require('./up').upCommand },
  { name: 'down', load: () => require('./down').downCommand },
  { name: 'logs', load: () => require('./logs').logsCommand },
  { name: 'ps', load: () => require('./ps').psCommand },
  { name: 'report', load: () => require('./report').reportCommand },
  { name: 'drift', load: () => require('./drift').driftCommand },
  { name: 'check', load: () => require('./check').checkCommand },
  { name: 'hook', load: () => require('./hook').hookCommand },
];
