// Code scans the drift rules need on their own: env var reads, the port the code listens on, named time
// zones, relative imports. Deliberately line-based regexes: fast on big trees and exact about lines.
// (Detection's scans, when they report, are merged in by the context; these cover what they do not.)

export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx', '.py', '.go', '.rb', '.php', '.java', '.kt', '.cs', '.rs'];

export function isSource(file: string): boolean {
  if (/(^|\/)(test|tests|__tests__|spec)\//.test(file) || /\.(test|spec)\.[a-z]+$/.test(file) || /\.d\.ts$/.test(file)) return false;
  const dot = file.lastIndexOf('.');
  return dot >= 0 && SOURCE_EXTENSIONS.includes(file.slice(dot));
}

export interface EnvRead { name: string; line: number; hasDefault: boolean }

const ENV_PATTERNS: { re: RegExp; defaultAfter?: RegExp; alwaysDefault?: boolean }[] = [
  { re: /process\.env\.([A-Z_][A-Z0-9_]*)/g, defaultAfter: /^\s*(\|\||\?\?|\?)/ },
  { re: /process\.env\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g, defaultAfter: /^\s*(\|\||\?\?|\?)/ },
  { re: /os\.environ\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g },
  { re: /os\.(?:environ\.get|getenv)\(\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\)/g, defaultAfter: /^\s*(or\b)/ },
  { re: /os\.(?:environ\.get|getenv)\(\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*,/g, alwaysDefault: true },
  { re: /os\.Getenv\(\s*"([A-Z_][A-Z0-9_]*)"\s*\)/g },
  { re: /ENV\.fetch\(\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\)/g },
  { re: /ENV\.fetch\(\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*,/g, alwaysDefault: true },
  { re: /ENV\[\s*['"]([A-Z_][A-Z0-9_]*)['"]\s*\]/g, defaultAfter: /^\s*(\|\||or\b)/ },
  { re: /System\.getenv\(\s*"([A-Z_][A-Z0-9_]*)"\s*\)/g },
  { re: /(?:(?<![.\w])getenv|\$_ENV\[|\$_SERVER\[)\(?\s*['"]([A-Z_][A-Z0-9_]*)['"]/g, defaultAfter: /^\s*\)?\]?\s*(\?\?|\?:)/ },
  { re: /Environment\.GetEnvironmentVariable\(\s*"([A-Z_][A-Z0-9_]*)"\s*\)/g, defaultAfter: /^\s*\?\?/ },
  { re: /(?:std::)?env::var\(\s*"([A-Z_][A-Z0-9_]*)"\s*\)/g, defaultAfter: /^\s*\.unwrap_or/ },
];

/** Variables a container normally has or that only tune tooling; never reported as missing. */
export const AMBIENT_ENV = new Set(['PATH', 'HOME', 'HOSTNAME', 'PWD', 'USER', 'SHELL', 'TERM', 'LANG', 'TZ', 'NODE_ENV', 'CI', 'DEBUG', 'PORT', 'npm_package_version', 'NODE_OPTIONS', 'PYTHONPATH', 'KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT']);

export function scanEnvReads(text: string): EnvRead[] {
  if (!/env|ENV|getenv|Getenv|GetEnvironmentVariable/.test(text)) return [];
  const out: EnvRead[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    for (const p of ENV_PATTERNS) {
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(lineText))) {
        const after = lineText.slice(m.index + m[0].length);
        const hasDefault = Boolean(p.alwaysDefault || (p.defaultAfter && p.defaultAfter.test(after)));
        const existing = out.find((e) => e.name === m![1]);
        if (existing) existing.hasDefault &&= hasDefault;
        else out.push({ name: m[1], line: i + 1, hasDefault });
      }
    }
  });
  return out;
}

/** The port a server listens on, from the common forms in each ecosystem. */
export function scanListenPort(text: string): { port: number; line: number } | undefined {
  const patterns = [
    /\.listen\(\s*(\d{2,5})\b/,
    /\bPORT\b[^\n]*?(?:\|\||\?\?|,|\bor\b)\s*['"]?(\d{2,5})\b/,
    /\bport\s*[=:]\s*(\d{2,5})\b/i,
    /--port[= ](\d{2,5})\b/,
    /ListenAndServe\(\s*"[^"]*:(\d{2,5})"/,
    /\bListen\(\s*"[^"]*:(\d{2,5})"/,
    /server\.port\s*[=:]\s*(\d{2,5})/,
    /--bind[= ]\S*:(\d{2,5})\b/,
  ];
  const lines = text.split('\n');
  for (const re of patterns) {
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]);
      if (m) {
        const port = Number(m[1]);
        if (port > 0 && port < 65536) return { port, line: i + 1 };
      }
    }
  }
  return undefined;
}

export interface ZoneUse { zone: string; line: number; language: 'go' | 'python' | 'ruby' | 'libc' }

/**
 * Named time zones loaded through APIs that read the system zoneinfo (Go's time.LoadLocation without
 * time/tzdata, Python's zoneinfo / dateutil, Ruby TZInfo, the TZ variable). Node, Java and pytz ship their
 * own tz data, so their uses are not reported.
 */
export function scanZoneUses(file: string, text: string): ZoneUse[] {
  const out: ZoneUse[] = [];
  const lines = text.split('\n');
  const zone = `['"]([A-Z][A-Za-z_]+(?:/[A-Za-z_+-]+)+)['"]`;
  let re: RegExp | undefined;
  let language: ZoneUse['language'] | undefined;
  if (file.endsWith('.go') && !/"time\/tzdata"/.test(text)) {
    re = new RegExp(`time\\.LoadLocation\\(\\s*"([A-Z][A-Za-z_]+(?:/[A-Za-z_+-]+)+)"`);
    language = 'go';
  } else if (file.endsWith('.py') && !/^\s*tzdata\b/m.test(text)) {
    re = new RegExp(`(?:ZoneInfo|tz\\.gettz)\\(\\s*${zone}`);
    language = 'python';
  } else if (file.endsWith('.rb')) {
    re = new RegExp(`TZInfo::Timezone\\.get\\(\\s*${zone}`);
    language = 'ruby';
  }
  if (!re || !language) return out;
  lines.forEach((l, i) => {
    const m = re!.exec(l);
    if (m) out.push({ zone: m[1], line: i + 1, language: language! });
  });
  return out;
}

export interface RelativeImport { spec: string; line: number }

/** Relative module specifiers in JS/TS (`import … from './x'`, `require('../y')`, `import('./z')`). */
export function scanRelativeImports(text: string): RelativeImport[] {
  if (!text.includes('./')) return [];
  const out: RelativeImport[] = [];
  const re = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/g;
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (!l.includes('./')) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(l))) out.push({ spec: m[1], line: i + 1 });
  });
  return out;
}

export interface UnitScan {
  env: (EnvRead & { file: string })[];
  /** First listen port found in the code. */
  listen?: { port: number; line: number; file: string; excerpt: string };
  /** The code reads a PORT variable (so a PORT set by the deployment decides the port). */
  readsPortEnv: boolean;
  zones: { file: string; use: ZoneUse }[];
}

const ENV_HINT = /env|ENV|Getenv|GetEnvironmentVariable/;
const PORT_HINT = /listen|Listen|[Pp]ort\s*[=:]|PORT|--port|--bind/;
const PORT_ENV = /(process\.env\.PORT|getenv\(\s*['"]PORT|environ(?:\.get\()?\[?\s*['"]PORT|Getenv\("PORT"\)|ENV\[?\.?(?:fetch\()?['"]PORT)/;
const ZONE_HINT = /LoadLocation|ZoneInfo|gettz|TZInfo/;

/** Env reads, the listen port, PORT use and zone uses of a set of source files, reading each once. */
export function scanSources(files: string[], read: (f: string) => string | undefined): UnitScan {
  const out: UnitScan = { env: [], readsPortEnv: false, zones: [] };
  for (const f of files) {
    const text = read(f);
    if (!text) continue;
    if (ENV_HINT.test(text)) for (const r of scanEnvReads(text)) out.env.push({ ...r, file: f });
    if (!out.listen && PORT_HINT.test(text)) {
      const hit = scanListenPort(text);
      if (hit) out.listen = { ...hit, file: f, excerpt: text.split('\n')[hit.line - 1].trim() };
    }
    if (!out.readsPortEnv && text.includes('PORT')) out.readsPortEnv = PORT_ENV.test(text);
    if (/\.(go|py|rb)$/.test(f) && ZONE_HINT.test(text)) for (const use of scanZoneUses(f, text)) out.zones.push({ file: f, use });
  }
  return out;
}
