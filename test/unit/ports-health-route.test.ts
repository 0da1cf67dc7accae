// Health-check routes declared in code, across routing idioms.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { healthPathIn } from '../../src/core/detect/scan/health';

const cases: [string, string, Parameters<typeof healthPathIn>[1], string][] = [
  ['express', "app.get('/healthz', (req, res) => res.send('ok'))", 'js', '/healthz'],
  ['fastify route', "fastify.route({ method: 'GET', url: '/x' });\nrouter.get(`/health/`, h)", 'js', '/health'],
  ['flask', '@app.route("/health")\ndef health(): return "ok"', 'python', '/health'],
  ['fastapi', '@router.get("/readyz")', 'python', '/readyz'],
  ['django path without slash', "path('healthcheck/', views.health)", 'python', '/healthcheck'],
  ['go mux', 'mux.HandleFunc("/livez", live)', 'go', '/livez'],
  ['gin', 'r.GET("/ping", func(c *gin.Context) {})', 'go', '/ping'],
  ['spring', '@GetMapping(value = "/health")', 'jvm', '/health'],
  ['aspnet', 'app.MapHealthChecks("/healthz");', 'dotnet', '/healthz'],
  ['sinatra', "get '/ping' do\n  'pong'\nend", 'ruby', '/ping'],
  ['laravel', "Route::get('/health', fn () => 'ok');", 'php', '/health'],
  ['actix attribute', '#[get("/health")]\nasync fn health() {}', 'rust', '/health'],
];

for (const [name, code, lang, path] of cases) {
  test(`health route: ${name}`, () => {
    assert.equal(healthPathIn(code, lang)?.path, path);
  });
}

test('a client call or a commented route is not a health route', () => {
  assert.equal(healthPathIn("await fetch('/healthz')\nconst u = '/health';", 'js'), null);
  assert.equal(healthPathIn("// app.get('/healthz', h)", 'js'), null);
  assert.equal(healthPathIn("app.get('/healthy-food', h)", 'js'), null);
});

test('line of the route is reported', () => {
  assert.deepEqual(healthPathIn("const a = 1;\n\napp.get('/livez', h)", 'js'), { path: '/livez', line: 3 });
});
