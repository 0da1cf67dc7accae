// Build and Run's two menu entries: under the manifests' production constraints, or without them.
import type { ParityCommand } from './command';
import { up, type RunMode } from './up';

const runAs = (id: string, mode: RunMode): ParityCommand => ({ id, run: (s, arg) => up.run(s, arg, mode) });

export const upProd = runAs('parity.upProd', 'prod');
export const upUnconstrained = runAs('parity.upUnconstrained', 'unconstrained');
