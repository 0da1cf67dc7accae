// The extension-host suite (test/extension/suite) run inside the real VS Code server that code-server@4.100.3
// ships, opened by Debian's Chromium. Each in-host test becomes a subtest here; the run as a whole must exit 0.
// Skips when the server is not provisioned, unless PARITY_REQUIRE_VSCODE=1 (set by .ci/run).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { missingPrerequisite } from './harness/vscodeServer';
import { runExtensionSuite } from './harness/runSuite';
import { stageExtensionAndSuite } from './harness/stage';
import { RESULT_PREFIX, type Result } from './suite/framework';
import { PROJECT_ROOT } from '../helpers/paths';

const missing = missingPrerequisite();
const skip = missing && process.env.PARITY_REQUIRE_VSCODE !== '1' ? missing : false;

test('extension-host suite in the VS Code server (code-server 4.100.3) through Chromium', { skip, timeout: 900_000 }, async (t) => {
  assert.equal(missing, undefined, missing);
  const staged = await stageExtensionAndSuite(path.join(PROJECT_ROOT, 'test', 'extension', 'suite', 'index.ts'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-ws-'));
  try {
    fs.cpSync(path.join(PROJECT_ROOT, 'test', 'extension', 'fixtures', 'workspace'), workspace, { recursive: true });
    // In-host tests copy the other fixtures into the workspace when they need them (helpers.ts).
    process.env.PARITY_EXTENSION_FIXTURES = path.join(PROJECT_ROOT, 'test', 'extension', 'fixtures');
    const run = await runExtensionSuite({ workspace, extensionPath: staged.extensionPath, testsPath: staged.testsPath, timeoutMs: 780_000 });
    const results: Result[] = run.console
      .map((line) => line.indexOf(RESULT_PREFIX + ' '))
      .map((at, i) => (at < 0 ? undefined : JSON.parse(run.console[i].slice(at + RESULT_PREFIX.length + 1)) as Result))
      .filter((r): r is Result => r !== undefined);
    for (const r of results) {
      await t.test(r.name, { skip: r.skipped ?? false }, () => assert.ok(r.ok, r.error));
    }
    assert.ok(results.length > 0, `no in-host test reported a result:\n${run.console.join('\n')}`);
    assert.equal(run.code, 0, `VS Code exited ${run.code}:\n${run.console.filter((l) => !l.includes('Failed to load resource')).join('\n')}`);
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    staged.cleanup();
  }
});
