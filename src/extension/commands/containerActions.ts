// Container actions of the Containers view (inline and context menu): start, stop, restart, remove,
// inspect, open the published port in a browser. Each goes through the Engine API and then re-lists.
import type Docker from 'dockerode';
import * as vscode from '../vscodeApi';
import type { Services } from '../services';
import { isNode, type ContainerSummary } from '../views/nodes';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';

/** A Containers-view command that runs one Engine API call on the container it was invoked on. */
function containerCommand(id: string, verb: string, act: (container: Docker.Container, summary: ContainerSummary, s: Services) => Promise<unknown>): ParityCommand {
  return {
    id,
    async run(s, arg): Promise<boolean> {
      if (!isNode(arg, 'container')) return false;
      let ok = true;
      try {
        await act((await s.containers.connect()).docker.getContainer(arg.container.id), arg.container, s);
      } catch (err) {
        ok = false;
        reportError(s, `${verb} ${arg.container.name}`, err);
      }
      s.containers.refresh();
      return ok;
    },
  };
}

export const startContainer = containerCommand('parity.startContainer', 'start', (c) => c.start());
export const stopContainer = containerCommand('parity.stopContainer', 'stop', (c) => c.stop());
export const restartContainer = containerCommand('parity.restartContainer', 'restart', (c) => c.restart());
// Parity's containers are recreated by Build and Run, so removing one needs no confirmation (volumes stay).
export const removeContainer = containerCommand('parity.removeContainer', 'remove', (c) => c.remove({ force: true }));

/** Shows `docker inspect` of the container as a read-only JSON document. */
export const inspectContainer = containerCommand('parity.inspectContainer', 'inspect', async (c, summary, s) => {
  await s.readonlyDocs.show(`${summary.name}.inspect.json`, JSON.stringify(await c.inspect(), null, 2) + '\n');
});

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
