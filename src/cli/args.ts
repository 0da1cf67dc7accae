// A small argv parser: positionals plus `--flag`, `--key value` and `--key=value`. Unknown flags are an
// error with the command's usage, so a typo never silently changes what a command does.
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export interface FlagSpec {
  /** Flags that take a value, e.g. `app`, `target`. */
  values?: string[];
  /** Boolean flags, e.g. `json`, `write`. */
  booleans?: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set([...(spec.booleans ?? []), 'help']);
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      out.flags.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (booleans.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags[name] = true;
    } else if (values.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      out.flags[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
