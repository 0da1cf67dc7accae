#!/usr/bin/env node
// Benchmark for issue 5 (speed): static drift on the generated 100k-file monorepo (target ≤ 2 s) and
// image drift on a built image (target ≤ 3 s). Each figure is the median of --runs fresh CLI processes:
// wall time, and CPU time (user+sys), which stays meaningful on a shared, loaded machine.
//
//   node bench/drift/run.mjs [--runs 5] [--dir /tmp/parity-bench-drift] [--no-build] [--no-image]
//
// The monorepo comes from bench/detect/generate.mjs; this script adds a Dockerfile, Kubernetes manifests
// and parity.yaml to each app so the drift rules have real work, and a couple of compiled native addons
// in node_modules when gcc is present.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generate, countFiles } from '../detect/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(`--${name}`);
const runs = Number(opt('runs', '5'));
const dir = path.resolve(opt('dir', path.join(os.tmpdir(), 'parity-bench-drift')));
const TARGET = { staticS: 2, imageS: 3 };
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS; // costs every Node start ~65 ms here; a user's machine would not have it

if (!flag('no-build')) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env });

if (!fs.existsSync(path.join(dir, 'parity.yaml'))) {
  console.log(`generating the monorepo in ${dir} …`);
  fs.rmSync(dir, { recursive: true, force: true });
  generate(dir);
  overlay(dir);
}
console.log(`monorepo: ${countFiles(dir)} files in ${dir}`);

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function overlay(root) {
  write(path.join(root, 'parity.yaml'), 'targets:\n  prod:\n    os: rhel9\n    arch: amd64\n    runtime: kubernetes\n');
  const bases = { node: 'node:20-bookworm-slim', py: 'python:3.12-slim-bookworm', go: 'golang:1.22-bookworm', java: 'eclipse-temurin:21-jre', rb: 'ruby:3.3-slim', php: 'php:8.3-apache', rs: 'debian:bookworm-slim', dotnet: 'mcr.microsoft.com/dotnet/aspnet:8.0' };
  for (const app of fs.readdirSync(path.join(root, 'apps'))) {
    const base = bases[app.split('-')[0]] ?? 'debian:bookworm-slim';
    const d = path.join(root, 'apps', app);
    write(path.join(d, 'Dockerfile'), `FROM ${base}\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nUSER 10001\nCMD ["./start"]\n`);
    write(path.join(d, '.dockerignore'), 'node_modules\n.git\n');
    write(path.join(d, 'k8s/deployment.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: ${app}\n          image: registry.example.com/${app}:1.0.0\n          ports:\n            - containerPort: 8080\n          env:\n            - name: DATABASE_URL\n              value: postgres://db\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
  }
  try {
    for (const pkg of ['bcrypt', 'better-sqlite3']) {
      const out = path.join(root, 'node_modules', pkg, 'build', 'Release', `${pkg}.node`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      write(path.join(root, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, gypfile: true }));
      write(out + '.c', '#include <stdio.h>\nint f(char*b,int v){return sprintf(b,"%d",v);}\n');
      execFileSync('gcc', ['-shared', '-fPIC', out + '.c', '-o', out]);
      fs.rmSync(out + '.c');
    }
  } catch { console.log('(gcc not available: no native addons in the monorepo)'); }
}

function timeRun(cliArgs) {
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'parity.js'), ...cliArgs], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`parity ${cliArgs.join(' ')} exited ${r.status}: ${r.stderr}`);
    const usage = process.resourceUsage ? childCpu(r) : 0;
    samples.push({ wall, cpu: usage });
    last = r;
  }
  const med = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const findings = (() => { try { return JSON.parse(last.stdout).findings.length; } catch { return '?'; } })();
  return { wall: med(samples.map((s) => s.wall)), cpu: med(samples.map((s) => s.cpu)), findings };
}

// CPU seconds of the last child, from /proc accounting of this process's reaped children.
let prevChildCpu = 0;
function childCpu() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[13]) + Number(stat[14]); // cutime + cstime (fields 16, 17)
  const secs = ticks / 100;
  const delta = secs - prevChildCpu;
  prevChildCpu = secs;
  return delta;
}
childCpu();

function report(label, r, target) {
  const ok = r.wall <= target ? 'within' : 'OVER';
  console.log(`${label.padEnd(34)} wall ${r.wall.toFixed(2)} s (${ok} ${target} s) · cpu ${r.cpu.toFixed(2)} s · ${r.findings} findings`);
}

report('static: parity check (no probes)', timeRun(['check', dir, '--json']), TARGET.staticS);
report('static: parity drift (+ host probe)', timeRun(['drift', dir, '--json']), TARGET.staticS);

if (!flag('no-image')) {
  const image = await buildBenchImage();
  if (image) {
    // The figure: image drift of one app against its built image; the monorepo run adds static drift over 98k files.
    report(`image: one app, --image ${image.label}`, timeRun(['drift', path.join(ROOT, 'examples', 'node-redis'), '--json', '--image', image.ref]), TARGET.imageS);
    report(`image: monorepo, --image ${image.label}`, timeRun(['drift', dir, '--json', '--image', image.ref]), TARGET.imageS);
  }
  if (image) await image.remove();
}

async function buildBenchImage() {
  let Docker, tar;
  try {
    Docker = (await import('dockerode')).default;
    tar = await import('tar-stream');
  } catch { console.log('image drift skipped: dockerode not installed'); return undefined; }
  const docker = new Docker();
  try { await docker.ping(); } catch { console.log('image drift skipped: no Docker engine'); return undefined; }
  const base = (await docker.getImage('node:20-bookworm-slim').inspect().then(() => true, () => false)) ? 'node:20-bookworm-slim' : undefined;
  const pack = tar.pack();
  const ref = `parity-bench-drift:${process.pid}`;
  if (base) {
    pack.entry({ name: 'Dockerfile' }, `FROM ${base}\nWORKDIR /app\nCOPY server.js .\nUSER 1000\nEXPOSE 8080\nCMD ["node", "server.js"]\n`);
    pack.entry({ name: 'server.js' }, "require('http').createServer((q, s) => s.end('ok')).listen(8080);\n");
  } else {
    pack.entry({ name: 'Dockerfile' }, 'FROM scratch\nCOPY ld-musl-x86_64.so.1 /lib/\nUSER 1000\nCMD ["/lib/ld-musl-x86_64.so.1"]\n');
    pack.entry({ name: 'ld-musl-x86_64.so.1', mode: 0o755 }, fs.readFileSync('/usr/lib/x86_64-linux-musl/libc.so'));
  }
  pack.finalize();
  const stream = await docker.buildImage(pack, { t: ref, rm: true, forcerm: true });
  await new Promise((resolve, reject) => docker.modem.followProgress(stream, (err) => (err ? reject(err) : resolve())));
  const info = await docker.getImage(ref).inspect();
  return { ref, label: `${base ?? 'scratch+musl'} (${Math.round(info.Size / 1e6)} MB)`, remove: () => docker.getImage(ref).remove({ force: true }).catch(() => undefined) };
}
