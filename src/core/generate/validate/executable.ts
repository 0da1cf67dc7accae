// Can the final stage run its CMD? A start script that calls a devDependency (`nest start`, `ts-node`), a
// wrapper (`cross-env`, `dotenv --`), or a package manager the runtime image lacks (pnpm, Yarn) builds fine
// and then dies with "not found" at start. This reads the final stage (base image, PATH, COPYs) and the
// app's manifests and says why the CMD's executable would be missing, or null when it is present.
import { dockerfileInstructions, finalStage } from '../lint';

/** What a base image carries on its PATH, by repository (first path segment match). */
const IMAGE_TOOLS: [RegExp, string[]][] = [
  [/^node:/, ['node', 'npm', 'npx', 'corepack']],
  [/^oven\/bun:/, ['bun', 'bunx']],
  [/^denoland\/deno:/, ['deno']],
  [/^python:/, ['python', 'python3', 'pip', 'pip3']],
  [/^ruby:/, ['ruby', 'gem', 'bundle', 'bundler', 'irb']],
  [/^php:/, ['php', 'apache2-foreground', 'php-fpm', 'docker-php-entrypoint']],
  [/^(eclipse-temurin|.*openjdk)/, ['java']],
  [/^mcr\.microsoft\.com\/dotnet\//, ['dotnet']],
  [/nginx/, ['nginx']],
  [/ubi9\/nodejs/, ['node', 'npm', 'npx']],
  [/ubi9\/python/, ['python', 'python3', 'pip']],
];
const SHELL = ['sh', 'bash', 'env', 'true'];

/** Node bins whose package has another name. */
const NODE_BIN_PACKAGE: Record<string, string> = {
  nest: '@nestjs/cli', remix: '@remix-run/dev', 'remix-serve': '@remix-run/serve', 'react-router-serve': '@react-router/serve',
  'run-s': 'npm-run-all', 'run-p': 'npm-run-all', dotenv: 'dotenv-cli', nuxi: 'nuxi', tsc: 'typescript', 'ts-node-dev': 'ts-node-dev',
  'svelte-kit': '@sveltejs/kit', astro: 'astro', 'vite-ssg': 'vite-ssg', gw: 'graphile-worker', postgraphile: 'postgraphile',
};

export interface ExecutableInput {
  dockerfile: string;
  /** Reads a file of the build context (relative path), for package.json / lockfiles / requirements. */
  readText: (rel: string) => string | undefined;
  /** The app's folder inside the context (`''` at the root). */
  appDir: string;
}

interface NodeManifest { deps: Set<string>; dev: Set<string>; scripts: Record<string, string>; bins: Map<string, { pkg: string; dev: boolean }> }

function readNode(input: ExecutableInput): NodeManifest | null {
  const at = (f: string) => (input.appDir ? `${input.appDir}/${f}` : f);
  const text = input.readText(at('package.json'));
  if (text === undefined) return null;
  let pkg: Record<string, unknown>;
  try { pkg = JSON.parse(text) as Record<string, unknown>; } catch { return null; }
  const keys = (o: unknown) => new Set(o && typeof o === 'object' ? Object.keys(o) : []);
  const bins = new Map<string, { pkg: string; dev: boolean }>();
  // package-lock v2/v3 records each package's bins and whether it is dev-only: exact when present.
  const lockText = input.readText(at('package-lock.json'));
  if (lockText) {
    try {
      const lock = JSON.parse(lockText) as { packages?: Record<string, { bin?: Record<string, string> | string; dev?: boolean; name?: string }> };
      for (const [where, entry] of Object.entries(lock.packages ?? {})) {
        if (!where.startsWith('node_modules/') || where.lastIndexOf('node_modules/') !== 0 || !entry.bin) continue;
        const name = where.slice('node_modules/'.length);
        const names = typeof entry.bin === 'string' ? [name.split('/').pop()!] : Object.keys(entry.bin);
        for (const b of names) bins.set(b, { pkg: name, dev: Boolean(entry.dev) });
      }
    } catch { /* an unreadable lockfile gives no bin table; names are matched instead */ }
  }
  const scripts = (pkg.scripts && typeof pkg.scripts === 'object' ? pkg.scripts : {}) as Record<string, string>;
  return { deps: keys(pkg.dependencies), dev: new Set([...keys(pkg.devDependencies)].filter((d) => !keys(pkg.dependencies).has(d))), scripts, bins };
}

/** Why a Node bin is not installed in a production install, or null when it is. */
function nodeBinMissing(bin: string, m: NodeManifest): string | null {
  const known = m.bins.get(bin);
  if (known) return known.dev ? `${bin} comes from ${known.pkg}, a devDependency (not in the production install)` : null;
  const pkg = NODE_BIN_PACKAGE[bin] ?? bin;
  if (m.deps.has(pkg) || m.deps.has(bin)) return null;
  if (m.dev.has(pkg) || m.dev.has(bin)) return `${bin} comes from ${pkg}, a devDependency (not in the production install)`;
  return `${bin} is not provided by any dependency`;
}


/** The first real command of a package.json script (after `NAME=value` and wrappers), following `npm run`. */
function scriptProblem(script: string, m: NodeManifest, depth = 0): string | null {
  const words = script.trim().split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  if (words.length === 0 || depth > 4) return null;
  const [exe, ...rest] = words;
  if (exe === 'node' || exe === 'npm' && rest[0] !== 'run' && rest[0] !== 'start') return null;
  if ((exe === 'npm' || exe === 'pnpm' || exe === 'yarn') && (rest[0] === 'run' || rest[0] === 'start')) {
    if (exe !== 'npm') return `the script calls ${exe}, which the runtime image does not have`;
    const name = rest[0] === 'start' ? 'start' : rest[1];
    const next = m.scripts[name];
    return next === undefined ? `script '${name}' is not defined` : scriptProblem(next, m, depth + 1);
  }
  if (exe === 'pnpm' || exe === 'yarn' || exe === 'bun') return `the script calls ${exe}, which the runtime image does not have`;
  return nodeBinMissing(exe, m);
}

function toolsOf(from: string): string[] {
  return [...SHELL, ...IMAGE_TOOLS.filter(([re]) => re.test(from)).flatMap(([, tools]) => tools)];
}

/** Python distributions named in the requirement/lock files the image installs (lower-case, `-` for `_`). */
function pythonPackages(input: ExecutableInput): Set<string> {
  const at = (f: string) => (input.appDir ? `${input.appDir}/${f}` : f);
  const out = new Set<string>();
  const add = (n: string) => out.add(n.toLowerCase().replace(/_/g, '-'));
  for (const f of ['requirements.txt', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'Pipfile', 'Pipfile.lock', '../pyproject.toml', '../poetry.lock']) {
    const text = input.readText(at(f));
    if (!text) continue;
    for (const m of text.matchAll(/^\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[=<>~!]=?|["',]|$)/gm)) add(m[1]);
    for (const m of text.matchAll(/name\s*=\s*"([^"]+)"/g)) add(m[1]);
  }
  return out;
}

/** Console scripts that come from a distribution of another name. */
const PY_SCRIPT_PACKAGE: Record<string, string> = { 'celery': 'celery', 'daphne': 'daphne', 'hypercorn': 'hypercorn', 'granian': 'granian' };

export function cmdExecutableProblem(input: ExecutableInput): string | null {
  const stage = finalStage(dockerfileInstructions(input.dockerfile));
  const from = stage[0]?.args.split(/\s+/)[0] ?? '';
  const cmdIns = stage.filter((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD');
  const entry = cmdIns.filter((i) => i.keyword === 'ENTRYPOINT').pop();
  const cmd = cmdIns.filter((i) => i.keyword === 'CMD').pop();
  const parse = (args: string | undefined): string[] => {
    if (!args) return [];
    try { return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['sh', '-c', args]; } catch { return []; }
  };
  const argv = [...parse(entry?.args), ...parse(cmd?.args)];
  if (argv.length === 0) return 'the final stage has no CMD';
  const exe = argv[0];
  const copied = stage.filter((i) => i.keyword === 'COPY').map((i) => i.args.split(/\s+/).pop()!.replace(/\/$/, ''));
  const pathDirs = stage.filter((i) => i.keyword === 'ENV').flatMap((i) => /\bPATH=([^\s]+)/.exec(i.args)?.[1].split(':') ?? []);

  const node = readNode(input);
  if (/node_modules\/\.bin\//.test(exe)) {
    const bin = exe.slice(exe.lastIndexOf('/') + 1);
    return node ? nodeBinMissing(bin, node) : null;
  }
  if (exe.startsWith('/')) {
    const present = copied.some((d) => exe === d || exe.startsWith(`${d}/`) || d === '/' )
      || stage.some((i) => i.keyword === 'RUN' && i.args.includes(exe));
    return present ? null : `${exe} is never copied into the final stage`;
  }
  if (exe === 'dotnet' && argv[1]?.endsWith('.dll.dll')) return `${argv[1]} is not an assembly name (doubled .dll)`;
  const tools = toolsOf(from);
  if (!tools.includes(exe)) {
    const venv = pathDirs.find((d) => /venv|\.venv/.test(d));
    if (venv) {
      const pkgs = pythonPackages(input);
      const name = PY_SCRIPT_PACKAGE[exe] ?? exe;
      return pkgs.has(name) || pkgs.has(name.replace(/_/g, '-')) ? null : `${exe} is not installed: no requirement provides it`;
    }
    return `${exe} is not on the final stage's PATH (${from})`;
  }
  if (node && exe === 'npm' && (argv[1] === 'start' || argv[1] === 'run')) {
    const name = argv[1] === 'start' ? 'start' : argv[2];
    const script = node.scripts[name];
    if (script === undefined) return `npm ${argv.slice(1).join(' ')}: the script is not defined`;
    const problem = scriptProblem(script, node);
    return problem ? `npm ${argv.slice(1).join(' ')} runs \`${script}\`: ${problem}` : null;
  }
  return null;
}
