// Env var reads across languages: names, first source, defaults, secrets, comments and example files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../src/core/repo';
import { AppContext } from '../../src/core/detect/context';
import { envReadsIn, isSecretName, scanEnv } from '../../src/core/detect/env';
import type { Lang } from '../../src/core/detect/scan/lines';

function scan(tree: Record<string, string>, sources: string[], dir = '') {
  const repo = new MemoryRepo(tree);
  const prefix = dir ? dir + '/' : '';
  const files = repo.files().filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
  return scanEnv(new AppContext(repo, dir, files, []), sources);
}

function reads(code: string, lang: Lang) {
  return envReadsIn(code, lang).map((o) => `${o.name}:${o.line}:${o.hasDefault ? 'default' : 'required'}`);
}

test('JS/TS: dot, bracket, destructuring, import.meta.env and Bun.env reads', () => {
  const code = [
    "const a = process.env.API_URL;",
    "const b = process.env['QUOTED'];",
    'const { DB_HOST, DB_PORT = "5432", RENAMED: r, ...rest } = process.env;',
    'const c = import.meta.env.VITE_TITLE;',
    'const d = Bun.env.BUN_ONLY;',
  ].join('\n');
  assert.deepEqual(reads(code, 'js'), [
    'API_URL:1:required', 'QUOTED:2:required', 'DB_HOST:3:required', 'DB_PORT:3:default', 'RENAMED:3:required',
    'VITE_TITLE:4:required', 'BUN_ONLY:5:required',
  ]);
});

test('JS/TS: `||` and `??` fallbacks count as defaults, a plain read does not', () => {
  const code = "const p = process.env.PORT || 3000;\nconst h = process.env.HOST ?? 'localhost';\nconst n = Number(process.env.WORKERS) || 2;\nconst k = process.env.KEY;";
  assert.deepEqual(reads(code, 'js'), ['PORT:1:default', 'HOST:2:default', 'WORKERS:3:default', 'KEY:4:required']);
});

test("Vite's built-in import.meta.env names are not env vars", () => {
  assert.deepEqual(reads('if (import.meta.env.DEV || import.meta.env.MODE) {}', 'js'), []);
});

test('commented-out reads are not reads', () => {
  const js = '// const x = process.env.OLD_JS\n/* process.env.BLOCK */\n * process.env.IN_DOC\nconst y = process.env.LIVE;';
  assert.deepEqual(reads(js, 'js'), ['LIVE:4:required']);
  assert.deepEqual(reads("# os.environ['OLD_PY']\nos.environ['LIVE']", 'python'), ['LIVE:2:required']);
});

test('Python: os.environ, getenv, environ.get with and without defaults, django-environ and decouple', () => {
  const code = [
    'import os',
    "SECRET_KEY = os.environ['SECRET_KEY']",
    "DEBUG = os.getenv('DEBUG', 'false')",
    "HOST = os.environ.get('HOST')",
    "LEVEL = os.environ.get('LEVEL') or 'info'",
    "HOSTS = env('ALLOWED_HOSTS', default=[])",
    "FLAG = env.bool('FLAG')",
    "DB = config('DB_NAME', cast=str)",
    "TZ = config('TZ', default='UTC')",
    "x = config('not.an.env.var')",
  ].join('\n');
  assert.deepEqual(reads(code, 'python'), [
    'SECRET_KEY:2:required', 'DEBUG:3:default', 'HOST:4:required', 'LEVEL:5:default', 'ALLOWED_HOSTS:6:default',
    'FLAG:7:required', 'DB_NAME:8:required', 'TZ:9:default',
  ]);
});

test('Go: Getenv and LookupEnv (a LookupEnv branch is not recognised as a default)', () => {
  const code = 'port := os.Getenv("PORT")\nif v, ok := os.LookupEnv("MODE"); ok {}';
  assert.deepEqual(reads(code, 'go'), ['PORT:1:required', 'MODE:2:required']);
});

test('Java/Kotlin: System.getenv, Kotlin elvis, getOrDefault', () => {
  const code = 'String u = System.getenv("DB_URL");\nval p = System.getenv("PORT") ?: "8080"\nSystem.getenv().getOrDefault("REGION", "eu")';
  assert.deepEqual(reads(code, 'jvm'), ['DB_URL:1:required', 'PORT:2:default', 'REGION:3:default']);
});

test('Spring placeholders in application.properties: ${X} required, ${X:d} defaulted, property refs ignored', () => {
  const code = 'spring.datasource.url=${JDBC_URL}\nserver.port=${PORT:8080}\napp.name=${spring.application.name}';
  assert.deepEqual(reads(code, 'config'), ['JDBC_URL:1:required', 'PORT:2:default']);
});

test('Ruby: ENV[], ENV[] ||, ENV.fetch with default argument or block', () => {
  const code = "a = ENV['A']\nb = ENV['B'] || 'x'\nc = ENV.fetch('C')\nd = ENV.fetch('D', 1)\ne = ENV.fetch(\"E\") { 3000 }";
  assert.deepEqual(reads(code, 'ruby'), ['A:1:required', 'B:2:default', 'C:3:required', 'D:4:default', 'E:5:default']);
});

test("PHP: getenv, $_ENV, Laravel env() with default; config('app.name') is not an env var", () => {
  const code = "<?php\n$a = getenv('A');\n$b = $_ENV['B'] ?? 'x';\n$c = env('APP_NAME', 'Laravel');\n$d = env('APP_KEY');\n$e = config('app.name');";
  assert.deepEqual(reads(code, 'php'), ['A:2:required', 'B:3:default', 'APP_NAME:4:default', 'APP_KEY:5:required']);
});

test('.NET and Rust reads', () => {
  assert.deepEqual(reads('var c = Environment.GetEnvironmentVariable("CONN");\nvar d = Environment.GetEnvironmentVariable("D") ?? "x";', 'dotnet'), ['CONN:1:required', 'D:2:default']);
  assert.deepEqual(reads('let a = std::env::var("A").unwrap_or("x".into());\nlet b = env::var("B")?;', 'rust'), ['A:1:default', 'B:2:required']);
});

test('one entry per name, sorted, sourced at the first read in sorted file order; any default wins', () => {
  const env = scan(
    {
      'src/b.js': 'process.env.TOKEN\nprocess.env.ALPHA',
      'src/a.js': "\n\nprocess.env.TOKEN || 'dev'",
      '.env.example': 'ALPHA=1\nEXAMPLE_ONLY=2\n# COMMENTED=3\nexport EXPORTED=4',
      '.env': 'NEVER_READ=1',
    },
    ['src/a.js', 'src/b.js'],
  );
  assert.deepEqual(env, [
    { name: 'ALPHA', secret: false, hasDefault: false, source: 'src/b.js:2' },
    { name: 'EXAMPLE_ONLY', secret: false, hasDefault: false, source: '.env.example:2' },
    { name: 'EXPORTED', secret: false, hasDefault: false, source: '.env.example:4' },
    { name: 'TOKEN', secret: true, hasDefault: true, source: 'src/a.js:3' },
  ]);
});

test('sources are relative to the scanned root for an app in a sub-folder', () => {
  const env = scan({ 'apps/api/server.py': "import os\nos.environ['X']", 'apps/api/requirements.txt': '' }, ['server.py'], 'apps/api');
  assert.deepEqual(env, [{ name: 'X', secret: false, hasDefault: false, source: 'apps/api/server.py:2' }]);
});

test('files the provider did not list as sources are not scanned', () => {
  assert.deepEqual(scan({ 'README.md': 'set process.env.DOCS_ONLY', 'a.js': '' }, ['a.js']), []);
});

test('secret-looking names', () => {
  for (const n of ['DB_PASSWORD', 'JWT_SECRET', 'GITHUB_TOKEN', 'STRIPE_API_KEY', 'APIKEY', 'PRIVATE_PEM', 'AWS_CREDENTIALS', 'SIGNING_KEY', 'KEY', 'DATABASE_URL', 'SENTRY_DSN', 'db_passwd']) {
    assert.ok(isSecretName(n), n);
  }
  for (const n of ['PORT', 'NODE_ENV', 'KEYBOARD_LAYOUT', 'LOG_LEVEL', 'REDIS_HOST', 'DSN_TIMEOUT']) assert.ok(!isSecretName(n), n);
});

test('Go: a default through `if v == "" { v = … }` or cmp.Or counts, a bare read or LookupEnv does not', () => {
  const code = [
    'port := os.Getenv("PORT")',
    'if port == "" {',
    '\tport = "8080"',
    '}',
    'dsn := os.Getenv("DSN")',
    'if other == "" { other = "x" }',
    'level := cmp.Or(os.Getenv("LOG_LEVEL"), "info")',
    'fmt.Println(os.Getenv("PLAIN"), "not a default")',
    'if v, ok := os.LookupEnv("LOOKED_UP"); !ok { v = "d" }',
  ].join('\n');
  assert.deepEqual(reads(code, 'go'), ['PORT:1:default', 'DSN:5:required', 'LOG_LEVEL:7:default', 'PLAIN:8:required', 'LOOKED_UP:9:required']);
});

test('JS: parseInt(process.env.X, 10) || d counts as a default', () => {
  assert.deepEqual(reads('const p = parseInt(process.env.PORT, 10) || 3000;\nconst q = parseInt(process.env.Q, 10);', 'js'), ['PORT:1:default', 'Q:2:required']);
});
