// Every folder of the real-world corpus: the generated files against what a correct container needs
// (test/realworld/<folder>.gen.json, written by reading each app). What is not right yet is listed exactly in
// the file's `knownGaps`; the test fails when a gap appears (a regression) or disappears (update the list:
// the figure must stay honest). Static only — builds of the Node apps are in test/docker and bench/realworld.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, expectationFolders, folderGaps, readExpectation } from './gaps';

const corpusPresent = fs.existsSync(CORPUS);

test('every corpus folder has a generation expectation', { skip: !corpusPresent && `no corpus at ${CORPUS}` }, () => {
  const folders = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory()).sort();
  assert.deepEqual(expectationFolders(), folders);
});

for (const folder of expectationFolders()) {
  test(`real-world generation: ${folder}`, { skip: !corpusPresent && `no corpus at ${CORPUS}` }, async () => {
    const exp = readExpectation(folder);
    for (const app of exp.apps) {
      for (const f of app.installClosure) {
        assert.ok(fs.existsSync(path.join(CORPUS, folder, app.context ?? app.path, f)), `${app.path}: the expected closure file ${f} exists in the corpus`);
      }
    }
    assert.deepEqual(await folderGaps(folder), [...exp.knownGaps].sort(), 'gaps differ from knownGaps in the .gen.json (fixed ones must be removed, new ones are regressions)');
  });
}
