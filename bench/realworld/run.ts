// bench/realworld (a benchmark, not a test): every Node app of the real-world corpus through
// `parity generate --write --force` + `parity up` on the real engine, as a new user would, then the HTTP
// check written in test/realworld/<folder>.gen.json (workers: still running after N s).
// Prints `built N/M, answered K/M` with each failure's cause as `up` diagnosed it.
//   node --import tsx bench/realworld/run.ts [folder…] [--timeout S]
// --force: the corpus apps that ship their own Dockerfile are measured with Parity's, which is the point.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, expectationFolders, readExpectation, type AppExpectation } from '../../test/realworld/gaps';
import { PROJECT_ROOT } from '../../test/helpers/paths';

const CLI = path.join(PROJECT_ROOT, 'bin', 'parity.js');

interface Outcome { folder: string; app: string; built: boolean; answered: boolean; skipped?: string; cause: string; seconds: number }

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 15_000, agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.on('error', () => resolve(0));
  });
}

function parity(args: string[], cwd: string, timeoutS: number) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** The diagnosis `up` printed (a finding line), else the failing step and the last lines. */
function causeOf(out: string): string {
  const finding = out.split('\n').find((l) => /^\s*(error|warning)\s+[A-Z_]+\s/.test(l));
  if (finding) return finding.trim();
  const lines = out.trim().split('\n').filter((l) => l.trim());
  const step = [...lines].reverse().find((l) => /^\s*Step \d+\/\d+ :/.test(l));
  const tail = lines.slice(-3).map((l) => l.trim().slice(0, 200)).join(' | ');
  return `${step ? `${step.trim().slice(0, 120)} → ` : ''}${tail}`;
}

async function runApp(folder: string, app: AppExpectation, timeoutS: number): Promise<Outcome> {
  const started = Date.now();
  const done = (o: Omit<Outcome, 'folder' | 'app' | 'seconds'>): Outcome => ({ folder, app: app.path, seconds: Math.round((Date.now() - started) / 1000), ...o });
  const project = `rw-${folder.split('__')[1].toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 20)}-${process.pid.toString(36)}`;
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-rw-')), project);
  fs.cpSync(path.join(CORPUS, folder), dir, { recursive: true });
  try {
    const gen = parity(['generate', '--write', '--force'], dir, 120);
    if (gen.code !== 0) return done({ built: false, answered: false, cause: `generate: ${causeOf(gen.out)}` });
    const upArgs = ['up', '--timeout', String(Math.min(timeoutS, 180)), ...(app.path !== '.' ? ['--app', app.path] : [])];
    let upRun = parity(upArgs, dir, timeoutS + 600);
    // A user follows up's fix for required Secret keys: put a value in the app's .env and run again.
    for (let i = 0; i < 20 && /SECRET_KEY_MISSING/.test(upRun.out); i++) {
      const keys = [...upRun.out.matchAll(/SECRET_KEY_MISSING: (\w+) has no value/g)].map((m) => m[1]);
      const envFile = /Add \w+=… to (\S*\.env)\b/.exec(upRun.out)?.[1] ?? '.env';
      if (keys.length === 0) break;
      fs.appendFileSync(path.join(dir, envFile), keys.map((k) => `${k}=bench-${Math.random().toString(36).slice(2, 12)}\n`).join(''));
      upRun = parity(upArgs, dir, timeoutS + 600);
    }
    const built = /\bbuilt \S+:dev-[0-9a-f]+/.test(upRun.out);
    if (upRun.code !== 0) return done({ built, answered: false, cause: causeOf(upRun.out) });
    const check = app.http!;
    if ('worker' in check) {
      await new Promise((r) => setTimeout(r, check.worker * 1000));
      const state = execFileSync('docker', ['ps', '--filter', `label=dev.parity.project=${project}`, '--filter', 'label=dev.parity.role=app', '--format', '{{.Status}}'], { encoding: 'utf8' }).trim();
      return done({ built, answered: /^Up/.test(state), cause: /^Up/.test(state) ? '' : `worker not running after ${check.worker} s: ${state || 'gone'}` });
    }
    const url = /is up \([^)]*\): (http:\/\/127\.0\.0\.1:\d+)\//.exec(upRun.out)?.[1];
    if (!url) return done({ built, answered: false, cause: 'up printed no URL' });
    const status = await get(url + check.path);
    return done({ built, answered: status === check.status, cause: status === check.status ? '' : `GET ${check.path} → ${status || 'no answer'} (want ${check.status})` });
  } finally {
    parity(['down', '--volumes'], dir, 120);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const t = argv.indexOf('--timeout');
  const timeoutS = t >= 0 ? Number(argv[t + 1]) : 900;
  const only = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--timeout');
  const apps = expectationFolders().filter((f) => only.length === 0 || only.includes(f))
    .flatMap((f) => readExpectation(f).apps.filter((a) => a.http).map((a) => ({ folder: f, app: a })));
  const outcomes: Outcome[] = [];
  for (const { folder, app } of apps) {
    const o = await runApp(folder, app, timeoutS);
    outcomes.push(o);
    console.log(`${o.answered ? 'ok  ' : o.built ? 'RUN ' : 'BLD '} ${folder} ${app.path} (${o.seconds} s)${o.cause ? `: ${o.cause}` : ''}`);
  }
  const m = outcomes.length;
  console.log(`\nbuilt ${outcomes.filter((o) => o.built).length}/${m}, answered ${outcomes.filter((o) => o.answered).length}/${m}`);
  for (const o of outcomes.filter((x) => !x.answered)) console.log(`  ${o.folder} ${o.app}: ${o.cause}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
