// Runs drift on a scenario the way `parity drift` does (detect, parity.yaml target, on-disk artifact
// scan), on a temporary copy of test/fixtures/drift/<name> so tests can add compiled binaries to it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskRepo } from '../../../src/core/repo';
import { detect } from '../../../src/core/detect';
import { readProjectConfig, selectTarget, ASSUMED_TARGET } from '../../../src/core/config';
import { evaluate, targetFromSpec } from '../../../src/core/drift';
import type { HostInfo, ImageInfo, TargetInfo } from '../../../src/core/drift';
import type { Finding } from '../../../src/core/model';
import { scanArtifacts } from '../../../src/probe/artifacts';
import { PROJECT_ROOT } from '../../helpers/paths';

export const DRIFT_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'drift');

const temps: string[] = [];
process.on('exit', () => { for (const t of temps) fs.rmSync(t, { recursive: true, force: true }); });

export function tempDir(prefix = 'parity-drift-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}

/** A fresh copy of a scenario folder. */
export function copyScenario(name: string): string {
  const dir = path.join(tempDir(), name);
  fs.cpSync(path.join(DRIFT_FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function writeFile(dir: string, rel: string, content: string | Buffer, mode?: number): void {
  const abs = path.join(dir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
  if (mode !== undefined) fs.chmodSync(abs, mode);
}

export interface DriftRun { dir: string; findings: Finding[]; target: TargetInfo }

export function runDrift(dir: string, extra: { host?: HostInfo; image?: ImageInfo; target?: TargetInfo } = {}): DriftRun {
  const repo = new DiskRepo(dir);
  const config = readProjectConfig(repo);
  const target = extra.target ?? targetFromSpec(selectTarget(config) ?? ASSUMED_TARGET);
  const scan = scanArtifacts(dir, repo);
  let apps: ReturnType<typeof detect>['apps'] = [];
  try {
    apps = detect(repo).apps;
  } catch {
    apps = []; // detection is another part's concern; drift must work without it
  }
  const findings = evaluate({ repo, apps, target, host: extra.host, image: extra.image, artifacts: scan.artifacts, wheels: scan.wheels, javaClasses: scan.javaClasses });
  return { dir, findings, target };
}

export function ofRule(findings: Finding[], id: string): Finding[] {
  return findings.filter((f) => f.id === id);
}
