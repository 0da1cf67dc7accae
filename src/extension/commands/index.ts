// Every command, wired in one table (ids are fixed: other tools and the walkthrough call them).
import * as vscode from '../vscodeApi';
import type { Services } from '../services';
import type { ParityCommand } from './command';
import { containerize } from './containerize';
import { preview } from './preview';
import { apply } from './apply';
import { discard } from './discard';
import { up } from './up';
import { upProd, upUnconstrained } from './runModes';
import { down } from './down';
import { logs } from './logs';
import { checkDrift } from './checkDrift';
import { selectTarget } from './selectTarget';
import { refresh } from './refresh';
import { openSource } from './openSource';
import { openEvidence } from './openEvidence';
import { applyFix } from './applyFix';
import { startContainer, stopContainer, restartContainer, removeContainer, inspectContainer, openInBrowser } from './containerActions';
import { attachShell, followLogs } from './containerTerminals';
import { pruneImages } from './pruneImages';

export const COMMANDS: readonly ParityCommand[] = [
  containerize, preview, apply, discard, up, upProd, upUnconstrained, down, logs, checkDrift, selectTarget, refresh,
  openSource, openEvidence, applyFix, startContainer, stopContainer, openInBrowser,
  restartContainer, removeContainer, inspectContainer, attachShell, followLogs, pruneImages,
];

export function registerCommands(s: Services): vscode.Disposable[] {
  return COMMANDS.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.run(s, ...args)));
}
