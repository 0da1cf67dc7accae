// A line-faithful Dockerfile reader for the drift rules: stages with their base image, RUN/COPY/ENV/
// EXPOSE/USER/CMD/ENTRYPOINT and the 1-based line each starts on (so findings and edits can point there).
// Continuations, comments, parser directives and heredoc bodies are handled; ARG defaults are substituted
// into FROM lines.

export interface Instruction {
  keyword: string;
  /** Arguments with continuations joined (one space), flags included. */
  args: string;
  line: number;
  endLine: number;
}

export interface Stage {
  index: number;
  /** The base as written after variable substitution (`node:20-alpine`, or an earlier stage's alias). */
  image: string;
  alias?: string;
  platform?: string;
  fromLine: number;
  /** Base image of the stage chain (follows `FROM builder` back to a real image). */
  baseImage: string;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  path: string;
  stages: Stage[];
  lineCount: number;
  /** Lines of the file (for excerpts), without line terminators. */
  lines: string[];
}

export function parseDockerfile(path: string, text: string): ParsedDockerfile {
  const lines = text.split(/\r?\n/);
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  let heredocEnd: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const startLine = i + 1;
    let raw = lines[i];
    i++;
    if (heredocEnd !== undefined) {
      if (raw.trim() === heredocEnd) heredocEnd = undefined;
      continue;
    }
    if (/^\s*(#|$)/.test(raw)) continue;
    let joined = raw;
    while (/\\\s*$/.test(raw) && i < lines.length) {
      joined = joined.replace(/\s*\\\s*$/, ' ');
      raw = lines[i];
      i++;
      // Comment lines inside a continuation are dropped by Docker; the instruction goes on after them.
      while (/^\s*#/.test(raw) && i < lines.length) {
        raw = lines[i];
        i++;
      }
      if (/^\s*#/.test(raw)) break;
      joined += raw.trim();
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(joined);
    if (!m) continue;
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(args);
    if (heredoc && (keyword === 'RUN' || keyword === 'COPY')) heredocEnd = heredoc[1];
    const instr: Instruction = { keyword, args, line: startLine, endLine: i };
    if (keyword === 'FROM') {
      const parts = args.split(/\s+/);
      let platform: string | undefined;
      const rest: string[] = [];
      for (const p of parts) {
        const pm = /^--platform=(.+)$/.exec(p);
        if (pm) platform = substitute(pm[1], globalArgs);
        else rest.push(p);
      }
      const image = substitute(rest[0] ?? '', globalArgs);
      const alias = rest[1]?.toLowerCase() === 'as' ? rest[2] : undefined;
      const parent = stages.find((s) => s.alias && s.alias.toLowerCase() === image.toLowerCase());
      stages.push({ index: stages.length, image, alias, platform, fromLine: startLine, baseImage: parent ? parent.baseImage : image, instructions: [instr] });
      continue;
    }
    if (keyword === 'ARG' && stages.length === 0) {
      const am = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(args);
      if (am && am[2] !== undefined) globalArgs[am[1]] = unquote(am[2]);
    }
    stages[stages.length - 1]?.instructions.push(instr);
  }
  return { path, stages, lineCount: lines.length - (lines[lines.length - 1] === '' ? 1 : 0), lines };
}

function unquote(v: string): string {
  return v.trim().replace(/^(["'])(.*)\1$/, '$2');
}

function substitute(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, a, def, b) => {
    const name = a ?? b;
    return vars[name] ?? def ?? all;
  });
}

export function finalStage(df: ParsedDockerfile): Stage | undefined {
  return df.stages[df.stages.length - 1];
}

/** The stage and every stage it is built `FROM`, nearest first (their ENV/USER carry over). */
export function stageChain(df: ParsedDockerfile, stage: Stage): Stage[] {
  const chain = [stage];
  let cur = stage;
  for (;;) {
    const parent = df.stages.find((s) => s.index < cur.index && s.alias && s.alias.toLowerCase() === cur.image.toLowerCase());
    if (!parent) return chain;
    chain.push(parent);
    cur = parent;
  }
}

export function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/** Last USER of the stage chain, or undefined when none sets one (the base image's user applies). */
export function effectiveUser(df: ParsedDockerfile, stage: Stage): Instruction | undefined {
  for (const s of stageChain(df, stage)) {
    const users = instructions(s, 'USER');
    if (users.length) return users[users.length - 1];
  }
  return undefined;
}

/** `ENV A=1 B=2` and legacy `ENV A 1` → names with their line. */
export function envNames(instr: Instruction): string[] {
  const args = instr.args;
  if (!args.includes('=')) return [args.split(/\s+/)[0]].filter(Boolean);
  const names: string[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(args))) names.push(m[1]);
  return names;
}

/** Ports of an `EXPOSE 8080 9090/udp` line. */
export function exposedPorts(instr: Instruction): number[] {
  return instr.args.split(/\s+/).map((p) => parseInt(p, 10)).filter((n) => Number.isInteger(n) && n > 0 && n < 65536);
}

/** Sources and destination of a COPY/ADD (flags like `--from=` and `--chown=` removed; JSON form handled). */
export function copyParts(instr: Instruction): { from?: string; sources: string[]; dest: string } {
  let args = instr.args;
  let from: string | undefined;
  const flags = /^(--[a-z-]+(?:=\S+)?\s+)+/.exec(args);
  if (flags) {
    from = /--from=(\S+)/.exec(flags[0])?.[1];
    args = args.slice(flags[0].length);
  }
  let parts: string[];
  if (args.trim().startsWith('[')) {
    try {
      parts = JSON.parse(args) as string[];
    } catch {
      parts = args.split(/\s+/);
    }
  } else parts = args.split(/\s+/).filter(Boolean);
  return { from, sources: parts.slice(0, -1), dest: parts[parts.length - 1] ?? '' };
}

/** Command words of CMD/ENTRYPOINT in exec (JSON) or shell form. */
export function commandWords(instr: Instruction): string[] {
  const a = instr.args.trim();
  if (a.startsWith('[')) {
    try {
      const v = JSON.parse(a);
      if (Array.isArray(v)) return v.map(String);
    } catch { /* fall through to shell form */ }
  }
  return a.split(/\s+/).filter(Boolean);
}
