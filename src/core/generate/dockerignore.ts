// .dockerignore: keep VCS data, dependencies, build output, secrets, editor files and coverage out of the
// build context. A user's own .dockerignore is merged: every line kept, missing entries appended in a
// marked block that later runs update in place.
import type { AppProfile } from '../model';
import { BLOCK_END, BLOCK_START, bodyHash } from './header';
import { moduleOf } from '../ecosystems';

const COMMON = {
  vcs: ['.git', '.gitignore', '.gitattributes', '.hg', '.svn'],
  secrets: ['.env', '.env.*', '!.env.example', '**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx', '**/id_rsa*', '**/id_dsa*', '**/id_ecdsa*', '**/id_ed25519*', '**/.ssh', '**/.aws', '**/.npmrc.local', '*.kubeconfig'],
  editor: ['.vscode', '.idea', '**/*.swp', '**/*.swo', '**/.DS_Store', '**/Thumbs.db'],
  coverage: ['coverage', '.nyc_output', 'htmlcov', '.coverage', 'junit.xml'],
  container: ['compose.yaml', 'compose.*.yaml', 'docker-compose*.yml', '.parity-cache'],
};

function ecosystemEntries(app: AppProfile): string[] {
  return moduleOf(app.ecosystem).dockerignore(app);
}

/** Every entry Parity wants for the apps built from one context, grouped with a comment per group. */
export function dockerignoreGroups(apps: AppProfile[], k8sDir: string): [string, string[]][] {
  const container = [...COMMON.container, `**/${k8sDir}`];
  return [
    ['Version control', COMMON.vcs],
    ['Dependencies and build output (rebuilt inside the image)', [...new Set(apps.flatMap(ecosystemEntries))]],
    ['Secrets and keys: never in a build context', COMMON.secrets],
    ['Editor and OS files', COMMON.editor],
    ['Test coverage', COMMON.coverage],
    ['Container and deployment files', [...new Set(container)]],
  ];
}

export function dockerignoreBody(apps: AppProfile[], k8sDir: string): string {
  return dockerignoreGroups(apps, k8sDir).map(([title, entries]) => [`# ${title}`, ...entries].join('\n')).join('\n\n') + '\n';
}

/**
 * Merges Parity's entries into a user's .dockerignore: the user's lines stay as they are; entries they
 * lack go in a marked block at the end (replacing the block of an earlier run).
 */
export function mergeDockerignore(existing: string, apps: AppProfile[], k8sDir: string, regenerate: string): string {
  const text = existing.replace(/\r\n/g, '\n');
  const start = text.indexOf(BLOCK_START);
  const endAt = start >= 0 ? text.indexOf(BLOCK_END, start) : -1;
  const user = start >= 0 ? text.slice(0, start) + (endAt >= 0 ? text.slice(endAt + BLOCK_END.length).replace(/^\n/, '') : '') : text;
  const have = new Set(user.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(normalize));
  const missing = dockerignoreGroups(apps, k8sDir).flatMap(([, entries]) => entries).filter((e) => !have.has(normalize(e)));
  const userPart = user.replace(/\n*$/, '\n');
  if (missing.length === 0) return userPart;
  const block = missing.join('\n') + '\n';
  return [
    userPart.trim() ? userPart + '\n' : '',
    BLOCK_START, '\n',
    `# Regenerate: ${regenerate}\n`,
    `# parity-block-hash: ${bodyHash(block)}\n`,
    block,
    BLOCK_END, '\n',
  ].join('');
}

function normalize(entry: string): string {
  return entry.replace(/^\/+/, '').replace(/^\*\*\//, '').replace(/\/+$/, '');
}
