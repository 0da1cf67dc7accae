// PHP: Composer versions and dependencies, Laravel vs front-controller apps vs libraries, broken files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const FRONT = { 'public/index.php': '<?php echo "hi";\n' };
const composer = (obj: Record<string, unknown>) => JSON.stringify(obj, null, 2);

function only(tree: Record<string, string>) {
  const result = detect(new MemoryRepo(tree));
  assert.equal(result.apps.length, 1, JSON.stringify(result, null, 1));
  return { app: result.apps[0], warnings: result.warnings };
}

test('version precedence: config.platform.php > .tool-versions > require.php (lower bound)', () => {
  const tree: Record<string, string> = {
    ...FRONT,
    'composer.json': composer({ require: { php: '^8.1 || ^8.2' }, config: { platform: { php: '8.3.4' } } }),
    '.tool-versions': 'nodejs 20.0.0\nphp 8.2.12\n',
  };
  assert.deepEqual(only(tree).app.runtimeVersion, { value: '8.3.4', source: 'composer.json > config.platform.php' });
  tree['composer.json'] = composer({ require: { php: '^8.1 || ^8.2' } });
  assert.deepEqual(only(tree).app.runtimeVersion, { value: '8.2.12', source: '.tool-versions:2' });
  delete tree['.tool-versions'];
  assert.deepEqual(only(tree).app.runtimeVersion, { value: '8.1', source: 'composer.json > require.php' });
  tree['composer.json'] = composer({ require: { 'slim/slim': '^4' } });
  assert.equal(only(tree).app.runtimeVersion, null);
});

test('dependencies: require in file order with ext-*, not php itself, not require-dev', () => {
  const { app } = only({
    ...FRONT,
    'composer.json': composer({
      require: { php: '>=8.2', 'ext-redis': '*', 'mongodb/mongodb': '^1.17', 'ext-pdo_mysql': '*', 'php-amqplib/php-amqplib': '^3' },
      'require-dev': { 'predis/predis': '^2', 'ext-pgsql': '*' },
    }),
  });
  assert.deepEqual(app.services, [
    { value: 'mongodb', source: 'composer.json > require.mongodb/mongodb' },
    { value: 'mysql', source: 'composer.json > require.ext-pdo_mysql' },
    { value: 'rabbitmq', source: 'composer.json > require.php-amqplib/php-amqplib' },
    { value: 'redis', source: 'composer.json > require.ext-redis' },
  ]);
  assert.deepEqual(app.nativeDeps.map((n) => n.package), ['ext-pdo_mysql', 'ext-redis']);
});

test('Laravel: artisan serve, or Octane when installed', () => {
  const laravel = { 'artisan': '#!/usr/bin/env php\n', ...FRONT };
  const serve = only({ ...laravel, 'composer.json': composer({ name: 'acme/shop', require: { 'laravel/framework': '^11' } }) }).app;
  assert.equal(serve.name, 'shop');
  assert.deepEqual(serve.framework, { value: 'laravel', source: 'composer.json > require.laravel/framework' });
  assert.deepEqual(serve.start, { value: 'php artisan serve --host=0.0.0.0 --port=8000', source: 'artisan' });
  const octane = only({ ...laravel, 'composer.json': composer({ require: { 'laravel/framework': '^11', 'laravel/octane': '^2' } }) }).app;
  assert.deepEqual(octane.start, { value: 'php artisan octane:start --host=0.0.0.0 --port=8000', source: 'artisan' });
  assert.deepEqual(octane.port, { value: 8000, source: 'default (php artisan octane:start listens on 8000)' });
});

test('front controllers: Symfony in public/, plain index.php at the top', () => {
  const symfony = only({ ...FRONT, 'bin/console': '', 'composer.json': composer({ require: { 'symfony/framework-bundle': '^7' } }) }).app;
  assert.deepEqual(symfony.framework, { value: 'symfony', source: 'composer.json > require.symfony/framework-bundle' });
  assert.deepEqual(symfony.start, { value: 'php -S 0.0.0.0:8000 -t public', source: 'public/index.php' });
  const top = only({ 'index.php': '<?php\n', 'composer.json': '{}' }).app;
  assert.deepEqual(top.start, { value: 'php -S 0.0.0.0:8000', source: 'index.php' });
  assert.equal(top.framework, null);
  assert.equal(top.name, 'app');
});

test('Procfile web: (Heroku PHP buildpack) wins as start', () => {
  const { app } = only({ 'composer.json': '{"require": {"php": "^8.3"}}', 'Procfile': 'web: vendor/bin/heroku-php-apache2 public/\n', 'public/app.php': '<?php\n' });
  assert.deepEqual(app.start, { value: 'vendor/bin/heroku-php-apache2 public/', source: 'Procfile:1' });
  assert.equal(app.port, null);
});

test('a Composer library is not an app', () => {
  const lib = detect(new MemoryRepo({ 'composer.json': composer({ name: 'acme/money', type: 'library', require: { php: '^8.1' } }), 'src/Money.php': '<?php\nfinal class Money {}\n' }));
  assert.deepEqual(lib.apps, []);
  assert.deepEqual(lib.warnings, []);
});

test('malformed composer.json and composer.lock become warnings, not crashes', () => {
  const broken = detect(new MemoryRepo({ 'composer.json': '{"require": {"php": "^8.2",}', ...FRONT }));
  assert.deepEqual(broken.apps, []);
  assert.equal(broken.warnings.length, 1);
  assert.equal(broken.warnings[0].file, 'composer.json');
  assert.match(broken.warnings[0].message, /^invalid JSON/);

  const badLock = only({ 'composer.json': '{"require": {"php": "^8.2"}}', 'composer.lock': '{"packages": [', ...FRONT });
  assert.deepEqual(badLock.app.lockfile, { value: 'composer.lock', source: 'composer.lock' });
  assert.deepEqual(badLock.warnings.map((w) => w.file), ['composer.lock']);
});

test('a php -S in composer scripts.start sets the port (bound to 0.0.0.0 in the start command)', () => {
  const { app } = only({
    ...FRONT,
    'composer.json': composer({ require: { 'slim/slim': '^4.12' }, scripts: { start: 'php -S localhost:8080 -t public', test: 'phpunit' } }),
  });
  assert.deepEqual(app.framework, { value: 'slim', source: 'composer.json > require.slim/slim' });
  assert.deepEqual(app.start, { value: 'php -S 0.0.0.0:8080 -t public', source: 'public/index.php' });
  assert.deepEqual(app.port, { value: 8080, source: 'composer.json > scripts.start' });
  const arrayForm = only({ ...FRONT, 'composer.json': composer({ scripts: { start: ['Composer\\Config::disableProcessTimeout', 'php -S 0.0.0.0:9000 -t public'] } }) });
  assert.deepEqual(arrayForm.app.port, { value: 8000, source: "default (PHP's built-in server is started on 8000)" });
});
