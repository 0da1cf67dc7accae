// PHP: Composer installs production dependencies in its own image; Apache + mod_php serves the app on
// 8080 as the app user (Debian php:<v>-apache; UBI php image on RHEL).
import { chooseImages } from '../../platform/image-rules';
import { images } from './images';
import { phpHealth } from './health';
import { cache, lockfileOf, copyManifests, runtimeSetup, runtimeTail, gidOf, type DockerfileInput } from '../../generate/dockerfile/context';
import { createUser, installCommands, nativePackages, rootFirst, run, type Stage } from '../../generate/dockerfile/render';

export const LABEL = 'PHP';

/** Extensions compiled into the official php images already. */
const BUILT_IN = new Set(['ctype', 'curl', 'dom', 'fileinfo', 'filter', 'ftp', 'hash', 'iconv', 'json', 'libxml', 'mbstring', 'mysqlnd', 'openssl', 'pcre', 'pdo', 'pdo_sqlite', 'phar', 'posix', 'readline', 'session', 'simplexml', 'sodium', 'sqlite3', 'tokenizer', 'xml', 'xmlreader', 'xmlwriter', 'zlib']);
/** Extensions that come from PECL instead of docker-php-ext-install. */
const PECL = new Set(['redis', 'mongodb', 'imagick', 'apcu', 'memcached', 'amqp']);

export function phpAppRoot(family: string): string {
  return family === 'rhel' ? '/opt/app-root/src' : '/var/www/html';
}

export function phpDockerfile(input: DockerfileInput): Stage[] {
  const { plan } = input;
  const app = plan.app;
  const choice = chooseImages(images, LABEL, { family: input.family, detected: app.runtimeVersion });
  input.warnings.push(...choice.warnings);
  const family = choice.runtime.pkg === 'apt' ? 'debian' : 'rhel';
  const laravel = /laravel/i.test(app.framework?.value ?? '');
  const root = phpAppRoot(family);
  const deps: Stage = {
    from: choice.build.ref, as: 'deps', comment: ['Composer resolves production dependencies; platform checks happen in the runtime image.'],
    lines: [
      'WORKDIR /app',
      copyManifests(['composer.json', lockfileOf(input)]),
      run(['composer install --no-dev --no-interaction --no-progress --no-scripts --no-autoloader --prefer-dist --ignore-platform-reqs'], cache(input, '/tmp/cache')),
      'COPY . .',
      run(['composer dump-autoload --no-dev --optimize']),
    ],
  };
  const exts = app.nativeDeps.map((d) => d.package).filter((p) => p.startsWith('ext-')).map((p) => p.slice(4)).filter((e) => !BUILT_IN.has(e)).sort();
  const writable = plan.writablePaths.filter((p) => p !== '/tmp');
  const lines: string[] = [...rootFirst(choice.runtime)];
  if (family === 'debian') {
    const buildPkgs = nativePackages(app.nativeDeps, 'debian', 'build');
    const core = exts.filter((e) => !PECL.has(e));
    const pecl = exts.filter((e) => PECL.has(e));
    const cmds = [
      ...installCommands('apt', [...buildPkgs, ...nativePackages(app.nativeDeps, 'debian', 'runtime')]).filter((c) => !c.startsWith('rm ')),
      ...(core.length ? [`docker-php-ext-install -j"$(nproc)" ${core.join(' ')}`] : []),
      ...(pecl.length ? [`pecl install ${pecl.join(' ')}`, `docker-php-ext-enable ${pecl.join(' ')}`] : []),
    ];
    if (cmds.length) lines.push(run([...cmds, ...(cmds.some((c) => c.startsWith('apt-get')) ? ['rm -rf /var/lib/apt/lists/*'] : [])]));
    lines.push(run([
      `sed -ri 's/^Listen 80$/Listen ${plan.port}/' /etc/apache2/ports.conf`,
      `sed -ri 's/<VirtualHost \\*:80>/<VirtualHost *:${plan.port}>/' /etc/apache2/sites-available/000-default.conf`,
      ...(laravel ? [`sed -ri 's#DocumentRoot /var/www/html$#DocumentRoot /var/www/html/public#' /etc/apache2/sites-available/000-default.conf`] : []),
      'a2enmod rewrite',
      'mv "$PHP_INI_DIR/php.ini-production" "$PHP_INI_DIR/php.ini"',
    ]));
    lines.push(run(createUser(choice.runtime, plan.uid, root)));
  } else {
    lines.push(...runtimeSetup(input, choice.runtime, root));
    if (laravel) lines.push('ENV DOCUMENTROOT=/public');
  }
  lines.push(`WORKDIR ${root}`, `COPY --from=deps /app ${root}`);
  const own = writable;
  if (own.length) lines.push(run([`mkdir -p ${own.join(' ')}`, `chown -R ${plan.uid}:${gidOf(input)} ${own.join(' ')}`]));
  // writable paths were chowned above; the shared tail must not repeat it.
  const tailInput = { ...input, plan: { ...plan, writablePaths: ['/tmp'] } };
  lines.push(...runtimeTail(tailInput, choice.runtime, phpHealth, family === 'debian' ? ['apache2-foreground'] : ['/usr/libexec/s2i/run']));
  return [deps, { from: choice.runtime.ref, comment: [choice.note], lines }];
}
