// The parity.yaml JSON schema the extension contributes (yamlValidation) lists exactly the OS ids the
// engine knows, and the keys the engine reads — one source of truth, checked here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DISTROS } from '../../src/core/platform/distros';
import { checkProjectKeys } from '../../src/core/config-check';
import { PROJECT_ROOT } from '../helpers/paths';

const schema = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'media', 'parity.schema.json'), 'utf8'));
const target = schema.properties.targets.additionalProperties;

test('the schema\'s os enum is the engine\'s distro table', () => {
  assert.deepEqual(target.properties.os.enum, DISTROS.map((d) => d.id));
});

test('keys the schema allows are the keys the engine reads: none of them is reported as a typo', () => {
  const top = Object.fromEntries(Object.keys(schema.properties).map((k) => [k, 'x']));
  const t = { os: 'rhel9', arch: 'amd64', runtime: 'kubernetes', context: 'prod' };
  assert.deepEqual(Object.keys(t).sort(), Object.keys(target.properties).sort());
  assert.deepEqual(checkProjectKeys(top, { prod: t }, 'parity.yaml'), []);
});

test('typos are reported with the key path and a suggestion, never silently defaulted', () => {
  const warnings = checkProjectKeys({ target: {}, targets: {} }, { prod: { oss: 'rhel9', arch: 'arm' }, edge: { os: 'debain12' } }, 'parity.yaml');
  assert.deepEqual(warnings.map((w) => w.at), ['target', 'targets.prod.oss', 'targets.prod', 'targets.prod.arch', 'targets.edge.os']);
  assert.match(warnings[0].message, /did you mean 'targets'\?/);
  assert.match(warnings[1].message, /did you mean 'os'\?/);
  assert.match(warnings[2].message, /no os: assuming debian12/);
  assert.match(warnings[4].message, /'debain12' is not an OS Parity knows/);
});
