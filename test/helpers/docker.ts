// Shared by the suites that need a real Docker engine. Without one they skip with the reason, unless
// PARITY_REQUIRE_DOCKER=1 (set by .ci/run), which turns "no engine" into a failure.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import { connectEngine, type Engine } from '../../src/docker/connect';
import { removeProject } from '../../src/docker/down';
import { projectFilter } from '../../src/docker/labels';
import { PROJECT_ROOT } from './paths';

export const DOCKER_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'docker');
export const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

let probe: Promise<Engine | string> | undefined;

/** The engine, or the reason there is none (probed once per process). */
export function engineOrReason(): Promise<Engine | string> {
  probe ??= connectEngine().catch((err: Error) => err.message.split('\n')[0]);
  return probe;
}

/** Returns the engine, or skips the test (fails it under PARITY_REQUIRE_DOCKER=1) when none answers. */
export async function requireEngine(t: TestContext): Promise<Engine | undefined> {
  const e = await engineOrReason();
  if (typeof e !== 'string') return e;
  if (process.env.PARITY_REQUIRE_DOCKER === '1') throw new Error(`PARITY_REQUIRE_DOCKER=1 but no Docker engine answers: ${e}`);
  t.skip(`no Docker engine: ${e}`);
  return undefined;
}

/** A project name no other test (or parallel run) uses; it becomes the copied folder's name. */
export function uniqueProject(prefix: string): string {
  return `pt-${prefix}-${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Copies a fixture app into a temp folder named after the project (the project name is the folder's). */
export function copyApp(source: string, project: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-docker-')), project);
  fs.cpSync(source, dir, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
  return dir;
}

/** Every Parity-labelled container and network of a project (volumes too), by name. */
export async function parityObjects(engine: Engine, project: string): Promise<{ containers: string[]; networks: string[] }> {
  const filters = projectFilter(project);
  const [containers, networks] = await Promise.all([
    engine.docker.listContainers({ all: true, filters }),
    engine.docker.listNetworks({ filters }),
  ]);
  return { containers: containers.map((c) => c.Names[0]), networks: networks.map((n) => n.Name) };
}

export async function cleanup(engine: Engine | undefined, projects: string[]): Promise<void> {
  if (!engine) return;
  for (const p of projects) await removeProject(engine.docker, p, { volumes: true }).catch(() => undefined);
}

export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 10_000, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: timed out`)));
    req.on('error', reject);
  });
}
