// Files that hold credentials. They never enter a build context, whatever a .dockerignore says: the
// rule is by name, case-insensitive (a checkout on a case-insensitive disk is the same file), and for
// config files that are often harmless (.npmrc, .pypirc, .yarnrc.yml) by whether they carry a token.

/** Folders whose whole content is credentials (or VCS data that may embed them). */
const SECRET_DIRS = new Set(['.git', '.ssh', '.aws', '.kube', '.gnupg', '.azure', '.docker']);
/** Files that are credentials by name alone. */
const SECRET_NAMES = new Set(['.git', '.netrc', '_netrc', '.git-credentials', '.pgpass', '.htpasswd', 'kubeconfig', '.dockercfg', 'credentials.json', 'secrets.json']);
const SECRET_EXTENSIONS = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore', '.ppk', '.kubeconfig', '.env'];
/** `id_rsa`, `ID_ECDSA`, `id_ed25519.pub`, `id_work`: SSH key files (no source-code extension). */
const SSH_KEY = /^id_[a-z0-9_-]+(\.pub)?$/;
/** Config files that are secrets only when they carry a token or password. */
const TOKEN_CONFIGS = new Set(['.npmrc', '.pypirc', '.yarnrc.yml', '.yarnrc', '.gemrc', 'pip.conf', '.condarc', 'settings.xml']);
const TOKEN_LINE = /(_authtoken|_auth|_password|npmauthtoken|password|passwd|token|secret)\s*[=:>]/i;

export type SecretVerdict = { secret: true; reason: string } | { secret: false; needsContent?: boolean };

/** Whether one path segment (a file or folder name) marks a secret; `isDir` for folders. */
export function secretByName(name: string, isDir: boolean): SecretVerdict {
  const n = name.toLowerCase();
  if (isDir) return SECRET_DIRS.has(n) ? { secret: true, reason: 'credentials folder' } : { secret: false };
  if (n.startsWith('.env')) return { secret: true, reason: 'environment file' };
  if (SECRET_NAMES.has(n)) return { secret: true, reason: 'credentials file' };
  if (n.startsWith('kubeconfig')) return { secret: true, reason: 'kubeconfig' };
  if (SECRET_EXTENSIONS.some((e) => n.endsWith(e))) return { secret: true, reason: n.endsWith('.env') ? 'environment file' : 'key or certificate' };
  if (SSH_KEY.test(n)) return { secret: true, reason: 'SSH key' };
  if (TOKEN_CONFIGS.has(n)) return { secret: false, needsContent: true };
  return { secret: false };
}

/** For a TOKEN_CONFIGS file: whether its text carries a credential. */
export function configHasToken(text: string): boolean {
  return text.split(/\r?\n/).some((l) => !/^\s*[#;]/.test(l) && TOKEN_LINE.test(l));
}

/** A human list of what is held back, for messages. */
export const SECRETS_NOTE = '.env* and *.env files, .envrc, keys and certificates (*.pem, *.key, *.p12, *.pfx), SSH keys (id_*), .netrc, .git-credentials, kubeconfigs, .aws, .ssh, .kube, .git, and .npmrc/.pypirc/.yarnrc.yml holding tokens are never sent to the engine, whatever the .dockerignore says';
