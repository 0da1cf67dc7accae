// Every fixture app's detection result must equal its expected.json exactly: facts and their sources.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect } from '../../src/core/detect';
import { DiskRepo } from '../../src/core/repo';
import { FIXTURE_APPS } from '../helpers/paths';

const fixtures = fs.readdirSync(FIXTURE_APPS).filter((d) => fs.existsSync(path.join(FIXTURE_APPS, d, 'expected.json'))).sort();

test('there are fixture apps to check', () => {
  assert.ok(fixtures.length > 0);
});

for (const name of fixtures) {
  test(`detect ${name} matches expected.json`, () => {
    const dir = path.join(FIXTURE_APPS, name);
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE_APPS, name, 'expected.json'), 'utf8'));
    const actual = JSON.parse(JSON.stringify(detect(new DiskRepo(dir, '.'))));
    assert.deepStrictEqual(actual, expected);
  });
}
