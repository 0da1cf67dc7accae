// Inline actions of the Containers view: start, stop, open the published port in a browser.
import * as vscode from '../vscodeApi';
import { isNode } from '../views/nodes';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';

export const startContainer: ParityCommand = {
  id: 'parity.startContainer',
  async run(s, arg) {
    if (!isNode(arg, 'container')) return;
    try {
      await (await s.containers.connect()).docker.getContainer(arg.container.id).start();
    } catch (err) {
      reportError(s, `start ${arg.container.name}`, err);
    }
    s.containers.refresh();
  },
};

export const stopContainer: ParityCommand = {
  id: 'parity.stopContainer',
  async run(s, arg) {
    if (!isNode(arg, 'container')) return;
    try {
      await (await s.containers.connect()).docker.getContainer(arg.container.id).stop();
    } catch (err) {
      reportError(s, `stop ${arg.container.name}`, err);
    }
    s.containers.refresh();
  },
};

export const openInBrowser: ParityCommand = {
  id: 'parity.openInBrowser',
  async run(_s, arg) {
    if (!isNode(arg, 'container') || !arg.container.ports.length) return;
    const p = arg.container.ports[0];
    const host = p.hostIp === '0.0.0.0' || p.hostIp === '::' ? '127.0.0.1' : p.hostIp;
    const uri = await vscode.env.asExternalUri(vscode.Uri.parse(`http://${host}:${p.hostPort}/`));
    await vscode.env.openExternal(uri);
  },
};
