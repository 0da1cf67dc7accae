// Hostile Python/Ruby/PHP project files: pathological repetitions aimed at the providers' regexes, wrong
// types in manifests, include loops. The providers alone are timed here (the cross-ecosystem scanners
// have their own stress corpus); each must finish quickly, without throwing, with a sensible result.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { AppContext } from '../../src/core/detect/context';
import type { Provider, ProviderProfile } from '../../src/core/detect/provider';
import { provider as python } from '../../src/core/ecosystems/python/detect';
import { provider as ruby } from '../../src/core/ecosystems/ruby/detect';
import { provider as php } from '../../src/core/ecosystems/php/detect';
import type { Warning } from '../../src/core/model';
import { MemoryRepo } from '../../src/core/repo';

const BIG = 300_000;

/** Runs one provider on a root folder, timed. */
function profile(provider: Provider, tree: Record<string, string>): ProviderProfile | null {
  const repo = new MemoryRepo(tree);
  const warnings: Warning[] = [];
  const start = process.hrtime.bigint();
  const ctx = new AppContext(repo, '', repo.files(), warnings);
  const result = provider.matches(ctx) ? provider.profile(ctx) : null;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
  return result;
}

test('python sources of blank lines, unclosed run( calls and fake assignments stay fast', () => {
  const result = profile(python, {
    'requirements.txt': 'flask\nfastapi\n',
    'app.py': '\n'.repeat(BIG) + 'import flask\n' + 'x.run('.repeat(BIG / 6) + '\n' + 'a ='.repeat(BIG / 3) + '\n',
    'main.py': ' \t'.repeat(BIG / 2) + '\nfrom fastapi import' + ' '.repeat(BIG),
  });
  assert.equal(result?.start?.value, 'python main.py');
});

test('long lines in requirements files, Procfiles and Gemfiles are skipped, not backtracked over', () => {
  const py = profile(python, {
    'requirements.txt': 'flask' + ' '.repeat(BIG) + 'x\n-r ' + 'a'.repeat(BIG) + '\npika\n',
    'Procfile': 'web: gunicorn' + ' -b '.repeat(BIG / 4) + '\nweb: ' + ' '.repeat(BIG) + 'x\n',
    'app.py': '',
  });
  assert.deepEqual(py?.dependencies, [{ name: 'pika', source: 'requirements.txt:3' }]);
  const rb = profile(ruby, { 'Gemfile': 'group ' + ' '.repeat(BIG) + '\ngem "redis"\n', 'config.ru': 'run App\n' });
  assert.deepEqual(rb?.dependencies, [{ name: 'redis', source: 'Gemfile:2' }]);
});

test('manifest values of the wrong type are ignored, not crashed on', () => {
  const py = profile(python, {
    'pyproject.toml': '[project]\nname = 42\ndependencies = "flask"\nrequires-python = 3\n\n[tool.poetry]\ndependencies = ["a"]\n',
    'Pipfile': 'packages = "x"\nrequires = 1\n',
    'main.py': '',
  });
  assert.equal(py?.name, 'app');
  assert.equal(py?.runtimeVersion, null);
  const app = profile(php, { 'composer.json': '{"name": ["x"], "require": "laravel/framework", "config": {"platform": 8}}', 'index.php': '<?php' });
  assert.equal(app?.name, 'app');
  assert.equal(profile(php, { 'composer.json': '[1, 2]', 'index.php': '' }), null);
  assert.equal(profile(php, { 'composer.json': 'null', 'index.php': '' }), null);
});

test('requirement include loops and includes of missing or escaping paths end', () => {
  const result = detect(new MemoryRepo({
    'requirements.txt': '-r a.txt\n-r ../../etc/passwd\n-r missing.txt\n',
    'a.txt': '-r b.txt\nredis\n',
    'b.txt': '--requirement=requirements.txt\n-r a.txt\npsycopg2\n',
    'main.py': '',
  }));
  assert.deepEqual(result.apps[0].services.map((s) => s.source), ['b.txt:3', 'a.txt:2']);
});
