// parity.yaml: the committed project file that names production targets, e.g.
//   targets: { prod: { os: rhel9, arch: amd64, runtime: kubernetes } }
// Without one, Parity assumes linux/amd64 on the Debian family and says so.
import type { RepoReader } from './repo';
import type { Warning } from './model';
import { parseYamlDocs, asRecord, asString } from './parse/structured';
import { checkProjectKeys } from './config-check';

export type TargetRuntime = 'kubernetes' | 'vm' | 'docker';

export interface TargetSpec {
  name: string;
  /** Distro id with version, e.g. `rhel9`, `centos7`, `debian12`, `alpine3.20`, `ubuntu22.04`. */
  os: string;
  arch: 'amd64' | 'arm64' | string;
  runtime: TargetRuntime;
  /** kubeconfig context to read node OS/arch from, instead of `os`/`arch`. */
  context?: string;
  /** Where the target came from, for messages (`parity.yaml > targets.prod`). */
  source: string;
}

export interface ProjectConfig {
  targets: TargetSpec[];
  /** Default target name (`default:` key, else the first listed). */
  defaultTarget?: string;
  warnings: Warning[];
}

export const ASSUMED_TARGET: TargetSpec = {
  name: 'default', os: 'debian12', arch: 'amd64', runtime: 'kubernetes',
  source: 'default (no parity.yaml: assuming linux/amd64 on Debian 12)',
};

export function readProjectConfig(repo: RepoReader, file = 'parity.yaml'): ProjectConfig {
  const warnings: Warning[] = [];
  const text = repo.readText(file);
  if (text === undefined) return { targets: [], warnings };
  const docs = parseYamlDocs(text);
  if (!docs.ok) return { targets: [], warnings: [{ file, message: docs.error }] };
  const top = asRecord(docs.value[0]) ?? {};
  warnings.push(...checkProjectKeys(top, asRecord(top.targets) ?? {}, file));
  const targets: TargetSpec[] = [];
  for (const [name, raw] of Object.entries(asRecord(top.targets) ?? {})) {
    const t = asRecord(raw);
    if (!t) {
      warnings.push({ file, message: `targets.${name}: expected a mapping` });
      continue;
    }
    const runtime = asString(t.runtime) ?? 'kubernetes';
    if (!['kubernetes', 'vm', 'docker'].includes(runtime)) warnings.push({ file, message: `targets.${name}.runtime: '${runtime}' is not kubernetes, vm or docker` });
    targets.push({
      name,
      os: (asString(t.os) ?? ASSUMED_TARGET.os).toLowerCase(),
      arch: normalizeArch(asString(t.arch) ?? 'amd64'),
      runtime: runtime as TargetRuntime,
      context: asString(t.context),
      source: `${file} > targets.${name}`,
    });
  }
  const def = asString(top.default);
  if (def && !targets.some((t) => t.name === def)) warnings.push({ file, message: `default: no target named '${def}'` });
  return { targets, defaultTarget: def ?? targets[0]?.name, warnings };
}

/** The named target, the default one, or the assumed Debian/amd64 target. */
export function selectTarget(config: ProjectConfig, name?: string): TargetSpec | undefined {
  if (name) return config.targets.find((t) => t.name === name);
  return config.targets.find((t) => t.name === config.defaultTarget) ?? ASSUMED_TARGET;
}

export function normalizeArch(arch: string): string {
  const a = arch.toLowerCase();
  if (a === 'x86_64' || a === 'x64' || a === 'x86-64') return 'amd64';
  if (a === 'aarch64' || a === 'arm64v8') return 'arm64';
  return a;
}
