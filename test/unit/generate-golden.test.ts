// Golden files: each test/golden/<case>/ holds a DetectResult (detect.json) and options (options.json);
// generate() must produce exactly the files under expected/, byte for byte (only CRLF normalised).
// UPDATE_GOLDEN=1 rewrites expected/ (review the git diff before committing).
// Every golden Dockerfile is also linted and every golden manifest schema-validated, independently of
// the checks generate() runs itself.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate, type GenerateOptions } from '../../src/core/generate';
import { lintDockerfile } from '../../src/core/generate/lint';
import { validateObject } from '../../src/core/generate/validate/schema';
import { checkConsistency } from '../../src/core/generate/validate/consistency';
import { parseYamlDocs } from '../../src/core/parse/structured';
import { provenance } from '../../src/core/generate/header';
import type { DetectResult } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const cases = fs.readdirSync(GOLDEN).filter((d) => fs.existsSync(path.join(GOLDEN, d, 'detect.json'))).sort();

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  }).sort();
}

function load(name: string): { detected: DetectResult; options: GenerateOptions } {
  const dir = path.join(GOLDEN, name);
  const detected = JSON.parse(fs.readFileSync(path.join(dir, 'detect.json'), 'utf8')) as DetectResult;
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) as Partial<GenerateOptions> & { existing?: Record<string, string> };
  const { existing, ...rest } = raw;
  const options: GenerateOptions = { ...DEFAULT_OPTIONS, ...rest };
  if (existing) options.repo = { readText: (p: string) => existing[p] };
  return { detected, options };
}

test('golden cases exist for every ecosystem, family and option', () => {
  const ecosystems = new Set<string>();
  const families = new Set<string>();
  for (const name of cases) {
    const { detected, options } = load(name);
    for (const a of detected.apps) ecosystems.add(a.ecosystem);
    families.add(options.family);
  }
  assert.deepEqual([...ecosystems].sort(), ['dotnet', 'go', 'java', 'node', 'php', 'python', 'ruby', 'rust', 'static']);
  assert.deepEqual([...families].sort(), ['alpine', 'debian', 'rhel']);
});

for (const name of cases) {
  test(`golden ${name}`, () => {
    const { detected, options } = load(name);
    const result = generate(detected, options);
    const expectedDir = path.join(GOLDEN, name, 'expected');
    if (UPDATE) {
      fs.rmSync(expectedDir, { recursive: true, force: true });
      for (const f of result.files) {
        fs.mkdirSync(path.dirname(path.join(expectedDir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(expectedDir, f.path), f.content);
      }
    }
    const expected = listFiles(expectedDir);
    assert.deepEqual(result.files.map((f) => f.path).sort(), expected, 'the generated file list');
    for (const f of result.files) {
      const want = fs.readFileSync(path.join(expectedDir, f.path), 'utf8').replace(/\r\n/g, '\n');
      assert.equal(f.content, want, `${name}/${f.path}`);
      assert.ok(!f.content.includes('\r'), `${f.path} has LF line endings`);
      if (!f.merged) assert.equal(provenance(f.content), 'generated', `${f.path} carries a valid Parity header`);
    }
  });
}

test('every golden Dockerfile passes the lint self-check', () => {
  let count = 0;
  for (const name of cases) {
    const { detected, options } = load(name);
    for (const file of listFiles(path.join(GOLDEN, name, 'expected')).filter((f) => f.endsWith('Dockerfile'))) {
      const text = fs.readFileSync(path.join(GOLDEN, name, 'expected', file), 'utf8');
      const appDir = path.posix.dirname(file);
      const app = detected.apps.find((a) => a.path === (appDir === '.' ? '.' : appDir))!;
      const server = Boolean(app.port) || app.ecosystem === 'static' || app.ecosystem === 'php' || Boolean(app.outputDir && !app.start);
      assert.deepEqual(lintDockerfile(text, { server, cacheMounts: options.cacheMounts, lockfile: app.lockfile?.value }), [], `${name}/${file}`);
      assert.ok(!/^\s*FROM\s+\S+:latest\b/im.test(text) && !/^# syntax=/m.test(text));
      count++;
    }
  }
  assert.ok(count >= cases.length, `linted ${count} Dockerfiles`);
});

test('every golden Kubernetes object validates against the schema', () => {
  let count = 0;
  for (const name of cases) {
    const dir = path.join(GOLDEN, name, 'expected');
    for (const file of listFiles(dir).filter((f) => f.endsWith('.yaml') && f !== 'compose.yaml')) {
      const docs = parseYamlDocs(fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.ok(docs.ok, `${name}/${file} parses`);
      for (const doc of docs.value) {
        assert.deepEqual(validateObject(doc), [], `${name}/${file}`);
        count++;
      }
    }
  }
  assert.ok(count > cases.length * 3, `validated ${count} objects`);
});

test('golden sets are consistent across files (ports, UID, env wiring)', () => {
  for (const name of cases) {
    const { detected, options } = load(name);
    const dir = path.join(GOLDEN, name, 'expected');
    const compose = fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
    for (const app of detected.apps) {
      const appDir = app.path === '.' ? '' : app.path + '/';
      const k8sDir = `${appDir}${options.k8sDir}`;
      const manifests = Object.fromEntries(listFiles(path.join(dir, k8sDir)).map((f) => [f, fs.readFileSync(path.join(dir, k8sDir, f), 'utf8')]));
      const service = (parseYamlDocs(compose) as { ok: true; value: { services: Record<string, { build: { context: string } }> }[] }).value[0].services;
      const composeService = Object.keys(service).find((s) => {
        const b = service[s].build as { context: string; dockerfile?: string } | undefined;
        return b && path.posix.join(b.context, b.dockerfile ? path.posix.dirname(b.dockerfile) : '.') === (app.path === '.' ? '.' : app.path);
      });
      assert.ok(composeService, `${name}: compose builds ${app.path}`);
      const problems = checkConsistency({ app, dockerfile: fs.readFileSync(path.join(dir, `${appDir}Dockerfile`), 'utf8'), manifests, compose, composeService });
      assert.deepEqual(problems, [], `${name}/${app.path}`);
    }
  }
});
