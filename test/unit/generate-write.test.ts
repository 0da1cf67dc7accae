// Writers: status against the working tree, atomic writes, overwrite policy, .dockerignore merge and
// edit detection across a regeneration.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate } from '../../src/core/generate';
import { provenance, withHeader } from '../../src/core/generate/header';
import { compareFiles, DiskTarget, MemoryTarget, toJson, unifiedDiff, writeFiles } from '../../src/core/write';
import type { DetectResult } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const detected = JSON.parse(fs.readFileSync(path.join(GOLDEN, 'node-express', 'detect.json'), 'utf8')) as DetectResult;
const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-write-'));
  temps.push(d);
  return d;
};

test('a first run creates every file; a second run finds them unchanged', () => {
  const dir = tmp();
  const files = generate(detected, DEFAULT_OPTIONS).files;
  const first = compareFiles(files, new DiskTarget(dir));
  assert.ok(first.files.every((f) => f.status === 'new'));
  const report = writeFiles(first.files, new DiskTarget(dir));
  assert.equal(report.created.length, files.length);
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), files[0].content);
  const second = compareFiles(generate(detected, DEFAULT_OPTIONS).files, new DiskTarget(dir));
  assert.ok(second.files.every((f) => f.status === 'unchanged'));
  assert.equal(unifiedDiff(second.files), '');
});

test('write refuses to replace an existing file without force; a pristine file is replaced when confirmed', () => {
  const dir = tmp();
  const target = new DiskTarget(dir);
  writeFiles(compareFiles(generate(detected, DEFAULT_OPTIONS).files, target).files, target);
  const changed = compareFiles(generate(detected, { ...DEFAULT_OPTIONS, family: 'alpine' }).files, target);
  const df = changed.files.find((f) => f.path === 'Dockerfile')!;
  assert.equal(df.status, 'changed');
  assert.equal(df.origin, 'generated');
  const before = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  const refused = writeFiles(changed.files, target);
  assert.ok(refused.skipped.some((s) => s.path === 'Dockerfile'));
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), before);
  const confirmed = writeFiles(changed.files, target, { confirmed: true });
  assert.ok(confirmed.replaced.includes('Dockerfile'));
  assert.match(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), /FROM node:22-alpine/);
});

test('a user-edited generated file is reported as changed with a warning and only --force replaces it', () => {
  const dir = tmp();
  const target = new DiskTarget(dir);
  writeFiles(compareFiles(generate(detected, DEFAULT_OPTIONS).files, target).files, target);
  const file = path.join(dir, 'Dockerfile');
  const edited = fs.readFileSync(file, 'utf8').replace('EXPOSE 3000', 'EXPOSE 3000\nLABEL team=payments');
  fs.writeFileSync(file, edited);
  assert.equal(provenance(edited), 'edited');
  const set = compareFiles(generate(detected, DEFAULT_OPTIONS).files, target);
  const df = set.files.find((f) => f.path === 'Dockerfile')!;
  assert.equal(df.status, 'changed');
  assert.equal(df.origin, 'edited');
  assert.ok(set.warnings.some((w) => w.file === 'Dockerfile' && /edited/.test(w.message)));
  assert.match(unifiedDiff(set.files), /^-LABEL team=payments$/m);
  writeFiles(set.files, target, { confirmed: true });
  assert.equal(fs.readFileSync(file, 'utf8'), edited, 'confirming the diff does not drop an edit');
  writeFiles(set.files, target, { force: true });
  assert.equal(fs.readFileSync(file, 'utf8'), df.content);
});

test('a file Parity did not write is never replaced without force', () => {
  const target = new MemoryTarget({ Dockerfile: 'FROM node:20\nCMD ["node", "x.js"]\n' });
  const set = compareFiles(generate(detected, DEFAULT_OPTIONS).files, target);
  const df = set.files.find((f) => f.path === 'Dockerfile')!;
  assert.equal(df.origin, 'foreign');
  const report = writeFiles(set.files, target, { confirmed: true });
  assert.ok(report.skipped.some((s) => s.path === 'Dockerfile' && /not written by Parity/.test(s.reason)));
  assert.equal(target.files.Dockerfile, 'FROM node:20\nCMD ["node", "x.js"]\n');
});

test('an existing .dockerignore is merged: its lines kept, missing entries appended once', () => {
  const mine = '# mine\nsecrets/\n*.log\n.env\n';
  const options = { ...DEFAULT_OPTIONS, repo: { readText: (p: string) => (p === '.dockerignore' ? mine : undefined) } };
  const ignore = generate(detected, options).files.find((f) => f.path === '.dockerignore')!;
  assert.equal(ignore.merged, true);
  assert.ok(ignore.content.startsWith(mine), 'the user lines stay first and intact');
  assert.equal(ignore.content.split('\n').filter((l) => l === '.env').length, 1, '.env is not duplicated');
  assert.match(ignore.content, /^\*\*\/\*\.pem$/m);
  // Regenerating over the merged file replaces Parity's block instead of appending another.
  const again = generate(detected, { ...DEFAULT_OPTIONS, repo: { readText: () => ignore.content } }).files.find((f) => f.path === '.dockerignore')!;
  assert.equal(again.content, ignore.content);
  const target = new MemoryTarget({ '.dockerignore': mine });
  const report = writeFiles(compareFiles([ignore], target).files, target, { confirmed: true });
  assert.deepEqual(report.replaced, ['.dockerignore']);
});

test('a failure while writing leaves no partial file and no temp file', () => {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'original\n');
  const target = new DiskTarget(dir, { beforeRename: () => { throw new Error('disk full (simulated)'); } });
  const set = compareFiles(generate(detected, DEFAULT_OPTIONS).files, target);
  assert.throws(() => writeFiles(set.files, target, { force: true }), /disk full/);
  assert.equal(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8'), 'original\n');
  const left: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : left.push(e.name)));
  walk(dir);
  assert.deepEqual(left, ['Dockerfile']);
});

test('the disk target refuses paths outside its root', () => {
  const target = new DiskTarget(tmp());
  assert.throws(() => target.writeAll([{ path: '../escape.txt', content: 'x' }]), /outside/);
});

test('json output has the documented shape', () => {
  const set = compareFiles(generate(detected, DEFAULT_OPTIONS).files, new MemoryTarget());
  const json = toJson(set.files, set.warnings);
  assert.ok(json.files.length > 0);
  for (const f of json.files) {
    assert.deepEqual(Object.keys(f), ['path', 'status', 'content']);
    assert.ok(['new', 'changed', 'unchanged'].includes(f.status));
  }
});

test('the header hash tells pristine from edited, and CRLF checkouts stay pristine', () => {
  const text = withHeader('FROM x:1\n', 'parity generate');
  assert.equal(provenance(text), 'generated');
  assert.equal(provenance(text.replace(/\n/g, '\r\n')), 'generated');
  assert.equal(provenance(text + 'RUN true\n'), 'edited');
  assert.equal(provenance('FROM x:1\n'), 'foreign');
});
