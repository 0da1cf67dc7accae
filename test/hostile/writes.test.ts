// Classes 1 and 2: writes outside the workspace, and half-written or broken writes.
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hostile, nodeApp, type Workspace } from './harness';
import { DiskTarget } from '../../src/core/write';

const OUTSIDE_TEXT = 'OUTSIDE-ORIGINAL-CONTENT-7f3a';

// ---- class 1: a link in the workspace pointing outside it is never written through ----
const linked: [string, string, Record<string, string>][] = [
  ['deploy folder', 'deploy', { 'keep.txt': OUTSIDE_TEXT }],
  ['deploy/k8s folder', 'deploy/k8s', { 'keep.txt': OUTSIDE_TEXT }],
  ['Dockerfile', 'Dockerfile', {}],
  ['compose.yaml', 'compose.yaml', {}],
  ['.dockerignore', '.dockerignore', {}],
  ['deploy/k8s/deployment.yaml', 'deploy/k8s/deployment.yaml', {}],
];
for (const [what, rel, dirFiles] of linked) {
  const isDir = Object.keys(dirFiles).length > 0;
  const outsideFiles = isDir ? Object.fromEntries(Object.entries(dirFiles).map(([k, v]) => [`target/${k}`, v])) : { target: OUTSIDE_TEXT };
  for (const mode of ['--write', '--force', '--diff', '--json']) {
    hostile({
      name: `class 1: ${what} is a symlink outside the workspace: generate ${mode} refuses (exit 2) and writes nothing`,
      files: nodeApp({}, { [rel]: { symlink: '@outside/target' } }),
      outsideFiles,
      args: ['generate', '.', mode],
      exit: 2,
      says: /symbolic link/,
      secrets: [OUTSIDE_TEXT],
      unchanged: true,
    });
  }
}

hostile({
  name: 'class 1: a symlinked folder that stays inside the workspace is written through (exit 0)',
  files: nodeApp({}, { 'real-deploy/.keep': '', deploy: { symlink: 'real-deploy' } }),
  args: ['generate', '.', '--write'],
  exit: 0,
  check: (w) => assert.ok(fs.existsSync(path.join(w.ws, 'real-deploy', 'k8s', 'deployment.yaml'))),
});
hostile({
  name: 'class 1: a dangling Dockerfile symlink is refused (exit 2), never created through',
  files: nodeApp({}, { Dockerfile: { symlink: '@outside/missing/Dockerfile' } }),
  args: ['generate', '.', '--force'],
  exit: 2,
  says: /symbolic link/,
  check: (w) => assert.ok(!fs.existsSync(path.join(w.outside, 'missing'))),
});
hostile({
  name: 'class 1: a Dockerfile symlink to /etc/passwd is not read into the diff',
  files: nodeApp({}, { Dockerfile: { symlink: '/etc/passwd' } }),
  args: ['generate', '.'],
  exit: 2,
  never: /root:x:0:0/,
});
hostile({
  name: 'class 1: --out pointing at a file is an error (exit 2), not a crash',
  files: nodeApp({}, { 'out.txt': 'a file' }),
  args: ['generate', '.', '--write', '--out', 'out.txt'],
  exit: 2,
  says: /out\.txt is a file, not a folder/,
  unchanged: true,
});
hostile({
  name: 'class 1: --out under a file is an error (exit 2)',
  files: nodeApp({}, { 'out.txt': 'a file' }),
  args: ['generate', '.', '--write', '--out', 'out.txt/deeper'],
  exit: 2,
  says: /not a folder/,
  unchanged: true,
});
hostile({
  name: 'class 1: --out into a new folder inside the workspace works',
  files: nodeApp(),
  args: ['generate', '.', '--write', '--out', 'gen/out'],
  exit: 0,
  check: (w) => assert.ok(fs.existsSync(path.join(w.ws, 'gen', 'out', 'Dockerfile'))),
});
for (const dir of ['../../outside/k8s', '/tmp/parity-hostile-abs-k8s']) {
  hostile({
    name: `class 1: --k8s-dir ${dir} leaving the workspace is refused (exit 2)`,
    files: nodeApp(),
    args: ['generate', '.', '--write', '--k8s-dir', dir],
    exit: [1, 2],
    says: /relative path inside the app|outside/,
    unchanged: true,
    check: () => assert.ok(!fs.existsSync('/tmp/parity-hostile-abs-k8s')),
  });
}

// ---- class 1: hook install ----
const gitRepo = (extra: Record<string, ReturnType<typeof Object>> = {}) => ({ ...nodeApp(), '.git/HEAD': 'ref: refs/heads/main\n', '.git/config': '[core]\n', ...extra });
hostile({
  name: 'class 1: hook install through a symlinked .git/hooks pointing outside is refused (exit 2)',
  files: { ...gitRepo(), '.git/hooks': { symlink: '@outside/hooks' } },
  outsideFiles: { 'hooks/.keep': '' },
  args: ['hook', 'install', '.'],
  exit: 2,
  says: /symbolic link/,
  unchanged: true,
});
hostile({
  name: 'class 1: hook install through a symlinked .git folder pointing outside is refused (exit 2)',
  files: { ...nodeApp(), '.git': { symlink: '@outside/realgit' } },
  outsideFiles: { 'realgit/HEAD': 'ref: refs/heads/main\n', 'realgit/hooks/.keep': '' },
  args: ['hook', 'install', '.', '--force'],
  exit: 2,
  says: /symbolic link/,
  unchanged: true,
});
hostile({
  name: 'class 1: hook install with a .git file (worktree gitdir) pointing outside is refused (exit 2)',
  files: { ...nodeApp(), '.git': 'gitdir: ../outside/gitdir\n' },
  outsideFiles: { 'gitdir/HEAD': 'ref: refs/heads/main\n', 'gitdir/commondir': '.\n', 'gitdir/hooks/.keep': '' },
  args: ['hook', 'install', '.'],
  exit: 2,
  says: /worktree or submodule/,
  unchanged: true,
});
hostile({
  name: 'class 1: hook install with a .git file pointing at an absolute gitdir is refused (exit 2)',
  files: { ...nodeApp(), '.git': 'gitdir: /tmp\n' },
  args: ['hook', 'install', '.'],
  exit: 2,
  says: /worktree or submodule/,
  unchanged: true,
});
hostile({
  name: 'class 1: hook install in a subfolder never writes into the parent repository (exit 2)',
  setup: (w: Workspace) => { cp.execFileSync('git', ['init', '-q', w.parent]); },
  files: nodeApp(),
  args: ['hook', 'install', '.'],
  exit: 2,
  says: /inside the git repository at/,
  check: (w) => assert.ok(!fs.existsSync(path.join(w.parent, '.git', 'hooks', 'pre-commit'))),
});
hostile({
  name: 'class 1: hook install where pre-commit is a symlink outside is refused even with --force (exit 2)',
  files: { ...gitRepo(), '.git/hooks/pre-commit': { symlink: '@outside/victim' } },
  outsideFiles: { victim: OUTSIDE_TEXT },
  args: ['hook', 'install', '.', '--force'],
  exit: 2,
  says: /symbolic link/,
  secrets: [OUTSIDE_TEXT],
  unchanged: true,
});
hostile({
  name: 'class 1: hook uninstall where pre-commit is a symlink outside is refused (exit 2)',
  files: { ...gitRepo(), '.git/hooks/pre-commit': { symlink: '@outside/victim' } },
  outsideFiles: { victim: '# parity pre-commit hook\n' },
  args: ['hook', 'uninstall', '.'],
  exit: 2,
  unchanged: true,
});
hostile({
  name: 'class 6: hook install where pre-commit is a FIFO neither hangs nor writes (exit 2)',
  files: { ...gitRepo(), '.git/hooks/pre-commit': { fifo: true } },
  args: ['hook', 'install', '.', '--force'],
  exit: 2,
  says: /not a regular file/,
  timeoutMs: 8000,
});
hostile({
  name: 'class 1: hook install in a plain repository writes an executable hook (exit 0)',
  files: gitRepo(),
  args: ['hook', 'install', '.'],
  exit: 0,
  check: (w) => assert.equal(fs.statSync(path.join(w.ws, '.git', 'hooks', 'pre-commit')).mode & 0o777, 0o755),
});
hostile({
  name: 'class 2: hook install where pre-commit is a folder is a message (exit 1)',
  files: { ...gitRepo(), '.git/hooks/pre-commit/x': '' },
  args: ['hook', 'install', '.', '--force'],
  exit: 1,
  says: /pre-commit is a folder/,
  unchanged: true,
});

// ---- class 2: nothing of a set is written when one file cannot be ----
const blockers: [string, Record<string, ReturnType<typeof Object>>, RegExp][] = [
  ['Dockerfile exists as a folder', { 'Dockerfile/x': '' }, /Dockerfile is a folder/],
  ['compose.yaml exists as a folder', { 'compose.yaml/x': '' }, /compose\.yaml is a folder/],
  ['deploy/k8s/service.yaml exists as a folder', { 'deploy/k8s/service.yaml/x': '' }, /service\.yaml is a folder/],
  ['deploy is a file', { deploy: 'a file' }, /deploy is a file where Parity needs a folder/],
  ['deploy/k8s is a file', { 'deploy/k8s': 'a file' }, /deploy\/k8s is a file where Parity needs a folder/],
  ['Dockerfile is a FIFO', { Dockerfile: { fifo: true } }, /not a regular file/],
];
for (const [what, extra, says] of blockers) {
  for (const mode of ['--write', '--force']) {
    hostile({
      name: `class 2: ${what}: generate ${mode} names the file and writes nothing`,
      files: nodeApp({}, extra),
      args: ['generate', '.', mode],
      exit: [1, 2],
      says,
      unchanged: true,
      timeoutMs: 8000,
    });
  }
}

function mountTmpfs(w: Workspace, sizeKb: number): void {
  cp.execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', w.ws]);
  for (const [rel, content] of Object.entries(nodeApp())) fs.writeFileSync(path.join(w.ws, rel), content as string);
}
const umount = (w: Workspace) => { cp.execFileSync('umount', ['-l', w.ws]); };

hostile({
  name: 'class 2: read-only file system (EROFS): a message naming the file, nothing written',
  root: true,
  setup: (w) => { mountTmpfs(w, 512); cp.execFileSync('mount', ['-o', 'remount,ro', w.ws]); },
  args: ['generate', '.', '--write'],
  exit: 1,
  says: /read-only \(EROFS/,
  unchanged: true,
  teardown: umount,
});
hostile({
  name: 'class 2: full disk (ENOSPC) before the first file: a message, nothing written, no temp files',
  root: true,
  setup: (w) => { mountTmpfs(w, 64); try { fs.writeFileSync(path.join(w.ws, 'filler'), Buffer.alloc(60 * 1024)); } catch { /* full */ } },
  args: ['generate', '.', '--force'],
  exit: 1,
  says: /no space left on the device \(ENOSPC/,
  unchanged: true,
  teardown: umount,
});
hostile({
  name: 'class 2: disk fills in the middle of the set (ENOSPC): nothing of it is written',
  root: true,
  setup: (w) => { mountTmpfs(w, 48); fs.writeFileSync(path.join(w.ws, 'filler'), Buffer.alloc(36 * 1024)); },
  args: ['generate', '.', '--force', '--ingress', '--hpa', '--pdb'],
  exit: 1,
  says: /ENOSPC/,
  unchanged: true,
  teardown: umount,
});

test('class 2: a rename failing in the middle of a set puts back every file it replaced', () => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'parity-hostile-rename-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'old a');
  const target = new DiskTarget(dir, { beforeEachRename: (i) => { if (i === 2) throw Object.assign(new Error('simulated'), { code: 'EIO' }); } });
  assert.throws(() => target.writeAll([{ path: 'a.txt', content: 'new a' }, { path: 'sub/b.txt', content: 'b' }, { path: 'c.txt', content: 'c' }]), /input\/output error/);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt']);
  assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), 'old a');
  fs.rmSync(dir, { recursive: true, force: true });
});
