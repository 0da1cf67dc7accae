// Every fixture app's detection result (its expected.json) generates a valid, consistent file set in every
// base family with every option on: generate() runs its schema, lint and consistency checks and throws on
// any failure, so this covers real detection output, not only the hand-written golden inputs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate } from '../../src/core/generate';
import { FAMILIES, type DetectResult } from '../../src/core/model';
import { FIXTURE_APPS } from '../helpers/paths';

const fixtures = fs.readdirSync(FIXTURE_APPS).filter((d) => fs.existsSync(path.join(FIXTURE_APPS, d, 'expected.json'))).sort();

for (const name of fixtures) {
  test(`generate ${name} in every family`, () => {
    const detected = JSON.parse(fs.readFileSync(path.join(FIXTURE_APPS, name, 'expected.json'), 'utf8')) as DetectResult;
    for (const family of FAMILIES) {
      const { files } = generate(detected, { ...DEFAULT_OPTIONS, family, ingress: true, hpa: true, pdb: true });
      assert.equal(files.filter((f) => f.kind === 'dockerfile').length, detected.apps.length, `${family}: one Dockerfile per app`);
      if (detected.apps.length) assert.equal(files.filter((f) => f.kind === 'compose').length, 1);
    }
  });
}
