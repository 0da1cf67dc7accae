// How a PHP app starts in a container. php-fpm speaks FastCGI, not HTTP, so it needs a web server in
// front (a second process or container); Apache images bind port 80 as root. Parity's images run one
// non-root process that answers HTTP itself, so:
//   Laravel → `php artisan serve --host=0.0.0.0 --port=8000` (Laravel's router script on PHP's server),
//             or `php artisan octane:start --host=0.0.0.0 --port=8000` when laravel/octane is installed;
//   anything with public/index.php (Symfony, Slim, plain) → `php -S 0.0.0.0:8000 -t public` (the port of a
//   `php -S` in composer.json scripts.start instead of 8000, when there is one);
//   an index.php at the top → `php -S 0.0.0.0:8000`.
// A Procfile `web:` line (handled by the provider) beats these.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';

export interface PhpEntry {
  framework: Fact<string> | null;
  start: Fact<string>;
  defaultPort: Fact<number>;
  configPort?: Fact<number> | null;
}

const FRAMEWORKS: { id: string; package: string }[] = [
  { id: 'symfony', package: 'symfony/framework-bundle' },
  { id: 'slim', package: 'slim/slim' },
  { id: 'lumen', package: 'laravel/lumen-framework' },
  { id: 'cakephp', package: 'cakephp/cakephp' },
  { id: 'yii', package: 'yiisoft/yii2' },
];

export function phpEntry(ctx: AppContext, deps: Dependency[], composer: Record<string, unknown>): PhpEntry | undefined {
  const dep = (name: string) => deps.find((d) => d.name === name);
  const laravel = dep('laravel/framework');
  if (laravel && ctx.has('artisan')) {
    const octane = dep('laravel/octane');
    return {
      framework: { value: 'laravel', source: laravel.source },
      start: ctx.fact(`php artisan ${octane ? 'octane:start' : 'serve'} --host=0.0.0.0 --port=8000`, 'artisan'),
      defaultPort: defaultFact(8000, `php artisan ${octane ? 'octane:start' : 'serve'} listens on 8000`),
    };
  }
  const docroot = ctx.has('public/index.php') ? 'public' : ctx.has('index.php') ? '.' : undefined;
  if (!docroot) return undefined;
  const fw = FRAMEWORKS.map((f) => ({ id: f.id, dep: dep(f.package) })).find((f) => f.dep);
  const configPort = startScriptPort(ctx, composer);
  const port = configPort?.value ?? 8000;
  return {
    framework: fw?.dep ? { value: fw.id, source: fw.dep.source } : null,
    start: ctx.fact(docroot === '.' ? `php -S 0.0.0.0:${port}` : `php -S 0.0.0.0:${port} -t public`, docroot === '.' ? 'index.php' : 'public/index.php'),
    defaultPort: defaultFact(8000, "PHP's built-in server is started on 8000"),
    configPort,
  };
}

/**
 * The port of a `php -S host:port` in composer.json `scripts.start` (Slim's skeleton: `php -S localhost:8080
 * -t public`). The host there is usually localhost, useless in a container, so the script is not the start
 * command; its port is kept so the container listens where the project expects.
 */
function startScriptPort(ctx: AppContext, composer: Record<string, unknown>): Fact<number> | null {
  const scripts = composer.scripts;
  const start = scripts !== null && typeof scripts === 'object' ? (scripts as Record<string, unknown>).start : undefined;
  const command = typeof start === 'string' ? start : Array.isArray(start) && typeof start[0] === 'string' ? start[0] : undefined;
  const m = command === undefined ? null : /(?:^|\s)-S\s+[\w.[\]-]{0,100}:(\d{2,5})\b/.exec(command);
  const port = m ? Number(m[1]) : 0;
  return port > 0 && port < 65536 ? ctx.fact(port, 'composer.json', 'scripts.start') : null;
}
