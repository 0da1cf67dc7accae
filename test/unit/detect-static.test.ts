// static: plain sites are apps; asset folders, server-side templates and folders of other ecosystems are
// not; Hugo and Jekyll sites build to their output folder.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';

const page = '<!doctype html>\n<html><body><h1>Hello</h1></body></html>\n';
const mainGo = 'package main\n\nfunc main() {}\n';

function apps(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree)).apps;
}

test('a folder with index.html and no project file is a static site served on 8080', () => {
  const [site, ...rest] = apps({ 'site/index.html': page, 'site/about/index.html': page, 'site/css/a.css': 'body{}\n' });
  assert.deepEqual(rest, []);
  assert.equal(site.path, 'site');
  assert.equal(site.name, 'site');
  assert.equal(site.ecosystem, 'static');
  assert.equal(site.build, null);
  assert.equal(site.start, null);
  assert.deepEqual(site.outputDir, { value: '.', source: 'site/index.html' });
  assert.deepEqual(site.port, { value: 8080, source: 'default (static files served by nginx as a non-root user on 8080)' });
});

test('asset folders and server-side templates are not sites', () => {
  assert.deepEqual(apps({ 'public/index.html': page, 'assets/index.html': page, 'docs/index.html': page, 'public/blog/index.html': page }), []);
  assert.deepEqual(apps({ 'web/index.html': '<h1>{{ .Title }}</h1>\n' }), []);
  assert.deepEqual(apps({ 'web/index.html': '<h1>{% block title %}{% endblock %}</h1>\n' }), []);
});

test('an index.html inside another app belongs to that app', () => {
  const found = apps({ 'go.mod': 'module example.com/w\n', 'main.go': mainGo, 'ui/index.html': page, 'site/index.html': page });
  assert.deepEqual(found.map((a) => [a.path, a.ecosystem]), [['.', 'go']]);
});

test('a folder with another ecosystem\'s project file is not a static site', () => {
  const found = apps({ 'svc/go.mod': 'module example.com/lib\n', 'svc/lib.go': 'package lib\n', 'svc/index.html': page });
  assert.deepEqual(found, []);
});

test('Hugo: hugo.toml, or config.toml next to content/; publishDir is honoured', () => {
  const [hugo] = apps({ 'blog/hugo.toml': 'title = "b"\npublishDir = "site"\n', 'blog/content/_index.md': '# hi\n', 'blog/layouts/index.html': '{{ .Content }}\n' });
  assert.deepEqual([hugo.path, hugo.framework, hugo.build, hugo.outputDir], [
    'blog', { value: 'hugo', source: 'blog/hugo.toml' }, { value: 'hugo --minify', source: 'blog/hugo.toml' }, { value: 'site', source: 'blog/hugo.toml > publishDir' },
  ]);
  const [legacy] = apps({ 'config.toml': 'title = "b"\n', 'content/post.md': '# p\n' });
  assert.deepEqual(legacy.outputDir, { value: 'public', source: 'default (hugo writes to public/)' });
  // a config.toml alone is not a Hugo site
  assert.deepEqual(apps({ 'tool/config.toml': 'x = 1\n' }), []);
});

test('Jekyll without a Gemfile builds to _site', () => {
  const [site] = apps({ '_config.yml': 'title: notes\n', '_posts/2024-01-01-hello.md': '---\n---\nhi\n', 'index.md': '# home\n' });
  assert.deepEqual([site.framework?.value, site.build?.value, site.outputDir?.value], ['jekyll', 'jekyll build', '_site']);
});
