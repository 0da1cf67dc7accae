// The CLI end to end on a real engine: `parity up` prints a working URL, `ps` and `logs` show the
// container, `down` leaves nothing labelled.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import type { Engine } from '../../src/docker/connect';
import { cleanup, copyApp, DOCKER_FIXTURES, httpGet, parityObjects, requireEngine, uniqueProject } from '../helpers/docker';

const projects: string[] = [];
let engine: Engine | undefined;
after(() => cleanup(engine, projects));

async function run(argv: string[], cwd: string) {
  const io = {
    stdout: '', stderr: '', cwd, isTTY: false, signal: new AbortController().signal,
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
  } satisfies CliIO & { stdout: string; stderr: string };
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

test('parity up → ps → logs → down on a static site', { timeout: 300_000 }, async (t) => {
  engine = await requireEngine(t);
  if (!engine) return;
  const project = uniqueProject('cli');
  projects.push(project);
  const dir = copyApp(path.join(DOCKER_FIXTURES, 'static-site'), project);
  const parent = path.dirname(dir);

  const upRun = await run(['up', project, '--timeout', '60'], parent);
  assert.equal(upRun.code, 0, upRun.stderr);
  assert.match(upRun.stdout, /using the generated Dockerfile/);
  assert.match(upRun.stdout, /Step 1\/\d+ : FROM nginx:1\.27-bookworm/);
  const url = /is up \((?:healthcheck passed|its probes pass)\): (http:\/\/127\.0\.0\.1:\d+\/)/.exec(upRun.stdout)?.[1];
  assert.ok(url, upRun.stdout);
  const page = await httpGet(url);
  assert.equal(page.status, 200);
  assert.match(page.body, /static-site served by nginx/);

  const ps = await run(['ps', '--json'], dir);
  assert.equal(ps.code, 0, ps.stderr);
  const mine = (JSON.parse(ps.stdout).containers as { project: string; state: string; health: string; ports: string[] }[]).filter((c) => c.project === project);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].state, 'running');
  assert.equal(mine[0].health, 'healthy');
  assert.match(mine[0].ports[0], /^127\.0\.0\.1:\d+->8080\/tcp$/);

  const logs = await run(['logs'], dir);
  assert.equal(logs.code, 0, logs.stderr);
  assert.match(logs.stdout, /"GET \/ HTTP\/1\.1" 200/);

  const down = await run(['down'], dir);
  assert.equal(down.code, 0, down.stderr);
  assert.match(down.stdout, new RegExp(`^${project}: removed containers parity-${project}-site; network parity-${project}`, 'm'));
  assert.deepEqual(await parityObjects(engine, project), { containers: [], networks: [] });
  const again = await run(['down'], dir);
  assert.match(again.stdout, /nothing to remove/);
});

test('parity up with a bad --timeout is a usage error before any engine contact', async () => {
  const r = await run(['up', '.', '--timeout', 'soon', '--docker-host', 'unix:///nonexistent.sock'], DOCKER_FIXTURES);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--timeout soon: not a number of seconds/);
});
