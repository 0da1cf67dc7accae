// Failures a user meets, against a real engine: each must give a readable error and leave ZERO
// Parity-labelled containers or networks behind.
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../src/docker/connect';
import { BuildCancelledError, BuildFailedError, buildImage } from '../../src/docker/build';
import { prepareUp } from '../../src/docker/prepare';
import { up, UpFailedError } from '../../src/docker/up';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { cleanup, copyApp, DOCKER_FIXTURES, httpGet, parityObjects, requireEngine, uniqueProject } from '../helpers/docker';

const projects: string[] = [];
let engine: Engine | undefined;
after(() => cleanup(engine, projects));

function fixture(name: string, prefix: string) {
  const project = uniqueProject(prefix);
  projects.push(project);
  const dir = copyApp(path.join(DOCKER_FIXTURES, name), project);
  return { project, dir, get prepared() { return prepareUp({ root: dir, display: name, withServices: true }); } };
}

async function assertNothingLeft(e: Engine, project: string) {
  assert.deepEqual(await parityObjects(e, project), { containers: [], networks: [] }, `Parity objects left for ${project}`);
}

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '', stderr: '', cwd, isTTY: false, signal: new AbortController().signal,
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
  };
  return io;
}

describe('fault handling against a real engine', { timeout: 900_000 }, () => {
  test('dead socket path: "engine not running" naming the socket, and nothing created', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const dead = '/tmp/parity-no-engine-here.sock';
    await assert.rejects(connectEngine({ explicit: `unix://${dead}` }), (err: Error) => {
      assert.match(err.message, /Docker engine not running: nothing answers at unix:\/\/\/tmp\/parity-no-engine-here\.sock \(--docker-host\)/);
      assert.match(err.message, /systemctl start docker|Docker Desktop/);
      return true;
    });
    // Through the CLI: exit code 1, the message on stderr, no stack trace.
    const { project, dir } = fixture('static-site', 'deadsock');
    const io = captureIO(dir);
    const code = await main(['up', '.', '--docker-host', `unix://${dead}`], io);
    assert.equal(code, 1);
    assert.match(io.stderr, /^parity up: Docker engine not running/);
    assert.doesNotMatch(io.stderr, /\n\s+at /);
    await assertNothingLeft(engine, project);
  });

  test('a failing build step reports the step, its command and its last output', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir, prepared } = fixture('node-build-fails', 'buildfail');
    const started = Date.now();
    await assert.rejects(
      up({ engine, root: dir, project, app: prepared.app, services: [], env: prepared.env, timeoutMs: 30_000 }),
      (err: BuildFailedError) => {
        assert.ok(err instanceof BuildFailedError, String(err));
        assert.match(err.step!.instruction, /^RUN npm run build/);
        assert.match(err.message, /^build failed at step \d+\/\d+: RUN npm run build/);
        assert.match(err.reason, /returned a non-zero code: 2/);
        assert.ok(err.lastLines.some((l) => l.includes('Type "string" is not assignable to type "number"')), err.lastLines.join('\n'));
        return true;
      },
    );
    // The failed step's container is removed too (forcerm), though it carries no Parity label.
    const all = await engine.docker.listContainers({ all: true });
    assert.deepEqual(all.filter((c) => c.Command.includes('npm run build') && c.Created * 1000 >= started - 5000).map((c) => c.Id), []);
    await assertNothingLeft(engine, project);
  });

  test('a container exiting at start reports its exit code and last log lines, then is removed', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir, prepared } = fixture('node-exits-at-start', 'exits');
    await assert.rejects(
      up({ engine, root: dir, project, app: prepared.app, services: prepared.services, env: prepared.env, timeoutMs: 60_000 }),
      (err: UpFailedError) => {
        assert.ok(err instanceof UpFailedError, String(err));
        assert.equal(err.exitCode, 4);
        assert.match(err.message, /exited at start with code 4/);
        assert.ok(err.logs.some((l) => l.includes('fatal: DATABASE_URL is not set')), err.logs.join('\n'));
        return true;
      },
    );
    await assertNothingLeft(engine, project);
  });

  test('a taken port moves to the next free one and says so', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir, prepared } = fixture('static-site', 'porttaken');
    const wanted = prepared.app.port!;
    assert.equal(wanted, 8080);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.once('error', () => resolve()).listen(wanted, '127.0.0.1', () => resolve()));
    try {
      const messages: string[] = [];
      const result = await up({ engine, root: dir, project, app: prepared.app, services: [], env: prepared.env, timeoutMs: 60_000, onInfo: (m) => messages.push(m) });
      assert.notEqual(result.hostPort, wanted);
      assert.ok(messages.some((m) => m === `port ${wanted} is taken on 127.0.0.1; publishing on ${result.hostPort} instead`), messages.join('\n'));
      const res = await httpGet(result.url!);
      assert.equal(res.status, 200);
    } finally {
      blocker.close();
      await cleanup(engine, [project]);
    }
    await assertNothingLeft(engine, project);
  });

  test('a missing image with no registry reachable names the image: base image and service image', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const base = fixture('missing-base', 'nobase');
    await assert.rejects(
      buildImage(engine.docker, { dir: base.dir, repository: base.project }),
      /^Error: base image parity-test-missing\/base:1\.0 is not available in the engine and no registry could provide it/,
    );
    const { project, dir, prepared } = fixture('static-site', 'nosvc');
    const services = [{ name: 'db', image: 'parity-test-missing/postgres:16', env: {}, volumes: [], dependsOn: [] }];
    await assert.rejects(
      up({ engine, root: dir, project, app: prepared.app, services, env: {}, timeoutMs: 30_000 }),
      (err: Error) => {
        assert.match(err.message, /^image parity-test-missing\/postgres:16 for service db is not in the engine and could not be pulled/);
        assert.match(err.message, /--no-services/);
        return true;
      },
    );
    await assertNothingLeft(engine, base.project);
    await assertNothingLeft(engine, project);
  });

  test('cancelling mid-build aborts the request and leaves no build container behind', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir } = fixture('slow-build', 'cancel');
    const controller = new AbortController();
    const started = Date.now();
    let abortedAt = 0;
    await assert.rejects(
      buildImage(engine.docker, {
        dir, repository: project, labels: { 'dev.parity.project': project }, signal: controller.signal,
        onProgress: (p) => {
          if (p.kind === 'output' && p.line.includes('parity-cancel-marker') && !abortedAt) {
            abortedAt = Date.now();
            controller.abort();
          }
        },
      }),
      (err: Error) => err instanceof BuildCancelledError && /build cancelled/.test(err.message),
    );
    assert.ok(abortedAt > 0, 'the slow step started before the cancel');
    assert.ok(Date.now() - abortedAt < 10_000, 'the cancel returned promptly');
    // The engine removes the step's container once it sees the request gone (forcerm).
    let left: string[] = [];
    for (let i = 0; i < 30; i++) {
      const all = await engine.docker.listContainers({ all: true });
      left = all.filter((c) => c.Command.includes('parity-cancel-marker') && c.Created * 1000 >= started - 5000).map((c) => `${c.Id.slice(0, 12)} ${c.State}`);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.deepEqual(left, [], 'build containers still present after cancel');
    const images = await engine.docker.listImages({ filters: { reference: [`${project}:*`] } });
    assert.equal(images.length, 0, 'no image was tagged for a cancelled build');
    await assertNothingLeft(engine, project);
  });
});
