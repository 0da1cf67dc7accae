// The `parity` binary as users run it: help, unknown commands, and `detect --json` on fixtures.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, FIXTURE_APPS } from '../helpers/paths';

function parity(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

test('--help lists every command and exits 0', () => {
  const r = parity(['--help']);
  assert.equal(r.status, 0);
  for (const name of ['detect', 'generate', 'up', 'down', 'logs', 'ps', 'drift', 'check', 'hook']) {
    assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
  }
});

test('an unknown command or option is a usage error (exit 2) with help on stderr', () => {
  const unknown = parity(['deploy']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command 'deploy'/);
  const badFlag = parity(['detect', '--jsn']);
  assert.equal(badFlag.status, 2);
  assert.match(badFlag.stderr, /unknown option --jsn/);
});

test('detect on a missing folder says so and exits 2', () => {
  const r = parity(['detect', 'no/such/folder']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no such folder/);
});

for (const name of ['node-express-npm', 'python-pip-flask', 'go-basic', 'monorepo-npm-workspaces']) {
  test(`bin/parity detect --json in ${name} prints its expected.json`, () => {
    const dir = path.join(FIXTURE_APPS, name);
    const out = execFileSync(process.execPath, [CLI, 'detect', '--json'], { cwd: dir, encoding: 'utf8' });
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    assert.deepStrictEqual(JSON.parse(out), expected);
  });
}
