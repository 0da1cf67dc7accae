// Opens the first file evidence of a drift finding (Drift view click).
import * as vscode from '../vscodeApi';
import type { ParityCommand } from './command';
import { isNode } from '../views/nodes';
import { openLocation } from '../views/sourceLocation';

export const openEvidence: ParityCommand = {
  id: 'parity.openEvidence',
  async run(_s, arg) {
    if (!isNode(arg, 'finding')) return;
    const ev = arg.finding.evidence.find((e) => 'file' in e);
    if (ev && 'file' in ev) await openLocation(arg.folder, { file: ev.file, line: ev.line });
    else void vscode.window.showInformationMessage(`${arg.finding.title}: ${arg.finding.message}`);
  },
};
