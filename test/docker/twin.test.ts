// Prod twin on a real engine: small apps made to break one production constraint each, run by `up` under
// their Deployment's constraints, every verdict read from the real container (its state, log, cgroup
// stats and probe answers). Each test removes its own labelled objects and checks nothing is left.
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { prepareUp } from '../../src/docker/prepare';
import { up, UpFailedError, type UpResult } from '../../src/docker/up';
import { planTwin } from '../../src/docker/twin/plan';
import { reportProject } from '../../src/docker/twin/report';
import { removeProject } from '../../src/docker/down';
import type { Engine } from '../../src/docker/connect';
import { detect } from '../../src/core/detect';
import { generate } from '../../src/core/generate';
import { DiskRepo } from '../../src/core/repo';
import type { Finding } from '../../src/core/model';
import { formatBytes } from '../../src/core/twin/quantity';
import { cleanup, copyApp, EXAMPLES, httpGet, parityObjects, requireEngine, uniqueProject } from '../helpers/docker';
import { PROJECT_ROOT } from '../helpers/paths';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

const TWIN = path.join(PROJECT_ROOT, 'test', 'fixtures', 'twin');
const projects: string[] = [];
let engine: Engine | undefined;
after(() => cleanup(engine, projects));

function stage(source: string, prefix: string): { project: string; dir: string } {
  const project = uniqueProject(prefix);
  projects.push(project);
  return { project, dir: copyApp(source, project) };
}

async function twinUp(e: Engine, dir: string, project: string, timeoutMs = 60_000): Promise<UpResult> {
  const prepared = prepareUp({ root: dir, display: path.basename(dir), withServices: true });
  assert.equal(prepared.project, project);
  const plan = planTwin(prepared, true);
  assert.ok(plan.twin, `constraints found: ${plan.notes.join('; ')}`);
  assert.deepEqual(plan.findings, [], 'nothing missing before start');
  return up({ engine: e, root: dir, project, app: prepared.app, services: prepared.services, env: plan.env, twin: plan.twin, timeoutMs });
}

async function failedUp(e: Engine, dir: string, project: string): Promise<UpFailedError> {
  const err = await twinUp(e, dir, project).then(() => undefined, (x: unknown) => x);
  assert.ok(err instanceof UpFailedError, `up fails with the findings: ${String(err)}`);
  return err;
}

async function assertNothingLeft(e: Engine, project: string): Promise<void> {
  await removeProject(e.docker, project, { volumes: true });
  const deadline = Date.now() + 10_000;
  let left = await parityObjects(e, project);
  while ((left.containers.length || left.networks.length) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = await parityObjects(e, project);
  }
  assert.deepEqual(left, { containers: [], networks: [] });
}

function only(findings: Finding[], id: string): Finding {
  const hits = findings.filter((f) => f.id === id);
  assert.equal(hits.length, 1, `one ${id} in ${JSON.stringify(findings.map((f) => `${f.id}: ${f.title}`))}`);
  return hits[0];
}

const figures = (name: string, text: string) => console.log(`[twin figures] ${name}: ${text}`);

describe('prod twin: local runs under the manifest\'s constraints', { timeout: 600_000 }, () => {
  test('a write into the working dir under a read-only root → READONLY_WRITE with the path and an emptyDir fix; with the fix it runs', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(TWIN, 'readonly-write'), 'rofs');
    const err = await failedUp(engine, dir, project);
    const f = only(err.findings, 'READONLY_WRITE');
    assert.ok(f.evidence.some((e) => 'path' in e && e.path === '/app/data/visits.json' && /EROFS/.test(e.excerpt ?? '')), JSON.stringify(f.evidence));
    assert.match(f.fix.text, /emptyDir at \/app\/data\b/);
    assert.equal(err.report?.exitCode, 1);
    assert.deepEqual(await parityObjects(engine, project), { containers: [], networks: [] }, 'a failed up leaves nothing');

    // The fix, as the finding says it: the generated Deployment, committed with an emptyDir at /app/data.
    const generated = generate(detect(new DiskRepo(dir, '.')), { family: 'debian', k8sDir: 'deploy/k8s' });
    const deployment = generated.files.find((x) => x.path === 'deploy/k8s/deployment.yaml')!;
    const doc = parseDocument(deployment.content);
    doc.addIn(['spec', 'template', 'spec', 'containers', 0, 'volumeMounts'], { name: 'data', mountPath: '/app/data' });
    doc.addIn(['spec', 'template', 'spec', 'volumes'], { name: 'data', emptyDir: {} });
    fs.mkdirSync(path.join(dir, 'deploy', 'k8s'), { recursive: true });
    for (const file of generated.files.filter((x) => x.kind === 'kubernetes')) fs.writeFileSync(path.join(dir, file.path), file === deployment ? doc.toString() : file.content);

    const ok = await twinUp(engine, dir, project);
    assert.deepEqual(ok.report?.findings, []);
    assert.deepEqual(JSON.parse((await httpGet(ok.url!)).body), { visits: 1 }, 'the app writes to its emptyDir');
    const info = await engine.docker.getContainer(ok.container).inspect();
    assert.equal(info.HostConfig.ReadonlyRootfs, true);
    assert.deepEqual(Object.keys(info.HostConfig.Tmpfs ?? {}).sort(), ['/app/data', '/tmp']);
    assert.equal(info.Config.User, '10001:10001');
    assert.deepEqual(info.HostConfig.CapDrop, ['ALL']);
    assert.ok(info.HostConfig.SecurityOpt?.includes('no-new-privileges:true'));
    assert.equal(info.HostConfig.Memory, 512 * 2 ** 20);
    assert.equal(info.HostConfig.NanoCpus, 5e8);
    figures('readonly-write', `caught ${f.evidence.filter((e) => 'path' in e).map((e) => (e as { path: string }).path).join(', ')}; after the fix peak ${formatBytes(ok.report!.memory.peakBytes ?? 0)}, probes ${ok.report!.probes.map((p) => `${p.kind} ${p.latencyMs.max} ms`).join(', ')}`);
    await assertNothingLeft(engine, project);
  });

  test('allocating past resources.limits.memory → OOM-killed, OOM_LIMIT with the measured peak', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(TWIN, 'oom-limit'), 'oom');
    const err = await failedUp(engine, dir, project);
    assert.equal(err.report?.oomKilled, true, 'the engine says OOMKilled');
    assert.equal(err.report?.exitCode, 137);
    const f = only(err.findings, 'OOM_LIMIT');
    const peak = err.report!.memory.peakBytes!;
    assert.ok(peak > 64 * 2 ** 20 && peak <= 96 * 2 ** 20 + 2 ** 20, `peak ${formatBytes(peak)} reached the 96 MiB limit`);
    assert.ok(f.evidence.some((e) => 'file' in e && e.file === 'deploy/k8s/deployment.yaml' && e.line === 32), JSON.stringify(f.evidence));
    assert.match(f.fix.text, /Raise resources\.limits\.memory .* at least \d+Mi/);
    figures('oom-limit', `OOM-killed, peak ${formatBytes(peak)} of 96 MiB; fix: ${/at least \d+Mi/.exec(f.fix.text)?.[0]}`);
    await assertNothingLeft(engine, project);
  });

  test('a readiness path that 404s → PROBE_FAIL naming the path the app serves; the Secret key from .env reaches the app and is never printed', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(TWIN, 'probe-404'), 'probe');
    const secret = 'tok-9f3c1a7e55';
    fs.writeFileSync(path.join(dir, '.env'), `API_TOKEN=${secret}\n`);
    const err = await failedUp(engine, dir, project);
    const f = only(err.findings, 'PROBE_FAIL');
    assert.match(f.title, /readiness probe GET :3000\/ready fails: HTTP 404/);
    assert.match(f.fix.text, /`\/healthz`/);
    const readiness = err.report!.probes.find((p) => p.kind === 'readiness')!;
    assert.equal(readiness.failures, 3);
    assert.deepEqual(readiness.servedPaths, ['/healthz']);
    assert.ok(err.logs.includes(`API token: ${secret.length} characters`), 'the Secret value reached the container');
    assert.ok(!JSON.stringify({ m: err.message, r: err.report, f: err.findings }).includes(secret), 'the value is in no message or report');
    figures('probe-404', `readiness GET /ready → HTTP 404 ×${readiness.failures}, latency avg ${readiness.latencyMs.avg} ms max ${readiness.latencyMs.max} ms; served: ${readiness.servedPaths?.join(', ')}; peak ${formatBytes(err.report!.memory.peakBytes ?? 0)}`);
    await assertNothingLeft(engine, project);
  });

  test('a Secret key referenced and absent → SECRET_KEY_MISSING before anything is built or started (CLI --json)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(TWIN, 'secret-missing'), 'secret');
    const io = {
      stdout: '', stderr: '', cwd: dir, isTTY: false, signal: new AbortController().signal,
      out(text: string) { io.stdout += text; },
      err(text: string) { io.stderr += text; },
    } satisfies CliIO & { stdout: string; stderr: string };
    const run = { code: await main(['up', dir, '--json'], io), stdout: io.stdout, stderr: io.stderr };
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout) as { container: null; findings: Finding[] };
    assert.equal(out.container, null);
    const f = only(out.findings, 'SECRET_KEY_MISSING');
    assert.match(f.title, /DB_PASSWORD has no value: Secret secret-missing-secrets key DB_PASSWORD/);
    assert.deepEqual(f.evidence[0], { file: 'deploy/k8s/deployment.yaml', line: 26, excerpt: 'DB_PASSWORD' });
    const images = await engine.docker.listImages({ filters: { label: [`dev.parity.project=${project}`] } });
    assert.deepEqual(images, [], 'nothing was built');
    figures('secret-missing', `caught before build: ${f.title}`);
    await assertNothingLeft(engine, project);
  });

  test('binding port 80 as non-root with capabilities dropped → PRIVILEGED_PORT (the engine\'s unprivileged-port default is put back)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(TWIN, 'privileged-port'), 'port80');
    const err = await failedUp(engine, dir, project);
    const f = only(err.findings, 'PRIVILEGED_PORT');
    assert.ok(f.evidence.some((e) => 'excerpt' in e && /listen EACCES: permission denied 0\.0\.0\.0:80/.test(e.excerpt ?? '')), JSON.stringify(f.evidence));
    assert.match(f.fix.text, /port ≥ 1024/);
    figures('privileged-port', `caught: ${f.evidence.map((e) => e.excerpt).filter(Boolean).join(' | ')}`);
    await assertNothingLeft(engine, project);
  });

  test('the bundled example runs clean under every constraint of its generated Deployment; the report has its figures', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = stage(path.join(EXAMPLES, 'node-redis'), 'twinex');
    const result = await twinUp(engine, dir, project, 90_000);
    assert.deepEqual(result.report?.findings, []);
    assert.equal(result.readiness.how, 'probes');
    assert.deepEqual(JSON.parse((await httpGet(result.url!)).body), { visits: 1 });
    const info = await engine.docker.getContainer(result.container).inspect();
    assert.equal(info.HostConfig.ReadonlyRootfs, true);
    assert.equal(info.HostConfig.Sysctls?.['net.ipv4.ip_unprivileged_port_start'], '1024');
    const [report] = await reportProject(engine.docker, project);
    assert.equal(report.running, true);
    assert.deepEqual(report.findings, []);
    assert.ok(report.memory.peakBytes! > 0 && report.memory.peakBytes! < report.memory.limitBytes!);
    assert.deepEqual(report.probes.map((p) => [p.kind, p.failed]), [['readiness', false], ['liveness', false]]);
    figures('node-redis example', `clean; peak ${formatBytes(report.memory.peakBytes!)} of ${formatBytes(report.memory.limitBytes!)}, probes ${report.probes.map((p) => `${p.kind} ${p.latencyMs.max} ms`).join(', ')}, cpu throttled ${report.cpu.throttledPeriods}/${report.cpu.periods}`);
    await assertNothingLeft(engine, project);
  });
});
