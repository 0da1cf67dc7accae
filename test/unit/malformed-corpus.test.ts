// The malformed corpus: hostile or broken project files must never crash detection or stall it; each
// problem a provider can see becomes a warning naming the file. Committed cases live in
// test/fixtures/malformed/<case>/ with an expect.json; cases that cannot be committed (binary, huge,
// FIFOs, links, non-UTF-8 names, extreme nesting) are generated below into temp folders.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { detect } from '../../src/core/detect';
import { DiskRepo } from '../../src/core/repo';
import type { DetectResult } from '../../src/core/model';
import { PROJECT_ROOT } from '../helpers/paths';

const CORPUS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'malformed');
/** Generous for a shared 2-core machine; a hang or a blow-up takes far longer. */
const TIME_LIMIT_MS = 5000;

interface WarningExpectation { file: string; messageIncludes: string }
interface Expectation {
  description: string;
  apps: number;
  warnings: WarningExpectation[];
  /** The input is valid (BOM, empty TOML…): no warning at all. Other cases may gain warnings as providers improve. */
  noWarnings?: boolean;
  /** Env var names the (single) app must report, exactly. */
  env?: string[];
  port?: number;
  /** Strings that must not appear anywhere in the result (expanded entities, leaked file contents). */
  notContains?: string[];
}

function run(dir: string): { result: DetectResult; ms: number } {
  const start = performance.now();
  const result = detect(new DiskRepo(dir, '.'));
  return { result: JSON.parse(JSON.stringify(result)) as DetectResult, ms: performance.now() - start };
}

function assertWarnings(result: DetectResult, wanted: WarningExpectation[]): void {
  for (const w of wanted) {
    assert.ok(
      result.warnings.some((got) => got.file === w.file && got.message.includes(w.messageIncludes)),
      `expected a warning on ${w.file} containing "${w.messageIncludes}", got ${JSON.stringify(result.warnings)}`,
    );
  }
}

function check(dir: string, e: Expectation): void {
  const { result, ms } = run(dir);
  assert.ok(ms < TIME_LIMIT_MS, `took ${Math.round(ms)} ms`);
  assert.equal(result.apps.length, e.apps, `apps: ${JSON.stringify(result.apps.map((a) => a.path))}`);
  assertWarnings(result, e.warnings);
  if (e.noWarnings) assert.deepEqual(result.warnings, [], 'this input is valid and must not produce warnings');
  if (e.env) assert.deepEqual(result.apps[0].env.map((v) => v.name), e.env);
  if (e.port !== undefined) assert.equal(result.apps[0].port?.value, e.port);
  const text = JSON.stringify(result);
  for (const s of e.notContains ?? []) assert.ok(!text.includes(s), `result contains "${s}"`);
}

const cases = fs.readdirSync(CORPUS).filter((d) => fs.existsSync(path.join(CORPUS, d, 'expect.json'))).sort();

for (const name of cases) {
  const e = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expect.json'), 'utf8')) as Expectation;
  test(`malformed ${name}: ${e.description}`, () => check(path.join(CORPUS, name), e));
}

// ---- generated cases ----
const made: string[] = [];
after(() => {
  for (const d of made) execFileSync('rm', ['-rf', d]);
});
function tmp(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-malformed-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}
const PKG = '{"name": "app", "scripts": {"start": "node index.js"}}';
const INDEX = "require('http').createServer(() => {}).listen(process.env.PORT || 3000);\n";
const MB = 1024 * 1024;

const generated: [string, () => string, Expectation][] = [
  ['binary package.json', () => tmp({ 'package.json': Buffer.from([0x7b, 0x0a, 0x00, 0x00, 0xff, 0xd8, 0xff, 0xe0]), 'index.js': INDEX }),
    { description: '', apps: 1, warnings: [{ file: 'package.json', messageIncludes: 'binary content' }] }],
  ['binary index.html of a static site', () => tmp({ 'index.html': Buffer.concat([Buffer.from('<html>'), Buffer.alloc(64), Buffer.from('</html>')]) }),
    { description: '', apps: 1, warnings: [{ file: 'index.html', messageIncludes: 'binary content' }] }],
  ['2 MB single-line source file', () => tmp({ 'package.json': PKG, 'index.js': INDEX, 'vendor.min.js': 'var a="' + 'x'.repeat(2 * MB) + '";' }),
    { description: '', apps: 1, warnings: [{ file: 'vendor.min.js', messageIncludes: 'over the 1048576-byte limit' }], port: 3000 }],
  ['package.json over the size cap', () => tmp({ 'package.json': JSON.stringify({ name: 'app', description: 'd'.repeat(MB + 10) }), 'index.js': INDEX }),
    { description: '', apps: 1, warnings: [{ file: 'package.json', messageIncludes: 'over the 1048576-byte limit' }] }],
  ['package.json nested 100,000 arrays deep', () => tmp({ 'package.json': '{"name":"app","x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}', 'index.js': INDEX }),
    { description: '', apps: 1, warnings: [] }],
  ['compose.yaml nested 20,000 flow sequences deep', () => tmp({ 'package.json': PKG, 'index.js': INDEX, 'compose.yaml': 'services: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n' }),
    { description: '', apps: 1, warnings: [{ file: 'compose.yaml', messageIncludes: 'nested deeper than 500' }] }],
  ['pyproject.toml nested 20,000 arrays deep', () => tmp({ 'pyproject.toml': '[project]\nname = "x"\nx = ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n', 'main.py': '' }),
    { description: '', apps: 1, warnings: [{ file: 'pyproject.toml', messageIncludes: 'invalid TOML' }] }],
  ['pom.xml nested 20,000 elements deep', () => tmp({ 'pom.xml': '<project><modelVersion>4.0.0</modelVersion>' + '<a>'.repeat(20_000) + '</a>'.repeat(20_000) + '</project>' }),
    { description: '', apps: 0, warnings: [{ file: 'pom.xml', messageIncludes: 'Maximum nested tags exceeded' }] }],
  ['symlink loop inside the app', () => {
    const root = tmp({ 'package.json': PKG, 'src/index.js': INDEX });
    fs.symlinkSync('..', path.join(root, 'src', 'loop'));
    fs.symlinkSync('me', path.join(root, 'me'));
    return root;
  }, { description: '', apps: 1, warnings: [], noWarnings: true, port: 3000 }],
  ['file and folder names that are not UTF-8', () => {
    const root = tmp({ 'package.json': PKG, 'index.js': INDEX });
    fs.writeFileSync(Buffer.concat([Buffer.from(root + '/'), Buffer.from([0xff, 0x2e, 0x6a, 0x73])]), 'process.env.HIDDEN');
    fs.mkdirSync(Buffer.concat([Buffer.from(root + '/'), Buffer.from([0xc3, 0x28])]));
    return root;
  }, { description: '', apps: 1, warnings: [{ file: '\uFFFD.js', messageIncludes: 'not valid UTF-8' }], env: ['PORT'] }],
  ['FIFO named package.json', () => {
    const root = tmp({ 'index.js': INDEX, 'requirements.txt': 'flask\n', 'app.py': '' });
    execFileSync('mkfifo', [path.join(root, 'package.json')]);
    return root;
  }, { description: '', apps: 1, warnings: [] }],
  ['app folder nested deeper than the walk goes', () => tmp({ [Array.from({ length: 70 }, (_, i) => `d${i}`).join('/') + '/package.json']: PKG, 'README.md': '' }),
    { description: '', apps: 0, warnings: [{ file: Array.from({ length: 65 }, (_, i) => `d${i}`).join('/'), messageIncludes: 'nested deeper than' }] }],
];

for (const [name, make, e] of generated) {
  test(`malformed (generated) ${name}`, () => check(make(), e));
}

test('the corpus holds at least 50 malformed or hostile inputs', () => {
  assert.ok(cases.length + generated.length >= 50, `${cases.length} committed + ${generated.length} generated`);
});

test('no prototype was polluted by the corpus', () => {
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
