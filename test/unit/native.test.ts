// Native dependencies from declared dependencies: system packages per family, build vs runtime.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { nativeDepsFrom } from '../../src/core/detect/native';
import { NATIVE_DEPS } from '../../src/core/platform/native-deps';

test('native deps: sorted by package, sourced at the dependency, with build vs runtime per family', () => {
  const out = nativeDepsFrom('node', [
    { name: 'sharp', source: 'package.json > dependencies.sharp' },
    { name: 'express', source: 'package.json > dependencies.express' },
    { name: 'bcrypt', source: 'package.json > dependencies.bcrypt' },
    { name: 'canvas', source: 'package.json > dependencies.canvas' },
  ]);
  assert.deepEqual(out.map((d) => [d.package, d.source]), [
    ['bcrypt', 'package.json > dependencies.bcrypt'],
    ['canvas', 'package.json > dependencies.canvas'],
    ['sharp', 'package.json > dependencies.sharp'],
  ]);
  assert.deepEqual(out[0].systemPackages.debian, { build: ['python3', 'make', 'g++'], runtime: [] });
  assert.ok(out[1].systemPackages.debian.build.includes('libcairo2-dev'));
  assert.ok(out[1].systemPackages.debian.runtime.includes('libcairo2'));
  assert.ok(out[1].systemPackages.alpine.runtime.includes('cairo'));
  assert.deepEqual(out[2].systemPackages.debian, { build: [], runtime: [] });
});

test('psycopg2 needs libpq headers to build and libpq at run time on every family', () => {
  const [d] = nativeDepsFrom('python', [{ name: 'psycopg2', source: 'requirements.txt:1' }]);
  assert.deepEqual(d.systemPackages.debian, { build: ['gcc', 'libpq-dev'], runtime: ['libpq5'] });
  assert.ok(d.systemPackages.rhel.build.includes('libpq-devel') && d.systemPackages.rhel.runtime.includes('libpq'));
  assert.ok(d.systemPackages.alpine.build.includes('postgresql-dev') && d.systemPackages.alpine.runtime.includes('libpq'));
  // the binary wheel bundles libpq: not a native dependency
  assert.deepEqual(nativeDepsFrom('python', [{ name: 'psycopg2-binary', source: 'requirements.txt:1' }]), []);
});

test('native deps are per ecosystem and duplicates collapse to the first', () => {
  assert.deepEqual(nativeDepsFrom('node', [{ name: 'pg', source: 'a' }]), []);
  assert.deepEqual(nativeDepsFrom('ruby', [{ name: 'pg', source: 'Gemfile:3' }, { name: 'pg', source: 'Gemfile:9' }]).map((d) => d.source), ['Gemfile:3']);
  assert.deepEqual(nativeDepsFrom('go', [{ name: 'github.com/mattn/go-sqlite3', source: 'go.mod:5' }])[0].systemPackages.alpine, { build: ['gcc', 'musl-dev'], runtime: [] });
});

test('returned lists are copies: editing one result cannot change the table', () => {
  const [d] = nativeDepsFrom('node', [{ name: 'bcrypt', source: 'x' }]);
  d.systemPackages.debian.build.push('oops');
  assert.ok(!NATIVE_DEPS.node!.bcrypt.debian.build.includes('oops'));
});

test('every table entry lists all three families, with no duplicate or empty package names', () => {
  for (const [eco, table] of Object.entries(NATIVE_DEPS)) {
    for (const [name, fams] of Object.entries(table!)) {
      for (const fam of ['debian', 'rhel', 'alpine'] as const) {
        for (const kind of ['build', 'runtime'] as const) {
          const list = fams[fam][kind];
          assert.equal(new Set(list).size, list.length, `${eco} ${name} ${fam} ${kind} has duplicates`);
          assert.ok(list.every((p) => /^[A-Za-z0-9][\w.+-]*$/.test(p)), `${eco} ${name} ${fam} ${kind}`);
        }
      }
    }
  }
});
