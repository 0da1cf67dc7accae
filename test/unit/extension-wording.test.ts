// What an editor user reads when a CLI run fails: the real error line, in settings and commands rather
// than CLI flags (src/extension/wording.ts; the notification itself is covered in the extension host).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { editorWording, failureLine } from '../../src/extension/wording';

test('failureLine takes the failed build step and the engine\'s reason, not the build log tail after it', () => {
  const stderr = [
    'parity up: build failed at step 7/12: RUN npm ci --omit=dev',
    "  The command '/bin/sh -c npm ci --omit=dev' returned a non-zero code: 1",
    '  last output:',
    '    npm ERR! Usage: npm ci',
    '    npm ERR! Install a project with a clean slate',
  ].join('\n');
  assert.equal(failureLine(stderr), "build failed at step 7/12: RUN npm ci --omit=dev: The command '/bin/sh -c npm ci --omit=dev' returned a non-zero code: 1");
});

test('failureLine takes the CLI error line before a usage text', () => {
  assert.equal(failureLine('parity up: no app at \'x\'\n\nparity up [dir] [--app PATH]\n'), "no app at 'x'");
  assert.equal(failureLine('something odd\nlast words\n'), 'last words');
  assert.equal(failureLine(''), undefined);
});

test('editorWording names the setting and the editor commands instead of CLI flags', () => {
  const engine = 'Docker engine not running: nothing answers at unix:///var/run/docker.sock (default)\n  Start it, or point --docker-host / DOCKER_HOST at a running engine.';
  assert.match(editorWording(engine), /point the parity\.dockerHost setting at a running engine/);
  assert.doesNotMatch(editorWording(engine), /--/);
  assert.equal(editorWording('you edited it since Parity generated it: pass --force to replace it'), 'you edited it since Parity generated it: apply it on its own and confirm');
  assert.equal(editorWording('stop it with: parity down'), 'stop it with: Stop and Remove Containers');
});
