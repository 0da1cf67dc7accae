// The quick fixes are real: applying a finding's edits to the scenario and running drift again makes
// that finding go away (what the editor's quick fix will do).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from '../../../src/core/model';
import { runDrift, ofRule } from './harness';
import { SCENARIOS } from './scenarios';

/** Applies edits bottom-up per file: `insert` puts newText before `line`, otherwise it replaces the line. */
export function applyEdits(dir: string, edits: TextEdit[]): void {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const abs = path.join(dir, file);
    const text = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '';
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    for (const e of [...list].sort((a, b) => b.line - a.line)) {
      if (e.insert) lines.splice(e.line - 1, 0, ...e.newText.replace(/\n$/, '').split('\n'));
      else lines[e.line - 1] = e.newText;
    }
    fs.writeFileSync(abs, lines.join('\n') + '\n');
  }
}

const CASES: [string, string][] = [
  ['runtime-nvmrc-18-node-20', 'RUNTIME_VERSION'],
  ['floating-tag', 'FLOATING_TAG'],
  ['pkg-apt-on-alpine', 'PKG_MANAGER'],
  ['case-import', 'CASE'],
  ['tz-go-alpine', 'TZ_LOCALE'],
  ['env-missing', 'ENV_MISSING'],
  ['port-mismatch', 'PORT_MISMATCH'],
  ['root-user-nonroot', 'ROOT_USER'],
  ['host-artifact-copied', 'HOST_ARTIFACT_COPIED'],
  ['syslib-missing-libpq', 'SYSLIB_MISSING'],
];

for (const [scenario, id] of CASES) {
  test(`${id}: applying the quick-fix edits on ${scenario} clears the finding`, () => {
    const first = runDrift(SCENARIOS[scenario]());
    const hits = ofRule(first.findings, id).filter((f) => f.fix.edits?.length);
    assert.ok(hits.length > 0, `${id} offers edits on ${scenario}`);
    applyEdits(first.dir, hits.flatMap((f) => f.fix.edits!));
    const fixed = new Set(hits.map((f) => f.title));
    const again = ofRule(runDrift(first.dir).findings, id).filter((f) => f.severity !== 'info');
    // Findings that had edits are gone, and no new finding of the rule appeared (findings without an edit may stay).
    assert.deepEqual(again.filter((f) => fixed.has(f.title) || f.fix.edits?.length).map((f) => f.title), []);
  });
}
