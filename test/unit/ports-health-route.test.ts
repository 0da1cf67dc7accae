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

test('Rails 7.1 `get "up"` health route, with its line; `up` elsewhere is not a health route', () => {
  const routes = 'Rails.application.routes.draw do\n  resources :posts\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n';
  assert.deepEqual(healthPathIn(routes, 'ruby'), { path: '/up', line: 3 });
  assert.deepEqual(healthPathIn("get('/up', to: 'rails/health#show')", 'ruby'), { path: '/up', line: 1 });
  assert.equal(healthPathIn('  # get "up" => "rails/health#show"', 'ruby'), null);
  assert.equal(healthPathIn("const dir = keys.get('up');\nget 'up'", 'js'), null);
  assert.equal(healthPathIn('get "upload" => "files#create"', 'ruby'), null);
});

test('the earliest health route in a file wins, whichever idiom declares it', () => {
  assert.equal(healthPathIn("get 'up' => 'rails/health#show'\nget '/health' => 'x#y'", 'ruby')?.path, '/up');
  assert.equal(healthPathIn("get '/health' => 'x#y'\nget 'up' => 'rails/health#show'", 'ruby')?.path, '/health');
});
