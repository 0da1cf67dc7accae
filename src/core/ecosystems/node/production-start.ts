// The command the runtime stage can actually run. A `start` script is often a developer command: a
// devDependency runner (`nest start`, `ts-node index.ts`, `vite`), a wrapper (`cross-env NODE_ENV=… node x`,
// `dotenv -e ../.env -- next start`, `pnpm with-env …`) or another package manager (`yarn gw`). The
// production install has none of them, so this resolves the start script to a command whose executable is
// in the final stage, or to the framework's production entry, and says when it replaced the script.

export interface NodeManifest {
  scripts: Record<string, string>;
  deps: Set<string>;
  devDeps: Set<string>;
}

export interface ProductionStart {
  /** The command, shell-free (`node dist/main`, `next start`); undefined keeps the detected start. */
  command: string;
  /** Set when the detected start script was replaced: what and why, for a generation warning. */
  replaced?: string;
}

export function readManifest(text: string | undefined): NodeManifest | null {
  if (!text) return null;
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const keys = (o: unknown) => new Set(o && typeof o === 'object' ? Object.keys(o as object) : []);
    const deps = keys(pkg.dependencies);
    const scripts = (pkg.scripts && typeof pkg.scripts === 'object' ? pkg.scripts : {}) as Record<string, string>;
    return { scripts, deps, devDeps: new Set([...keys(pkg.devDependencies)].filter((d) => !deps.has(d))) };
  } catch {
    return null;
  }
}

/** Bins whose package has another name. */
const BIN_PACKAGE: Record<string, string> = {
  nest: '@nestjs/cli', remix: '@remix-run/dev', 'remix-serve': '@remix-run/serve', 'react-router-serve': '@react-router/serve',
  'run-s': 'npm-run-all', 'run-p': 'npm-run-all', dotenv: 'dotenv-cli', tsc: 'typescript', 'svelte-kit': '@sveltejs/kit',
};

/** Wrappers that set env or load a .env file, then run the rest of the line: `cross-env A=1 node x`. */
function stripWrappers(words: string[]): string[] {
  let w = words;
  for (;;) {
    while (w.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0])) w = w.slice(1);
    if (w[0] === 'cross-env' || w[0] === 'env') { w = w.slice(1); continue; }
    if (w[0] === 'dotenv' || w[0] === 'env-cmd' || w[0] === 'dotenvx') {
      const dash = w.indexOf('--');
      // `dotenv -e .env next start` without `--`: the first word that is not a flag or its value.
      w = dash >= 0 ? w.slice(dash + 1) : w.slice(1).filter((x, i, a) => !x.startsWith('-') && !(a[i - 1]?.startsWith('-')));
      if (w[0] === 'run') w = w.slice(1); // dotenvx run -- …
      continue;
    }
    return w;
  }
}

/** Is `bin` installed by a production install? Unknown bins count as missing. */
function inProd(bin: string, m: NodeManifest): boolean {
  if (bin === 'node' || bin === 'npm' || bin === 'npx') return true;
  return m.deps.has(BIN_PACKAGE[bin] ?? bin) || m.deps.has(bin);
}

/**
 * Follows a script through `npm run`/`yarn`/`pnpm` and wrappers to a plain command, when it is a simple
 * one (no `&&` chains except a leading build step, no shell syntax); null otherwise.
 */
export function plainCommand(script: string, m: NodeManifest, depth = 0): string | null {
  if (depth > 5) return null;
  // `npm run build && node dist/x.js`: the part after the last `&&` starts the server.
  const last = script.split('&&').pop()!.trim();
  if (/[|;<>`$(){}]/.test(last) || /["']/.test(last)) return null;
  const words = stripWrappers(last.split(/\s+/).filter(Boolean));
  if (words.length === 0) return null;
  const [exe, ...rest] = words;
  if (exe === 'npx') return plainCommand(rest.join(' '), m, depth + 1);
  if (exe === 'npm' || exe === 'yarn' || exe === 'pnpm' || exe === 'bun') {
    const name = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : rest[0] === 'start' ? 'start' : exe === 'npm' ? undefined : rest[0];
    const next = name !== undefined ? m.scripts[name] : undefined;
    if (next === undefined) return null;
    const extra = rest.slice(rest[0] === 'run' || rest[0] === 'run-script' ? 2 : 1).filter((x) => x !== '--');
    return plainCommand([next, ...extra].join(' '), m, depth + 1);
  }
  return words.join(' ');
}

/** Framework production entries, tried when the start script cannot run in the runtime stage. */
function frameworkEntry(framework: string, m: NodeManifest, hasBuild: boolean, outDir: string | undefined): string | null {
  const fw = framework.toLowerCase();
  if (fw.includes('nest') && hasBuild) return 'node dist/main';
  if ((fw.includes('nuxt') || fw.includes('nitro')) && hasBuild) return 'node .output/server/index.mjs';
  if (fw.includes('next') && m.deps.has('next')) return 'next start';
  if (fw.includes('remix') && m.deps.has('@remix-run/serve')) return 'remix-serve build/index.js';
  if (fw.includes('react-router') && m.deps.has('@react-router/serve')) return 'react-router-serve build/server/index.js';
  if (fw.includes('sveltekit') && hasBuild) return 'node build';
  void outDir;
  return null;
}

/** `ts-node src/index.ts` / `tsx watch src/main.ts` → `node <outDir>/index.js` when the build compiles with tsc. */
function compiledEntry(command: string, m: NodeManifest, outDir: string | undefined): string | null {
  const words = command.split(/\s+/);
  if (!['ts-node', 'tsx', 'ts-node-dev', 'nodemon'].includes(words[0])) return null;
  const file = words.slice(1).find((w) => /\.[cm]?ts$/.test(w));
  if (!file || !/\btsc\b/.test(m.scripts.build ?? '')) return null;
  const base = file.replace(/^\.\//, '').replace(/^src\//, '').replace(/\.([cm]?)ts$/, '.$1js');
  return `node ${(outDir ?? 'dist').replace(/^\.\//, '').replace(/\/$/, '')}/${base}`;
}

/**
 * The production command for `start` (the detected start command), or null to keep it as it is.
 * `outDir` is tsconfig's compilerOptions.outDir when known.
 */
export function productionStart(start: string | undefined, m: NodeManifest | null, framework: string, hasBuild: boolean, outDir?: string): ProductionStart | null {
  if (!m || !start) return null;
  const plain = plainCommand(start, m);
  if (plain && inProd(plain.split(/\s+/)[0], m)) return plain === start ? null : { command: plain };
  const why = plain ? `${plain.split(/\s+/)[0]} is not a production dependency` : 'it is not a plain command';
  // The repository's own production scripts first, then what the framework builds.
  for (const name of ['start:prod', 'start:production', 'prod', 'production', 'serve']) {
    const s = m.scripts[name];
    const cmd = s !== undefined ? plainCommand(s, m) : null;
    if (cmd && inProd(cmd.split(/\s+/)[0], m)) return { command: cmd, replaced: `the start script \`${start}\` cannot run in the production image (${why}): it starts \`${cmd}\` (script ${name}) instead` };
  }
  const entry = frameworkEntry(framework, m, hasBuild, outDir) ?? (plain ? compiledEntry(plain, m, outDir) : null);
  if (entry) return { command: entry, replaced: `the start script \`${start}\` cannot run in the production image (${why}): it starts \`${entry}\`, the build's production entry, instead` };
  return null;
}
