// Detection on the 28 real repositories of the shared corpus, fact by fact against expectations written by
// reading each app (test/realworld/<folder>.detect.json). Where Parity differs today the expectation file
// lists the fact in `knownGaps` with what Parity gives: the test fails when a gap appears OR disappears, so
// every fix updates the list and the accuracy figures printed at the end. Regenerate the lists after a fix
// with PARITY_REALWORLD_UPDATE=1 (then review the diff: a vanished gap is a fix, a new one a regression).
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { detect } from '../../src/core/detect';
import { DiskRepo } from '../../src/core/repo';
import {
  CORPUS, FACT_KINDS, addTally, compare, copyCorpusFolder, corpusFolders, expectationFile, formatAccuracy, readExpectation,
  type Comparison, type FactKind, type Tally,
} from './helpers-detect';

const update = process.env.PARITY_REALWORLD_UPDATE === '1';
const total = Object.fromEntries(FACT_KINDS.map((k) => [k, { matched: 0, total: 0 }])) as Record<FactKind, Tally>;
const envNames: Comparison['envNames'] = { expected: 0, found: 0, both: 0 };
const folders = corpusFolders();

test('every corpus folder has an expectation file', () => {
  const inCorpus = fs.readdirSync(CORPUS).filter((d) => d.includes('__')).sort();
  assert.deepStrictEqual(folders, inCorpus);
});

for (const folder of folders) {
  test(`real-world detection: ${folder}`, () => {
    const expected = readExpectation(folder);
    const dir = copyCorpusFolder(folder);
    try {
      const result = JSON.parse(JSON.stringify(detect(new DiskRepo(dir, '.'))));
      const cmp = compare(expected, result);
      addTally(total, cmp.tally);
      envNames.expected += cmp.envNames.expected;
      envNames.found += cmp.envNames.found;
      envNames.both += cmp.envNames.both;
      if (update) fs.writeFileSync(expectationFile(folder), JSON.stringify({ ...expected, knownGaps: cmp.gaps }, null, 2) + '\n');
      else assert.deepStrictEqual(cmp.gaps, expected.knownGaps, `${folder}: detection differs from the known gaps (a fixed gap must be removed from knownGaps, a new one is a regression)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

after(() => {
  console.log(formatAccuracy(total, envNames));
});
