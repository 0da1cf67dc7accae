#!/usr/bin/env node
// Benchmark for issue 2 §4: `parity detect` on a generated 100k-file monorepo versus ripgrep listing the
// files that mention env/listen calls while skipping the same folders — the floor for a walk that reads
// sources. Prints the median wall times, their ratio, peak RSS and how many apps were found.
//
//   npm run bench:detect [-- --runs 5 --dir /tmp/parity-bench-detect --no-build --clean]
// The generated tree is reused by later runs (it takes a while to make) unless --clean removes it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { countFiles, generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(`--${name}`);
const runs = Number(opt('runs', '5'));
const dir = path.resolve(opt('dir', path.join(os.tmpdir(), 'parity-bench-detect')));
const TARGET = { ratio: 2.0, rssMb: 200, apps: 20 };

// The machine this was written on sets NODE_EXTRA_CA_CERTS, which costs every Node start ~65 ms; a
// user's machine would not have it.
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

if (!flag('no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: childEnv });

const marker = path.join(dir, '.bench-complete');
if (!fs.existsSync(marker)) {
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  generate(dir);
  fs.writeFileSync(marker, '');
  console.log(`generated ${countFiles(dir)} files in ${dir} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
} else {
  console.log(`reusing ${dir} (${countFiles(dir)} files)`);
}

/** Runs a command under /usr/bin/time -v (both sides pay the same wrapper); wall time and peak RSS. */
function measure(cmd, cmdArgs) {
  const timeFile = path.join(os.tmpdir(), `parity-bench-time-${process.pid}`);
  const t = performance.now();
  const res = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, cmd, ...cmdArgs], { env: childEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (res.status !== 0 && !(cmd === 'rg' && res.status === 1)) throw new Error(`${cmd} failed (${res.status}): ${res.stderr}`);
  const report = fs.readFileSync(timeFile, 'utf8');
  fs.rmSync(timeFile, { force: true });
  const field = (re) => Number(re.exec(report)?.[1] ?? NaN);
  const rssKb = field(/Maximum resident set size \(kbytes\): (\d+)/);
  const cpuMs = (field(/User time \(seconds\): ([\d.]+)/) + field(/System time \(seconds\): ([\d.]+)/)) * 1000;
  return { ms, cpuMs, rssMb: rssKb / 1024, stdout: res.stdout };
}

// Same folders skipped as the reader's fixed list (rg already skips hidden ones like .git and honours .gitignore).
const skipGlobs = ['node_modules', 'target', 'vendor', 'dist', 'build', 'out', '__pycache__', 'venv', 'coverage', 'obj'].flatMap((d) => ['--glob', `!${d}/`]);
const rgArgs = ['-l', ...skipGlobs, '-e', 'process.env|os.environ|getenv|listen\\(', dir];
const parityArgs = [path.join(ROOT, 'bin', 'parity.js'), 'detect', dir, '--json'];

const rg = [];
const parity = [];
let apps = -1;
let rgFiles = 0;
// warm the page cache once so neither side pays for cold disk reads
measure('rg', rgArgs);
for (let i = 0; i < runs; i++) {
  const r = measure('rg', rgArgs);
  rgFiles = r.stdout.split('\n').filter(Boolean).length;
  rg.push(r);
  const p = measure(process.execPath, parityArgs);
  apps = JSON.parse(p.stdout).apps.length;
  parity.push(p);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rgMs = median(rg.map((r) => r.ms));
const parityMs = median(parity.map((r) => r.ms));
const ratio = parityMs / rgMs;
const peakRss = Math.max(...parity.map((r) => r.rssMb));
const rgCpu = median(rg.map((r) => r.cpuMs));
const parityCpu = median(parity.map((r) => r.cpuMs));
const ok = ratio <= TARGET.ratio && peakRss <= TARGET.rssMb && apps === TARGET.apps;

console.log(`ripgrep          median ${rgMs.toFixed(0)} ms over ${runs} runs (${rgFiles} matching files)`);
console.log(`parity detect    median ${parityMs.toFixed(0)} ms over ${runs} runs`);
console.log(`ratio            ${ratio.toFixed(2)}  (target ≤ ${TARGET.ratio})`);
// CPU time (user + sys) is less sensitive to other load on the machine than wall time; rg uses every core.
console.log(`cpu time         rg ${rgCpu.toFixed(0)} ms, parity ${parityCpu.toFixed(0)} ms (ratio ${(parityCpu / rgCpu).toFixed(2)})`);
console.log(`peak RSS         ${peakRss.toFixed(0)} MB  (target ≤ ${TARGET.rssMb} MB)`);
console.log(`apps found       ${apps}  (expected ${TARGET.apps})`);
console.log(`runs (ms)        rg ${rg.map((r) => r.ms.toFixed(0)).join(' ')} | parity ${parity.map((r) => r.ms.toFixed(0)).join(' ')}`);
console.log(ok ? 'PASS' : 'MISS');
if (flag('clean')) fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
