// Shows a container's recent logs (Containers view item) or the folder's app logs (the CLI's `parity logs`)
// in the "Parity" output channel.
import { runCli } from '../cliBridge';
import { failureLine, showFailure } from '../messages';
import { loadRunner } from '../chunks/load';
import { isNode } from '../views/nodes';
import { reportError } from '../workflows';
import type { ParityCommand } from './command';
import { appArgument } from './appArgument';
import { workspaceTrusted } from './requireTrust';
import { dockerHostArgs } from './dockerHostArgs';

const TAIL = 200;

export const logs: ParityCommand = {
  id: 'parity.logs',
  async run(s, arg): Promise<string | undefined> {
    if (!workspaceTrusted('Show Logs')) return undefined;
    s.output.show(true);
    if (isNode(arg, 'container')) {
      try {
        const engine = await s.containers.connect();
        const { streamLogs } = await loadRunner();
        s.output.appendLine(`--- last ${TAIL} log lines of ${arg.container.name} ---`);
        await streamLogs(engine.docker, arg.container.id, { follow: false, tail: TAIL, write: (t) => s.output.append(t) });
      } catch (err) {
        reportError(s, `logs of ${arg.container.name}`, err);
      }
      return undefined;
    }
    const target = await appArgument(s, arg, 'Folder whose app logs to show');
    if (!target) return undefined;
    const app = isNode(arg, 'app') ? [(await loadRunner()).dockerName(arg.app.name)] : [];
    const result = await runCli(s.output, target.folder.fsPath, ['logs', ...app, '--tail', String(TAIL), ...dockerHostArgs(s)])
      .catch((err: unknown) => ({ code: 70, text: String(err), stderr: String(err) }));
    if (result.code !== 0) {
      showFailure(s.output, `could not read logs: ${failureLine(result.stderr) ?? 'see the Parity output'}`);
      return undefined;
    }
    return result.text; // what was written to the Parity output channel, for callers and tests
  },
};
