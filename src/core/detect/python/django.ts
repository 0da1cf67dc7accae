// Django: manage.py names the settings module; settings `WSGI_APPLICATION` (or `<project>/wsgi.py`) names
// the WSGI callable that gunicorn serves on 8000. `STATIC_ROOT` in settings means the image build runs
// collectstatic.
import type { Fact } from '../../model';
import type { AppContext } from '../context';
import { defaultFact } from '../context';
import type { Dependency } from '../provider';
import { depth, lineIndex, type PythonEntry } from './entry';

export function djangoEntry(ctx: AppContext, deps: Dependency[]): PythonEntry | undefined {
  const manage = ctx.read('manage.py');
  if (manage === undefined) return undefined;
  const settingsModule = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)['"]/.exec(manage)?.[1];
  const project = settingsModule?.split('.')[0] ?? firstWsgiPackage(ctx);
  const settingsFiles = settingsFilesOf(ctx, settingsModule);
  const dep = deps.find((d) => d.name === 'django');
  return {
    framework: dep ? { value: 'django', source: dep.source } : ctx.fact('django', 'manage.py'),
    start: wsgiStart(ctx, settingsFiles, project),
    build: collectstatic(ctx, settingsFiles),
    defaultPort: defaultFact(8000, 'gunicorn serves Django on 8000'),
    name: project,
  };
}

function gunicorn(module: string, callable: string): string {
  return `gunicorn ${module}:${callable} --bind 0.0.0.0:8000`;
}

function wsgiStart(ctx: AppContext, settingsFiles: string[], project: string | undefined): Fact<string> | null {
  for (const file of settingsFiles) {
    const text = ctx.read(file) ?? '';
    const m = /^WSGI_APPLICATION[ \t]*=[ \t]*['"]([\w.]+)\.(\w+)['"]/m.exec(text);
    if (m) return ctx.fact(gunicorn(m[1], m[2]), file, lineIndex(text, m.index));
  }
  if (project && ctx.has(`${project}/wsgi.py`)) return ctx.fact(gunicorn(`${project}.wsgi`, 'application'), `${project}/wsgi.py`);
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
