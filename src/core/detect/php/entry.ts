// How a PHP app starts in a container. php-fpm speaks FastCGI, not HTTP, so it needs a web server in
// front (a second process or container); Apache images bind port 80 as root. Parity's images run one
// non-root process that answers HTTP itself, so:
//   Laravel → `php artisan serve --host=0.0.0.0 --port=8000` (Laravel's router script on PHP's server),
//             or `php artisan octane:start --host=0.0.0.0 --port=8000` when laravel/octane is installed;
//   anything with public/index.php (Symfony, Slim, plain) → `php -S 0.0.0.0:8000 -t public`;
//   an index.php at the top → `php -S 0.0.0.0:8000`.
// A Procfile `web:` line (handled by the provider) beats these.
import type { Fact } from '../../model';
import type { AppContext } from '../context';
import { defaultFact } from '../context';
import type { Dependency } from '../provider';

export interface PhpEntry {
  framework: Fact<string> | null;
  start: Fact<string>;
  defaultPort: Fact<number>;
}

const FRAMEWORKS: { id: string; package: string }[] = [
  { id: 'symfony', package: 'symfony/framework-bundle' },
  { id: 'slim', package: 'slim/slim' },
  { id: 'lumen', package: 'laravel/lumen-framework' },
  { id: 'cakephp', package: 'cakephp/cakephp' },
  { id: 'yii', package: 'yiisoft/yii2' },
];

export function phpEntry(ctx: AppContext, deps: Dependency[]): PhpEntry | undefined {
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
  return {
    framework: fw?.dep ? { value: fw.id, source: fw.dep.source } : null,
    start: ctx.fact(docroot === '.' ? 'php -S 0.0.0.0:8000' : 'php -S 0.0.0.0:8000 -t public', docroot === '.' ? 'index.php' : 'public/index.php'),
    defaultPort: defaultFact(8000, "PHP's built-in server is started on 8000"),
  };
}
