// Hostile Python/Ruby/PHP project files: pathological repetitions aimed at the providers' regexes, wrong
// types in manifests, include loops. Each must finish quickly, without throwing, with a sensible result.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const BIG = 300_000;

function timed(tree: Record<string, string>) {
  const start = process.hrtime.bigint();
  const result = detect(new MemoryRepo(tree));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
  return result;
}

test('python sources of blank lines, unclosed run( calls and fake assignments stay fast', () => {
  const result = timed({
    'requirements.txt': 'flask\nfastapi\n',
    'app.py': '\n'.repeat(BIG) + 'import flask\n' + 'x.run('.repeat(BIG / 6) + '\n' + 'a ='.repeat(BIG / 3) + '\n',
    'main.py': ' \t'.repeat(BIG / 2) + '\nfrom fastapi import' + ' '.repeat(BIG),
  });
  assert.equal(result.apps.length, 1);
  assert.equal(result.apps[0].ecosystem, 'python');
});

test('long lines in requirements files, Procfiles and Gemfiles are skipped, not backtracked over', () => {
  const py = timed({
    'requirements.txt': 'flask' + ' '.repeat(BIG) + 'x\n-r ' + 'a'.repeat(BIG) + '\npika\n',
    'Procfile': 'web: gunicorn' + ' -b '.repeat(BIG / 4) + '\nweb: ' + ' '.repeat(BIG) + 'x\n',
    'app.py': '',
  });
  assert.deepEqual(py.apps[0].services, [{ value: 'rabbitmq', source: 'requirements.txt:3' }]);
  const rb = timed({ 'Gemfile': 'group ' + ' '.repeat(BIG) + '\ngem "redis"\n', 'config.ru': 'run App\n' });
  assert.deepEqual(rb.apps[0].services, [{ value: 'redis', source: 'Gemfile:2' }]);
});

test('manifest values of the wrong type are ignored, not crashed on', () => {
  const py = timed({
    'pyproject.toml': '[project]\nname = 42\ndependencies = "flask"\nrequires-python = 3\n\n[tool.poetry]\ndependencies = ["a"]\n',
    'Pipfile': 'packages = "x"\nrequires = 1\n',
    'main.py': '',
  });
  assert.equal(py.apps.length, 1);
  assert.equal(py.apps[0].name, 'app');
  assert.equal(py.apps[0].runtimeVersion, null);
  const php = timed({ 'composer.json': '{"name": ["x"], "require": "laravel/framework", "config": {"platform": 8}}', 'index.php': '<?php' });
  assert.equal(php.apps.length, 1);
  assert.equal(php.apps[0].name, 'app');
  assert.deepEqual(timed({ 'composer.json': '[1, 2]', 'index.php': '' }).apps, []);
  assert.deepEqual(timed({ 'composer.json': 'null', 'index.php': '' }).apps, []);
});

test('requirement include loops and includes of missing or escaping paths end', () => {
  const result = timed({
    'requirements.txt': '-r a.txt\n-r ../../etc/passwd\n-r missing.txt\n',
    'a.txt': '-r b.txt\nredis\n',
    'b.txt': '--requirement=requirements.txt\n-r a.txt\npsycopg2\n',
    'main.py': '',
  });
  assert.deepEqual(result.apps[0].services.map((s) => s.source), ['b.txt:3', 'a.txt:2']);
});
