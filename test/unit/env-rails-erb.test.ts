// Rails reads env vars inside ERB in its YAML config (config/database.yml, cable.yml, storage.yml):
// those reads are the app's, found with the Ruby patterns; plain YAML (compose files…) is not code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../src/core/repo';
import { detect } from '../../src/core/detect';

const RAILS = {
  Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'pg'\n",
  'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
  'config.ru': 'run Rails.application\n',
  'config/routes.rb': 'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
};

function rubyApp(extra: Record<string, string>) {
  const result = detect(new MemoryRepo({ ...RAILS, ...extra }));
  assert.equal(result.apps.length, 1);
  assert.equal(result.apps[0].ecosystem, 'ruby');
  return result.apps[0];
}

test('DATABASE_URL in config/database.yml ERB is an env var, sourced at its line', () => {
  const app = rubyApp({
    'config/database.yml': 'default: &default\n  adapter: postgresql\n\nproduction:\n  <<: *default\n  url: <%= ENV[\'DATABASE_URL\'] %>\n',
  });
  assert.deepEqual(app.env.find((v) => v.name === 'DATABASE_URL'), { name: 'DATABASE_URL', secret: true, hasDefault: false, source: 'config/database.yml:6' });
});

test('ENV.fetch in ERB YAML: with a block default and without', () => {
  const app = rubyApp({
    'config/database.yml': 'production:\n  pool: <%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>\n  host: <%= ENV.fetch("DB_HOST") %>\n',
    'config/cable.yml': 'production:\n  adapter: redis\n  url: <%= ENV.fetch("REDIS_URL", "redis://localhost:6379/1") %>\n',
  });
  const byName = Object.fromEntries(app.env.map((v) => [v.name, [v.hasDefault, v.source]]));
  assert.deepEqual(byName, {
    DB_HOST: [false, 'config/database.yml:3'],
    RAILS_MAX_THREADS: [true, 'config/database.yml:2'],
    REDIS_URL: [true, 'config/cable.yml:3'],
  });
});

test('YAML without ERB, and commented ERB lines, are not read as code', () => {
  const app = rubyApp({
    'docker-compose.yml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      X: ENV["NOT_ERB"]\n',
    'config/storage.yml': '# url: <%= ENV["COMMENTED_OUT"] %>\nlocal:\n  service: Disk\n',
  });
  assert.deepEqual(app.env.map((v) => v.name), []);
});

test('the Rails `get "up"` route is the health path', () => {
  assert.deepEqual(rubyApp({}).healthPath, { value: '/up', source: 'config/routes.rb:2' });
});
