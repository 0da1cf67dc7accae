// The registry holds exactly one module per ecosystem id, in detection order, and every module has every
// part the engines read (a module missing one would make an engine fall back silently or crash).
import test from 'node:test';
import assert from 'node:assert/strict';
import { ECOSYSTEMS } from '../../src/core/model';
import { ECOSYSTEM_MODULES, moduleOf } from '../../src/core/ecosystems';

test('every ecosystem id has exactly one module, and the module says it is that id', () => {
  const ids = ECOSYSTEM_MODULES.map((m) => m.id);
  assert.deepEqual([...ids].sort(), [...ECOSYSTEMS].sort(), 'registry ids = ECOSYSTEMS');
  assert.equal(new Set(ids).size, ids.length, 'no id twice');
  for (const id of ECOSYSTEMS) assert.equal(moduleOf(id).id, id);
});

test('static (the bare index.html marker) is tried last, Node after the ecosystems that carry a package.json', () => {
  const ids = ECOSYSTEM_MODULES.map((m) => m.id);
  assert.equal(ids[ids.length - 1], 'static');
  for (const before of ['ruby', 'php', 'python']) assert.ok(ids.indexOf(before as never) < ids.indexOf('node'), `${before} before node`);
});

test('every module has every part', () => {
  for (const m of ECOSYSTEM_MODULES) {
    const where = `module ${m.id}`;
    assert.ok(m.label, `${where}: label`);
    assert.equal(m.detect.id, m.id, `${where}: detect.id`);
    assert.ok(m.detect.markers.length > 0, `${where}: markers`);
    for (const fn of ['matches', 'profile'] as const) assert.equal(typeof m.detect[fn], 'function', `${where}: detect.${fn}`);
    for (const fn of ['pins', 'dockerfile', 'dockerignore'] as const) assert.equal(typeof m[fn], 'function', `${where}: ${fn}`);
    assert.ok(m.dependencies.services && m.dependencies.native, `${where}: dependency tables`);
    assert.match(m.images.defaultVersion, /^\d+(\.\d+)?$/, `${where}: images.defaultVersion`);
    assert.ok([1, 2].includes(m.images.tagParts) && [1, 2].includes(m.images.agreeParts), `${where}: version parts`);
    assert.ok(Array.isArray(m.images.repositories), `${where}: images.repositories`);
    for (const family of ['debian', 'rhel', 'alpine'] as const) {
      const { build, runtime } = m.images.pick(family, m.images.defaultVersion);
      for (const ref of [build.ref, runtime.ref]) assert.match(ref, /:[^/:]+$/, `${where}: ${family} image ${ref} is tagged`);
    }
    assert.ok(Number.isInteger(m.runtime.defaultPort) && m.runtime.defaultPort > 1023, `${where}: unprivileged default port`);
    assert.ok(m.runtime.startupSeconds > 0, `${where}: startup budget`);
    assert.match(m.resources.requests.memory, /^\d+[MG]i$/, `${where}: resources`);
  }
});

test('an image name maps to the ecosystem that publishes it in exactly one module', () => {
  const seen = new Map<string, string>();
  for (const m of ECOSYSTEM_MODULES) {
    for (const r of m.images.repositories) {
      assert.ok(!seen.has(r), `${r} claimed by ${seen.get(r)} and ${m.id}`);
      seen.set(r, m.id);
    }
  }
});
