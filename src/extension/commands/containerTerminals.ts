// Attach Shell and Follow Logs on a container of the Containers view: each opens its own terminal tab
// (one per container: running the command again shows the existing tab).
import * as vscode from '../vscodeApi';
import { loadRunner } from '../chunks/load';
import { logsTerminal, shellTerminal } from '../terminals/containerTerminal';
import { isNode } from '../views/nodes';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';

const LOG_TAIL = 200;

function existing(name: string): vscode.Terminal | undefined {
  return vscode.window.terminals.find((t) => t.name === name && t.exitStatus === undefined);
}

export const attachShell: ParityCommand = {
  id: 'parity.attachShell',
  async run(s, arg): Promise<vscode.Terminal | undefined> {
    if (!isNode(arg, 'container')) return undefined;
    try {
      const { docker } = await s.containers.connect();
      const terminal = shellTerminal(docker, arg.container.id, arg.container.name, s.transcripts.append);
      terminal.show();
      return terminal;
    } catch (err) {
      reportError(s, `shell in ${arg.container.name}`, err);
      return undefined;
    }
  },
};

export const followLogs: ParityCommand = {
  id: 'parity.followLogs',
  async run(s, arg): Promise<vscode.Terminal | undefined> {
    if (!isNode(arg, 'container')) return undefined;
    const open = existing(`Logs: ${arg.container.name}`);
    if (open) {
      open.show();
      return open;
    }
    try {
      const [{ docker }, { streamLogs }] = await Promise.all([s.containers.connect(), loadRunner()]);
      const { id } = arg.container;
      const terminal = logsTerminal(arg.container.name, s.transcripts.append, (write, signal) => streamLogs(docker, id, { follow: true, tail: LOG_TAIL, write, signal }));
      terminal.show();
      return terminal;
    } catch (err) {
      reportError(s, `logs of ${arg.container.name}`, err);
      return undefined;
    }
  },
};
