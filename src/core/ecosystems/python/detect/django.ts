// Django: manage.py names the settings module; settings name the WSGI/ASGI callable
// (`WSGI_APPLICATION`, `ASGI_APPLICATION`, else `<project>/wsgi.py` / `asgi.py`). The server is the one the
// project installs: gunicorn (WSGI) when declared, else uvicorn or daphne (ASGI), else gunicorn; all on 8000.
// `STATIC_ROOT` in settings means the image build runs collectstatic.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { depth, lineIndex, type PythonEntry } from './entry';
import { gunicornCommand, gunicornConf, type GunicornConf } from './gunicorn';

type Server = 'gunicorn' | 'uvicorn' | 'daphne';

export function djangoEntry(ctx: AppContext, deps: Dependency[]): PythonEntry | undefined {
  const manage = ctx.read('manage.py');
  if (manage === undefined) return undefined;
  const settingsModule = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]/.exec(manage)?.[1];
  const project = settingsModule?.split('.')[0] ?? firstWsgiPackage(ctx);
  const settingsFiles = settingsFilesOf(ctx, settingsModule);
  const dep = deps.find((d) => d.name === 'django');
  const has = (name: string) => deps.some((d) => d.name === name);
  const server: Server = has('gunicorn') ? 'gunicorn' : has('uvicorn') ? 'uvicorn' : has('daphne') ? 'daphne' : 'gunicorn';
  const conf = server === 'gunicorn' ? gunicornConf(ctx) : undefined;
  return {
    framework: dep ? { value: 'django', source: dep.source } : ctx.fact('django', 'manage.py'),
    start: serverStart(ctx, server, conf, settingsFiles, project),
    build: collectstatic(ctx, settingsFiles),
    defaultPort: defaultFact(8000, `${server} serves Django on 8000`),
    configPort: conf?.configPort ?? null,
    name: project,
  };
}

function command(server: Server, target: string, conf: GunicornConf | undefined): string {
  if (server === 'uvicorn') return `uvicorn ${target} --host 0.0.0.0 --port 8000`;
  if (server === 'daphne') return `daphne -b 0.0.0.0 -p 8000 ${target}`;
  return gunicornCommand(target, 8000, conf);
}

function serverStart(ctx: AppContext, server: Server, conf: GunicornConf | undefined, settingsFiles: string[], project: string | undefined): Fact<string> | null {
  const kind = server === 'gunicorn' ? 'WSGI' : 'ASGI';
  for (const file of settingsFiles) {
    const text = ctx.read(file) ?? '';
    const m = new RegExp(`^${kind}_APPLICATION[ \\t]*=[ \\t]*['"]([\\w.]+)\\.(\\w+)['"]`, 'm').exec(text);
    if (m) return ctx.fact(command(server, `${m[1]}:${m[2]}`, conf), file, lineIndex(text, m.index));
  }
  const module = kind.toLowerCase();
  if (project && ctx.has(`${project}/${module}.py`)) return ctx.fact(command(server, `${project}.${module}:application`, conf), `${project}/${module}.py`);
  return null;
}

function collectstatic(ctx: AppContext, settingsFiles: string[]): Fact<string> | null {
  for (const file of settingsFiles) {
    const text = ctx.read(file) ?? '';
    const m = /^STATIC_ROOT[ \t]*=/m.exec(text);
    if (m) return ctx.fact('python manage.py collectstatic --noinput', file, lineIndex(text, m.index));
  }
  return null;
}

/**
 * Files to look in for settings: `mysite.settings` → `mysite/settings.py`; a split-settings package
 * (`mysite/settings/`, or `mysite.settings.production`) → the named module, then the package's other files.
 */
function settingsFilesOf(ctx: AppContext, module: string | undefined): string[] {
  if (!module) return ctx.files.filter((f) => /^[^/]+\/settings\.py$/.test(f));
  const path = module.split('.').join('/');
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const pkg = ctx.has(`${path}.py`) ? (parent.endsWith('settings') ? parent : undefined) : path;
  const own = [`${path}.py`, `${path}/__init__.py`].filter((f) => ctx.has(f));
  const siblings = pkg === undefined ? [] : ctx.files.filter((f) => f.startsWith(`${pkg}/`) && f.endsWith('.py') && depth(f) === depth(`${pkg}/x`));
  return [...new Set([...own, ...siblings])];
}

function firstWsgiPackage(ctx: AppContext): string | undefined {
  return ctx.files.find((f) => /^[^/]+\/wsgi\.py$/.test(f))?.split('/')[0];
}
