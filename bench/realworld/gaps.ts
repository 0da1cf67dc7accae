// Prints each corpus folder's static generation gaps (see test/realworld/gaps.ts) and the total.
// `--record` writes them as the folders' knownGaps (after a fix, to update the honest figure).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPECTATIONS, expectationFolders, folderGaps, readExpectation } from '../../test/realworld/gaps';

async function main(): Promise<void> {
  const record = process.argv.includes('--record');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  let total = 0;
  let clean = 0;
  for (const folder of expectationFolders().filter((f) => only.length === 0 || only.includes(f))) {
    const gaps = await folderGaps(folder);
    total += gaps.length;
    if (gaps.length === 0) clean++;
    console.log(`${folder}: ${gaps.length} gap(s)`);
    for (const g of gaps) console.log(`  - ${g}`);
    if (record) {
      const exp = readExpectation(folder);
      fs.writeFileSync(path.join(EXPECTATIONS, `${folder}.gen.json`), JSON.stringify({ ...exp, knownGaps: gaps }, null, 2) + '\n');
    }
  }
  console.log(`static: ${total} gap(s); ${clean} folder(s) with none`);
}

main().catch((err) => { console.error(err); process.exit(1); });
