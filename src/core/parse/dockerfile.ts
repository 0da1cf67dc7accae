// An existing Dockerfile read into the facts later steps compare against: FROM images (with simple
// `ARG`/`ENV` references resolved), EXPOSEd ports, the final stage's USER, ENV names and CMD.
// dockerfile-ast never throws on bad input; what it cannot make sense of becomes `problems`.
import { DockerfileParser, type Instruction, type JSONInstruction, type Property } from 'dockerfile-ast';
import type { ExistingDockerfile } from '../model';

export interface ParsedDockerfile {
  dockerfile: Omit<ExistingDockerfile, 'path'>;
  /** Human-readable issues (no FROM, unknown instruction…), each already naming its line. */
  problems: string[];
}

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME',
  'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export function parseDockerfile(text: string): ParsedDockerfile {
  const out: Omit<ExistingDockerfile, 'path'> = { from: [], expose: [], env: [] };
  const problems: string[] = [];
  let instructions: Instruction[];
  try {
    instructions = DockerfileParser.parse(text).getInstructions();
  } catch (err) {
    return { dockerfile: out, problems: [`unparseable Dockerfile: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const globalArgs = new Map<string, string>();
  let vars = new Map<string, string>();
  let inStage = false;
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    const line = ins.getRange().start.line + 1;
    if (!KEYWORDS.has(keyword)) {
      problems.push(`unknown instruction "${keyword.slice(0, 40)}" at line ${line}`);
      continue;
    }
    if (!inStage && keyword !== 'FROM' && keyword !== 'ARG') {
      problems.push(`${keyword} at line ${line} comes before the first FROM`);
      continue;
    }
    const args = ins.getArguments().map((a) => a.getValue());
    switch (keyword) {
      case 'ARG':
        for (const prop of properties(ins)) {
          const name = prop.getName();
          const value = prop.getValue();
          const resolved = value !== null ? substitute(value, inStage ? vars : globalArgs) : inStage ? globalArgs.get(name) : undefined;
          if (resolved !== undefined) (inStage ? vars : globalArgs).set(name, resolved);
        }
        break;
      case 'FROM': {
        const positional = args.filter((a) => !a.startsWith('--'));
        if (positional.length === 0) {
          problems.push(`FROM without an image at line ${line}`);
          break;
        }
        inStage = true;
        vars = new Map();
        out.from.push({ image: substitute(positional[0], globalArgs), line, ...(positional[1]?.toUpperCase() === 'AS' && positional[2] ? { stage: positional[2] } : {}) });
        // USER, ENV and CMD describe the image that runs: the final stage's.
        delete out.user;
        delete out.cmd;
        out.env = [];
        break;
      }
      case 'EXPOSE':
        for (const a of args) {
          const m = /^(\d+)(?:\/(?:tcp|udp|sctp))?$/i.exec(substitute(a, vars));
          const port = m ? Number(m[1]) : NaN;
          if (port >= 1 && port <= 65535) out.expose.push({ port, line });
          else if (!a.includes('$') && !/^\d+-\d+/.test(a)) problems.push(`EXPOSE at line ${line}: "${a.slice(0, 40)}" is not a port`);
        }
        break;
      case 'ENV':
        for (const prop of properties(ins)) {
          const name = prop.getName();
          out.env.push({ name, line: prop.getRange().start.line + 1 });
          const value = prop.getValue();
          if (value !== null) vars.set(name, substitute(value, vars));
        }
        break;
      case 'USER':
        if (args[0]) out.user = { value: substitute(args[0], vars), line };
        break;
      case 'CMD': {
        const json = (ins as JSONInstruction).getJSONStrings?.() ?? [];
        const value = json.length > 0 ? json.map((j) => j.getJSONValue()).join(' ') : (ins.getArgumentsContent() ?? '').trim();
        out.cmd = { value, line };
        break;
      }
    }
  }
  if (out.from.length === 0) problems.push('no FROM instruction');
  return { dockerfile: out, problems };
}

function properties(ins: Instruction): Property[] {
  const withProps = ins as unknown as { getProperties?: () => Property[]; getProperty?: () => Property | null };
  if (withProps.getProperties) return withProps.getProperties();
  const one = withProps.getProperty?.();
  return one ? [one] : [];
}

/** `$X`, `${X}`, `${X:-d}`, `${X-d}` from known values; unknown references stay as written. */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  if (!text.includes('$')) return text;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, def, bare) => {
    const v = vars.get(braced ?? bare);
    if (v !== undefined && v !== '') return v;
    if (def !== undefined) return def;
    return whole;
  });
}
