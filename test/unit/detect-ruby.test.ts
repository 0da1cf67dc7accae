// Ruby: Gemfile groups, version precedence, and which Bundler folders are deployable apps.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const RACK = { 'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n' };

function only(tree: Record<string, string>) {
  const result = detect(new MemoryRepo(tree));
  assert.equal(result.apps.length, 1, JSON.stringify(result, null, 1));
  return result.apps[0];
}

test('Gemfile: development/test groups (blocks and inline options) are not production dependencies', () => {
  const app = only({
    ...RACK,
    'Gemfile': [
      'source "https://rubygems.org"',
      'gem "rack"',
      'group :development, :test do',
      '  platforms :mri do',
      '    gem "pg"',
      '  end',
      '  gem "mysql2"',
      'end',
      'gem "redis", group: :production',
      'gem "mongo", groups: [:development, :test]',
      'if ENV["KAFKA"]',
      '  gem "ruby-kafka"',
      'end',
      'group :production do',
      '  gem "bunny" # queues',
      'end',
      'gem "sidekiq", require: false',
    ].join('\n'),
  });
  assert.deepEqual(app.services, [
    { value: 'kafka', source: 'Gemfile:12' },
    { value: 'rabbitmq', source: 'Gemfile:15' },
    { value: 'redis', source: 'Gemfile:9' },
  ]);
  assert.deepEqual(app.nativeDeps, []);
});

test('version precedence: .ruby-version > Gemfile ruby > .tool-versions > Gemfile.lock RUBY VERSION', () => {
  const tree: Record<string, string> = {
    ...RACK,
    '.ruby-version': 'ruby-3.3.1\n',
    'Gemfile': 'source "https://rubygems.org"\n\nruby "~> 3.2"\ngem "rack"\n',
    '.tool-versions': 'ruby 3.1.4\n',
    'Gemfile.lock': 'GEM\n  specs:\n\nRUBY VERSION\n   ruby 3.0.6p216\n\nBUNDLED WITH\n   2.4.0\n',
  };
  assert.deepEqual(only(tree).runtimeVersion, { value: '3.3.1', source: '.ruby-version' });
  delete tree['.ruby-version'];
  assert.deepEqual(only(tree).runtimeVersion, { value: '3.2', source: 'Gemfile:3' });
  tree['Gemfile'] = 'gem "rack"\n';
  assert.deepEqual(only(tree).runtimeVersion, { value: '3.1.4', source: '.tool-versions:1' });
  delete tree['.tool-versions'];
  assert.deepEqual(only(tree).runtimeVersion, { value: '3.0.6', source: 'Gemfile.lock:5' });
  delete tree['Gemfile.lock'];
  assert.equal(only(tree).runtimeVersion, null);
});

test('Rails without Puma config runs rails server; the app name comes from the application module', () => {
  const app = only({
    'Gemfile': 'gem "rails", "~> 7.1"\ngem "mysql2"\n',
    'config/application.rb': 'module MyShop\n  class Application < Rails::Application\n  end\nend\n',
    'config.ru': 'run Rails.application\n',
  });
  assert.equal(app.name, 'my-shop');
  assert.deepEqual(app.framework, { value: 'rails', source: 'Gemfile:1' });
  assert.deepEqual(app.start, { value: 'bundle exec rails server -b 0.0.0.0', source: 'config/application.rb' });
  assert.deepEqual(app.port, { value: 3000, source: 'default (Rails listens on 3000)' });
  assert.equal(app.build, null);
  assert.deepEqual(app.lockfile, null);
});

test('Puma bind line in config/puma.rb sets the port', () => {
  const app = only({
    'Gemfile': 'gem "rails"\ngem "puma"\n',
    'config/application.rb': 'module Api; end\n',
    'config/puma.rb': 'workers 2\nbind "tcp://0.0.0.0:8080"\n',
  });
  assert.deepEqual(app.start, { value: 'bundle exec puma -C config/puma.rb', source: 'config/puma.rb' });
  assert.deepEqual(app.port, { value: 8080, source: 'config/puma.rb:2' });
});

test('modular Sinatra behind config.ru is served by rackup on 9292, or Puma when bundled', () => {
  const rackup = only({ 'Gemfile': 'gem "sinatra"\n', 'config.ru': 'require "./app"\nrun App\n', 'app.rb': 'require "sinatra/base"\nclass App < Sinatra::Base; end\n' });
  assert.deepEqual(rackup.framework, { value: 'sinatra', source: 'Gemfile:1' });
  assert.deepEqual(rackup.start, { value: 'bundle exec rackup --host 0.0.0.0 --port 9292', source: 'config.ru' });
  assert.deepEqual(rackup.port, { value: 9292, source: 'default (rackup serves config.ru on 9292)' });

  const puma = only({ 'Gemfile': 'gem "roda"\ngem "puma"\n', 'config.ru': 'run App.freeze.app\n' });
  assert.deepEqual(puma.framework, { value: 'roda', source: 'Gemfile:1' });
  assert.deepEqual(puma.start, { value: 'bundle exec puma --bind tcp://0.0.0.0:9292', source: 'config.ru' });
  assert.deepEqual(puma.port, { value: 9292, source: 'default (Puma serves config.ru on 9292)' });
});

test('classic Sinatra without set :port listens on 4567', () => {
  const app = only({ 'Gemfile': 'gem "sinatra"\n', 'server.rb': "require 'sinatra'\nget('/') { 'hi' }\n" });
  assert.deepEqual(app.start, { value: 'bundle exec ruby server.rb -o 0.0.0.0', source: 'server.rb' });
  assert.deepEqual(app.port, { value: 4567, source: 'default (Sinatra listens on 4567)' });
});

test('Procfile web: wins, with its port as configuration', () => {
  const app = only({ 'Gemfile': 'gem "rails"\ngem "puma"\n', 'config/application.rb': 'module Blog; end\n', 'config/puma.rb': 'port 3000\n', 'Procfile': 'web: bundle exec puma -p 5000\n' });
  assert.deepEqual(app.start, { value: 'bundle exec puma -p 5000', source: 'Procfile:1' });
  assert.deepEqual(app.port, { value: 5000, source: 'Procfile:1' });
});

test('a Gemfile without anything to serve is not an app (gems, Jekyll sites, tooling)', () => {
  assert.deepEqual(detect(new MemoryRepo({ 'Gemfile': 'source "https://rubygems.org"\ngemspec\n', 'lib/slug.rb': 'module Slug; end\n', 'slug.gemspec': '' })).apps, []);
  const jekyll = detect(new MemoryRepo({ 'Gemfile': 'gem "jekyll"\n', '_config.yml': 'title: blog\n', 'index.md': '# hi\n' }));
  assert.deepEqual(jekyll.apps.filter((a) => a.ecosystem === 'ruby'), []);
  // A Node app that uses Ruby tooling (fastlane, danger) stays a Node app.
  const node = detect(new MemoryRepo({
    'Gemfile': 'gem "fastlane"\n',
    'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node server.js' } }),
    'server.js': 'require("http").createServer().listen(3000);\n',
  }));
  assert.deepEqual(node.apps.map((a) => a.ecosystem), ['node']);
});
