// The repo reader on real folders: ignore rules, skipped folders, limits, and hostile trees
// (symlink loops, links out of the tree, unreadable folders, FIFOs, binary files, non-UTF-8 names).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { DiskRepo, MAX_DEPTH, MemoryRepo, isBinary, isSafeRel, lastSegmentFilters } from '../../src/core/repo';
import { PROJECT_ROOT } from '../helpers/paths';

const made: string[] = [];
after(() => {
  // `rm -rf` copes with paths longer than PATH_MAX, which fs.rmSync does not.
  for (const d of made) execFileSync('rm', ['-rf', d]);
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-repo-'));
  made.push(d);
  return d;
}

function write(root: string, rel: string, content: string | Buffer = ''): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), content);
}

test('nested .gitignore files apply below their folder, deepest first, and can re-include', () => {
  const root = tmp();
  write(root, '.gitignore', '*.log\nsecret/\n');
  write(root, 'app.log');
  write(root, 'secret/key.txt');
  write(root, 'src/index.js');
  write(root, 'src/.gitignore', 'generated.js\n!keep.log\n');
  write(root, 'src/generated.js');
  write(root, 'src/keep.log');
  write(root, 'src/drop.log');
  write(root, 'other/generated.js');
  assert.deepEqual(new DiskRepo(root).files(), ['.gitignore', 'other/generated.js', 'src/.gitignore', 'src/index.js', 'src/keep.log']);
});

test('dependency, VCS, virtualenv and build folders are never entered, whatever .gitignore says', () => {
  const root = tmp();
  write(root, '.gitignore', '!node_modules\n');
  for (const d of ['node_modules/x/package.json', '.git/HEAD', '.venv/bin/python', 'target/app.jar', 'vendor/autoload.php', 'dist/main.js', 'build/out.js', '__pycache__/a.pyc']) write(root, d, 'x');
  write(root, 'myenv/pyvenv.cfg', 'home = /usr/bin');
  write(root, 'myenv/lib/site.py', 'x');
  write(root, 'main.py', 'print(1)');
  assert.deepEqual(new DiskRepo(root).files(), ['.gitignore', 'main.py']);
});

test('files over the size cap are not read; the warning is given once however often it is read', () => {
  const root = tmp();
  write(root, 'big.json', 'x'.repeat(500));
  write(root, 'small.json', '{}');
  const repo = new DiskRepo(root, '.', { maxFileBytes: 100, maxFiles: 1000 });
  assert.equal(repo.readText('big.json'), undefined);
  assert.equal(repo.readText('big.json'), undefined);
  assert.equal(repo.readText('small.json'), '{}');
  assert.deepEqual(repo.warnings, [{ file: 'big.json', message: 'skipped: 500 bytes is over the 100-byte limit' }]);
});

test('the file count cap stops the listing with a warning', () => {
  const root = tmp();
  for (let i = 0; i < 20; i++) write(root, `d${i % 3}/f${i}.txt`);
  const repo = new DiskRepo(root, '.', { maxFileBytes: 1000, maxFiles: 5 });
  assert.equal(repo.files().length, 5);
  assert.ok(repo.warnings.some((w) => w.message === 'listing stopped at 5 files'));
});

test('symlink loops (a folder linking to its parent, a link to itself) do not hang or repeat files', () => {
  const root = tmp();
  write(root, 'a/x.js', 'x');
  fs.symlinkSync('..', path.join(root, 'a', 'up'));
  fs.symlinkSync('self', path.join(root, 'self'));
  fs.symlinkSync('x.js', path.join(root, 'a', 'x-link.js'));
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['a/x-link.js', 'a/x.js']);
  assert.equal(repo.readText('a/x-link.js'), 'x');
  assert.equal(repo.readText('self'), undefined);
});

test('links that lead out of the scanned folder are neither listed nor read', () => {
  const outside = tmp();
  write(outside, 'secret.txt', 'TOP SECRET');
  const root = tmp();
  write(root, 'index.js', '');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'secret.txt'));
  fs.symlinkSync(outside, path.join(root, 'outdir'));
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['index.js']);
  assert.equal(repo.readText('secret.txt'), undefined);
  assert.equal(repo.readText('outdir/secret.txt'), undefined);
  assert.equal(repo.readText(`../${path.basename(outside)}/secret.txt`), undefined);
  assert.ok(repo.warnings.some((w) => w.file === 'secret.txt' && w.message.includes('outside')));
});

test('paths that climb out of the root or are absolute are refused', () => {
  assert.ok(isSafeRel('a/b.txt') && isSafeRel('.env.example'));
  for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a\\b', 'C:/x']) assert.ok(!isSafeRel(bad), bad);
  assert.equal(new MemoryRepo({ 'a.txt': 'x' }).readText('../a.txt'), undefined);
});

test('a folder whose path exceeds PATH_MAX cannot be read: a warning, and the walk goes on', () => {
  const root = tmp();
  write(root, 'ok.js', '');
  // 17 folders of 250 characters: each mkdir is relative, so creation works, but the full path is over 4096 bytes.
  const seg = 'd'.repeat(250);
  const script = 'for (let i = 0; i < 17; i++) { fs.mkdirSync(process.argv[1]); process.chdir(process.argv[1]); } fs.writeFileSync("deep.js", "")';
  execFileSync(process.execPath, ['-e', script, seg], { cwd: root });
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['ok.js']);
  assert.ok(repo.warnings.some((w) => w.message === 'unreadable folder: ENAMETOOLONG'), JSON.stringify(repo.warnings.map((w) => w.message)));
});

test('a folder without read permission (EACCES, run as an unprivileged user) gives a warning, not a crash', (t) => {
  const root = tmp();
  fs.chmodSync(root, 0o755);
  write(root, 'ok.js', '');
  write(root, 'locked/inner.js', '');
  fs.chmodSync(path.join(root, 'locked'), 0o000);
  const script = `const { DiskRepo } = require(${JSON.stringify(path.join(PROJECT_ROOT, 'src/core/repo.ts'))});
    const r = new DiskRepo(process.argv[1]); console.log(JSON.stringify({ files: r.files(), warnings: r.warnings }));`;
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'package.json'))})`], { uid: 65534, gid: 65534 });
    if (probe.status !== 0) {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
      return t.skip('the checkout is not readable by uid 65534, so no unprivileged reader can run');
    }
  }
  // Root reads anything, so the reader runs in a child as `nobody` (uid 65534) to meet a real EACCES.
  const res = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, root], {
    cwd: PROJECT_ROOT, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(PROJECT_ROOT, 'tsconfig.json'), HOME: os.tmpdir() },
  });
  fs.chmodSync(path.join(root, 'locked'), 0o755);
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout);
  assert.deepEqual(out.files, ['ok.js']);
  assert.deepEqual(out.warnings, [{ file: 'locked', message: 'unreadable folder: EACCES' }]);
});

test('a folder deleted while being walked is a warning (simulated: fs.readdirSync is wrapped to delete it mid-walk)', () => {
  const root = tmp();
  write(root, 'gone/a.js', '');
  write(root, 'b.js', '');
  const repo = new DiskRepo(root);
  // A racing `git checkout` removes a folder between listing its parent and reading it.
  const mutableFs = createRequire(__filename)('node:fs') as { readdirSync: (...a: unknown[]) => unknown };
  const realReaddir = mutableFs.readdirSync;
  let calls = 0;
  mutableFs.readdirSync = (...args: unknown[]) => {
    const result = realReaddir(...args);
    if (calls++ === 0) fs.rmSync(path.join(root, 'gone'), { recursive: true });
    return result;
  };
  try {
    assert.deepEqual(repo.files(), ['b.js']);
  } finally {
    mutableFs.readdirSync = realReaddir;
  }
  assert.deepEqual(repo.warnings, [{ file: 'gone', message: 'unreadable folder: ENOENT' }]);
});

test('binary files are listed but never returned as text; reading one as text warns', () => {
  const root = tmp();
  write(root, 'package.json', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff]));
  write(root, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['logo.png', 'package.json']);
  assert.equal(repo.readText('package.json'), undefined);
  assert.deepEqual(repo.warnings, [{ file: 'package.json', message: 'skipped: binary content' }]);
  assert.ok(isBinary(Buffer.from('a\0b')) && !isBinary(Buffer.from('plain text')));
});

test('file names that are not valid UTF-8 are skipped with a warning; the rest is listed', () => {
  const root = tmp();
  write(root, 'ok.js', '');
  const bad = Buffer.concat([Buffer.from(root + '/'), Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x6a, 0x73])]);
  fs.writeFileSync(bad, 'x');
  fs.mkdirSync(Buffer.concat([Buffer.from(root + '/'), Buffer.from([0xc3, 0x28])]));
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['ok.js']);
  assert.equal(repo.warnings.filter((w) => w.message === 'skipped: file name is not valid UTF-8').length, 2);
});

test('a FIFO named like a project file is neither listed nor read (no hang)', () => {
  const root = tmp();
  execFileSync('mkfifo', [path.join(root, 'package.json')]);
  write(root, 'index.js', '');
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['index.js']);
  assert.equal(repo.readText('package.json'), undefined);
});

test(`folders nested deeper than ${MAX_DEPTH} levels are not entered`, () => {
  const root = tmp();
  const deep = Array.from({ length: MAX_DEPTH + 3 }, (_, i) => `l${i}`).join('/');
  write(root, `${deep}/deep.js`);
  write(root, 'top.js');
  const repo = new DiskRepo(root);
  assert.deepEqual(repo.files(), ['top.js']);
  assert.ok(repo.warnings.some((w) => w.message.includes(`deeper than ${MAX_DEPTH}`)));
});

test('a missing root is a warning and an empty listing', () => {
  const repo = new DiskRepo(path.join(tmp(), 'nope'));
  assert.deepEqual(repo.files(), []);
  assert.deepEqual(repo.warnings, [{ file: '.', message: 'unreadable folder: ENOENT' }]);
});

test('MemoryRepo follows the same rules: skipped folders, virtualenvs, nested .gitignore with re-include', () => {
  const repo = new MemoryRepo({
    '.gitignore': '*.log',
    'a.log': '',
    'sub/.gitignore': '!keep.log',
    'sub/keep.log': '',
    'node_modules/x/index.js': '',
    'env1/pyvenv.cfg': '',
    'env1/lib/x.py': '',
    'app.py': '',
  });
  assert.deepEqual(repo.files(), ['.gitignore', 'app.py', 'sub/.gitignore', 'sub/keep.log']);
});

test('the basename prefilter never rules out a name some .gitignore rule could match', () => {
  const { file, dir } = lastSegmentFilters('# comment\n*.log\n/build/\ndocs/**/*.md\n!keep.txt\n\\#hash\nfoo?[0-9].js\nweird[\n' + 'a*'.repeat(10) + '\n');
  for (const name of ['x.log', 'keep.txt', 'a.md', '#hash', 'foo1[0-9].js'.replace('[0-9]', '7'), 'fooz3.js', 'anything-because-of-the-unclosed-bracket']) {
    assert.ok(file.test(name), name);
  }
  assert.ok(dir.test('build'));
  const plain = lastSegmentFilters('node_modules/\n*.log\n.env\n');
  assert.ok(!plain.file.test('index.js') && !plain.file.test('node_modules') && plain.file.test('.env') && plain.file.test('a.log'));
  assert.ok(plain.dir.test('node_modules') && !plain.dir.test('src'));
});
