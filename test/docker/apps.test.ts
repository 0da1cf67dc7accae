// Builds THE GENERATED Dockerfile of each fixture app on a real engine, runs it with `up`, and asserts a
// real HTTP answer through the port published on 127.0.0.1. Then `down` must leave nothing labelled.
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { prepareUp } from '../../src/docker/prepare';
import { up } from '../../src/docker/up';
import { removeProject } from '../../src/docker/down';
import type { Engine } from '../../src/docker/connect';
import { cleanup, copyApp, DOCKER_FIXTURES, EXAMPLES, httpGet, parityObjects, requireEngine, uniqueProject } from '../helpers/docker';

const projects: string[] = [];
let engine: Engine | undefined;
after(() => cleanup(engine, projects));

async function runApp(e: Engine, source: string, prefix: string) {
  const project = uniqueProject(prefix);
  projects.push(project);
  const dir = copyApp(source, project);
  const prepared = prepareUp({ root: dir, display: path.basename(dir), withServices: true });
  assert.equal(prepared.project, project);
  assert.ok(prepared.app.dockerfileContent, 'the fixture has no Dockerfile of its own: the generated one is built');
  const steps: string[] = [];
  const result = await up({
    engine: e, root: dir, project, app: prepared.app, services: prepared.services, env: prepared.env,
    timeoutMs: 90_000, onBuild: (p) => { if (p.kind === 'step') steps.push(p.instruction); },
  });
  assert.ok(steps.length > 0, 'build progress reported Step lines');
  assert.match(result.image.ref, /^[a-z0-9._-]+:dev-[0-9a-f]{12}$/);
  assert.ok(result.url, 'a URL on 127.0.0.1');
  assert.match(result.url!, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  return { project, dir, result, prepared };
}

async function downAndAssertEmpty(e: Engine, project: string) {
  await removeProject(e.docker, project, { volumes: true });
  assert.deepEqual(await parityObjects(e, project), { containers: [], networks: [] });
}

describe('generated Dockerfiles run on a real engine', { timeout: 1_200_000 }, () => {
  test('Node + npm with a real dependency (npm ci inside the build)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, result } = await runApp(engine, path.join(DOCKER_FIXTURES, 'node-npm-dep'), 'npmdep');
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), { app: 'node-npm-dep', twoDaysMs: 172_800_000 });
    await downAndAssertEmpty(engine, project);
  });

  test('TypeScript app with a build step', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, result } = await runApp(engine, path.join(DOCKER_FIXTURES, 'node-ts-build'), 'tsbuild');
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    assert.equal(res.body, 'hello from node-ts-build, compiled by tsc; an hour is 3600000 ms\n');
    await downAndAssertEmpty(engine, project);
  });

  test('Node app with Redis as a backing service (the bundled example), replaced by a second up', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir, result, prepared } = await runApp(engine, path.join(EXAMPLES, 'node-redis'), 'redis');
    assert.deepEqual(prepared.services.map((s) => s.name), ['redis']);
    assert.equal(prepared.env.REDIS_URL, 'redis://redis:6379');
    assert.equal(result.readiness.how, 'healthcheck');
    assert.deepEqual(JSON.parse((await httpGet(result.url!)).body), { visits: 1 });
    assert.deepEqual(JSON.parse((await httpGet(result.url!)).body), { visits: 2 });

    // `up` again replaces: same image (nothing changed), one app and one redis container, not two each.
    const again = await up({ engine, root: dir, project, app: prepared.app, services: prepared.services, env: prepared.env, timeoutMs: 90_000 });
    assert.equal(again.image.ref, result.image.ref, 'unchanged sources give the same content-hash tag');
    const objects = await parityObjects(engine, project);
    assert.equal(objects.containers.length, 2, `containers after a second up: ${objects.containers.join(', ')}`);
    assert.equal(objects.networks.length, 1);
    // Redis kept its data in the named volume across the replacement (it was stopped, not killed).
    assert.deepEqual(JSON.parse((await httpGet(again.url!)).body), { visits: 3 });

    // down without --volumes keeps the data volume; objects without Parity's labels are never touched.
    const bystander = await engine.docker.createContainer({ Image: 'debian:bookworm-slim', Cmd: ['true'], name: `${project}-not-parity` });
    try {
      const removed = await removeProject(engine.docker, project, { volumes: false });
      assert.deepEqual(removed.volumes, []);
      const volumes = (await engine.docker.listVolumes({ filters: { label: [`dev.parity.project=${project}`] } })).Volumes ?? [];
      assert.deepEqual(volumes.map((v) => v.Name), [`parity-${project}-redis-data`]);
      assert.equal((await bystander.inspect()).Name, `/${project}-not-parity`);
      assert.deepEqual((await removeProject(engine.docker, project, { volumes: true })).volumes, [`parity-${project}-redis-data`]);
    } finally {
      await bystander.remove({ force: true });
    }
    await downAndAssertEmpty(engine, project);
  });

  test('Python app (standard library only: no package index is reachable in CI)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, result } = await runApp(engine, path.join(DOCKER_FIXTURES, 'python-stdlib'), 'python');
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    const body = JSON.parse(res.body);
    assert.equal(body.app, 'python-stdlib');
    assert.match(body.python, /^3\.11\./);
    await downAndAssertEmpty(engine, project);
  });

  test('npm workspace member built from the workspace root (as the generated compose plan says)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, dir, result, prepared } = await runApp(engine, path.join(DOCKER_FIXTURES, 'npm-workspaces'), 'workspace');
    assert.equal(prepared.profile.path, 'apps/api');
    assert.equal(prepared.app.dir, dir, 'the build context is the workspace root');
    assert.ok(prepared.notes.some((n) => n.endsWith('built from the workspace root')), prepared.notes.join('\n'));
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    assert.equal(res.body, 'api uses @demo/shared from the workspace; a day is 86400000 ms\n');
    await downAndAssertEmpty(engine, project);
  });

  test('Go app (no external modules)', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, result } = await runApp(engine, path.join(DOCKER_FIXTURES, 'go-stdlib'), 'go');
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    assert.match(res.body, /^hello from go-stdlib \(go1\.\d+/);
    await downAndAssertEmpty(engine, project);
  });

  test('static site served by nginx', async (t) => {
    engine = await requireEngine(t);
    if (!engine) return;
    const { project, result } = await runApp(engine, path.join(DOCKER_FIXTURES, 'static-site'), 'static');
    const res = await httpGet(result.url!);
    assert.equal(res.status, 200);
    assert.match(res.body, /<h1>static-site served by nginx<\/h1>/);
    const css = await httpGet(result.url! + 'css/site.css');
    assert.equal(css.status, 200);
    assert.match(css.body, /font-family/);
    await downAndAssertEmpty(engine, project);
  });
});
