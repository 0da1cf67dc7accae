// Building blocks of generated Dockerfiles: stages as lines, RUN chains, package installs per family,
// the non-root user, HEALTHCHECKs that only use what the runtime image has, and exec-form arrays.
import type { BaseImage, PackageTool } from '../../platform/image-rules';
import type { Family, NativeDep } from '../../model';
import { SECRET_NAME } from '../lint';

export interface Stage {
  from: string;
  as?: string;
  /** Comment lines (without `#`) printed above FROM. */
  comment?: string[];
  lines: string[];
}

export function renderDockerfile(stages: Stage[]): string {
  const blocks = stages.map((s) => {
    const head = [...(s.comment ?? []).map((c) => `# ${c}`), `FROM ${s.from}${s.as ? ` AS ${s.as}` : ''}`];
    return [...head, ...s.lines].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/** `RUN a \ && b` with one command per line. */
export function run(commands: string[], mounts: string[] = []): string {
  const prefix = mounts.map((m) => `--mount=${m} `).join('');
  return `RUN ${prefix}${commands.join(' \\\n    && ')}`;
}

export function execForm(args: string[]): string {
  return JSON.stringify(args).replace(/","/g, '", "');
}

export function installCommands(pkg: PackageTool, packages: string[]): string[] {
  if (packages.length === 0) return [];
  const list = [...new Set(packages)].sort().join(' ');
  switch (pkg) {
    case 'apt':
      return ['apt-get update', `apt-get install -y --no-install-recommends ${list}`, 'rm -rf /var/lib/apt/lists/*'];
    case 'dnf':
      return [`dnf install -y ${list}`, 'dnf clean all'];
    case 'microdnf':
      return [`microdnf install -y ${list}`, 'microdnf clean all'];
    case 'apk':
      return [`apk add --no-cache ${list}`];
  }
}

/** System packages the app's native dependencies need at build or run time, for a family. */
export function nativePackages(deps: NativeDep[], family: Family, phase: 'build' | 'runtime'): string[] {
  return [...new Set(deps.flatMap((d) => d.systemPackages[family]?.[phase] ?? []))].sort();
}

/** Creates the fixed app user; on images without useradd (UBI minimal) an /etc/passwd entry does. */
export function createUser(image: BaseImage, uid: number, home: string): string[] {
  if (image.pkg === 'apk') return [`addgroup -S -g ${uid} app`, `adduser -S -D -H -u ${uid} -G app -h ${home} -s /sbin/nologin app`];
  if (image.pkg === 'apt') return [`groupadd --system --gid ${uid} app`, `useradd --system --uid ${uid} --gid app --home-dir ${home} --no-create-home --shell /usr/sbin/nologin app`];
  return [`echo 'app:x:${uid}:0:app:${home}:/sbin/nologin' >> /etc/passwd`];
}

/** What a health probe needs to know: the URL on the health path (null: TCP connect only) and the port. */
export interface HealthTarget { url: string; port: number; path: string | null }

/**
 * How an image checks the app is up: its language runtime's own HTTP client (an ecosystem's probe, see
 * ecosystems/<id>/health.ts), or `shell`: bash's /dev/tcp (Debian/UBI) or busybox wget/nc (Alpine).
 */
export type HealthProbe = 'shell' | ((target: HealthTarget) => string[]);

/** A HEALTHCHECK that needs no curl. HTTP on the health path, else a TCP connect. */
export function healthcheck(probe: HealthProbe, image: BaseImage, port: number, path: string | null, startPeriod = '20s'): string {
  const url = `http://127.0.0.1:${port}${path ?? ''}`;
  const cmd = probe === 'shell' ? shellProbe(image, url, port, path) : probe({ url, port, path });
  return `HEALTHCHECK --interval=30s --timeout=5s --start-period=${startPeriod} --retries=3 \\\n  CMD ${execForm(cmd)}`;
}

function shellProbe(image: BaseImage, url: string, port: number, path: string | null): string[] {
  if (!image.bash) return path ? ['wget', '-q', '-O', '/dev/null', url] : ['nc', '-z', '127.0.0.1', String(port)];
  return ['bash', '-c', path
    ? `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${path} HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' [23][0-9][0-9] '`
    : `exec 3<>/dev/tcp/127.0.0.1/${port}`];
}

/** On UBI language images (default user 1001) steps that install or create files run as root first. */
export function rootFirst(image: BaseImage): string[] {
  return image.nonRootDefault ? ['USER 0'] : [];
}

/** Leading `NAME=value` assignments of a start command (`PORT=5000 node index.js`), when values are plain. */
export function envPrefix(command: string): { env: string[]; rest: string } {
  const env: string[] = [];
  let rest = command.trim();
  for (let m = /^([A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_./:,@+-]*)\s+/.exec(rest); m; m = /^([A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_./:,@+-]*)\s+/.exec(rest)) {
    // A credential written inline is not copied into the image; Kubernetes and compose wire secrets.
    if (!SECRET_NAME.test(m[1].slice(0, m[1].indexOf('=')))) env.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return { env, rest };
}

/**
 * Splits a simple start command into exec form (leading plain `NAME=value` assignments are dropped: the
 * caller sets them with ENV, see envPrefix). Returns null for anything a shell would interpret (`$VAR`,
 * `&&`, pipes, redirects, quotes, globs), so the caller falls back to the package manager.
 */
export function splitCommand(command: string): string[] | null {
  const trimmed = envPrefix(command).rest;
  if (!trimmed || /[$&|;<>`'"\\*?(){}]/.test(trimmed)) return null;
  const parts = trimmed.split(/\s+/);
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(parts[0])) return null;
  return parts;
}

/** ENV assignments merged by name, later ones winning, in first-seen order. */
export function mergeEnv(...lists: string[][]): string[] {
  const out = new Map<string, string>();
  for (const list of lists) for (const kv of list) out.set(kv.slice(0, kv.indexOf('=')), kv);
  return [...out.values()];
}
