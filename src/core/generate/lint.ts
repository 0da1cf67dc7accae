// Self-check of a generated Dockerfile: the rules every Parity Dockerfile must keep, usable on any
// Dockerfile text. Returns problems; an empty list means the file passes.
export interface Instruction { keyword: string; args: string; line: number }

/** Instructions with continuation lines joined; comments and blank lines dropped. */
export function dockerfileInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/, ' ') + lines[++i].trim();
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(line);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start + 1 });
  }
  return out;
}

export function finalStage(instructions: Instruction[]): Instruction[] {
  let from = 0;
  instructions.forEach((ins, i) => { if (ins.keyword === 'FROM') from = i; });
  return instructions.slice(from);
}

export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|_KEY$|^KEY$|DATABASE_URL|_DSN$)/i;
const LOCKFILES = /(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|requirements[^ ]*\.txt|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|packages\.lock\.json|gradle\.lockfile)/;

export interface LintOptions { server: boolean; cacheMounts?: boolean; lockfile?: string | null }

export function lintDockerfile(text: string, opts: LintOptions): string[] {
  const problems: string[] = [];
  if (/^#\s*syntax\s*=/im.test(text)) problems.push('has a `# syntax=` line');
  if (/\r/.test(text)) problems.push('has CR line endings');
  const ins = dockerfileInstructions(text);
  const stages = new Set<string>();
  for (const i of ins.filter((x) => x.keyword === 'FROM')) {
    const [image, as, name] = i.args.split(/\s+/);
    if (as?.toUpperCase() === 'AS' && name) stages.add(name);
    if (stages.has(image) && image !== name) continue;
    const tag = /^[^@]+?(?::([^/:@]+))?(@.+)?$/.exec(image);
    if (!tag?.[1] && !tag?.[2]) problems.push(`line ${i.line}: FROM ${image} has no tag`);
    else if (tag[1] === 'latest') problems.push(`line ${i.line}: FROM ${image} uses latest`);
  }
  const last = finalStage(ins);
  const users = last.filter((i) => i.keyword === 'USER');
  const user = users.pop();
  if (!user) problems.push('final stage sets no USER');
  else {
    const uid = user.args.split(':')[0];
    if (!/^\d+$/.test(uid)) problems.push(`USER ${user.args} is not numeric`);
    else if (Number(uid) === 0) problems.push('USER is root');
  }
  if (opts.server) {
    if (!last.some((i) => i.keyword === 'HEALTHCHECK')) problems.push('a server image has no HEALTHCHECK');
    if (!last.some((i) => i.keyword === 'EXPOSE')) problems.push('a server image has no EXPOSE');
  }
  for (const i of ins.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
    for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=/g)) if (SECRET_NAME.test(m[1])) problems.push(`line ${i.line}: ${i.keyword} ${m[1]} looks like a secret`);
    if (i.keyword === 'ARG' && SECRET_NAME.test(i.args.split('=')[0])) problems.push(`line ${i.line}: ARG ${i.args} looks like a secret`);
  }
  const cmd = last.filter((i) => i.keyword === 'CMD').pop();
  if (!cmd) problems.push('final stage has no CMD');
  else if (!cmd.args.startsWith('[')) problems.push('CMD is not in exec form');
  if (!opts.cacheMounts && ins.some((i) => i.keyword === 'RUN' && /--mount=/.test(i.args))) problems.push('RUN --mount needs BuildKit (only with the cache-mounts option)');
  // Sources are `COPY . <dest>` outside a stage named `manifests` (which keeps only manifests on purpose).
  let stage = '';
  const stageOf = ins.map((i) => (i.keyword === 'FROM' ? (stage = i.args.split(/\s+/)[2] ?? '') : stage));
  const sourcesAt = ins.findIndex((i, n) => i.keyword === 'COPY' && stageOf[n] !== 'manifests' && /^(--\S+\s+)*\.\s+\S+$/.test(i.args));
  const copiesLock = (i: Instruction, name?: string) => i.keyword === 'COPY' && (/--from=manifests\b/.test(i.args)
    || (name ? i.args.split(/\s+/).some((t) => t === name || t.endsWith(`/${name}`)) : LOCKFILES.test(i.args)));
  const lockName = opts.lockfile ? opts.lockfile.slice(opts.lockfile.lastIndexOf('/') + 1) : undefined;
  const lockAt = ins.findIndex((i) => copiesLock(i, lockName));
  if (lockName && lockAt < 0) problems.push(`lockfile ${lockName} is never copied`);
  else if (lockAt >= 0 && sourcesAt >= 0 && lockAt > sourcesAt) problems.push(`lockfile ${lockName ?? ''} is copied after the sources`.replace('  ', ' '));
  return problems;
}
