// Static files served by nginx as the non-root app user on 8080: a plain static site, or a Node SPA's
// build output (with index.html fallback for client-side routing).
import { nginxImage } from '../../platform/image-rules';
import { SPA_HEALTH, joinPath } from '../../generate/plan';
import { runtimeSetup, runtimeTail, type DockerfileInput } from '../../generate/dockerfile/context';
import type { Stage } from '../../generate/dockerfile/render';
import { installCommands, rootFirst, run } from '../../generate/dockerfile/render';

export const LABEL = 'Static site';

export const WEB_ROOT = '/srv/www';

/** nginx.conf for an unprivileged nginx: pid and temp files in /tmp, logs to stdout/stderr. */
export function nginxConf(port: number, spa: boolean): string[] {
  return [
    'worker_processes auto;',
    'pid /tmp/nginx.pid;',
    'error_log /dev/stderr warn;',
    'events { worker_connections 1024; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log /dev/stdout;',
    '  sendfile on;',
    '  server_tokens off;',
    '  client_body_temp_path /tmp/client_temp;',
    '  proxy_temp_path /tmp/proxy_temp;',
    '  fastcgi_temp_path /tmp/fastcgi_temp;',
    '  uwsgi_temp_path /tmp/uwsgi_temp;',
    '  scgi_temp_path /tmp/scgi_temp;',
    '  server {',
    `    listen ${port};`,
    `    root ${WEB_ROOT};`,
    `    location = ${SPA_HEALTH} { access_log off; return 200; }`,
    spa ? '    location / { try_files $uri $uri/ /index.html; }' : '    location / { try_files $uri $uri/ =404; }',
    '  }',
    '}',
  ];
}

export function nginxRuntime(input: DockerfileInput, from: string, fromStage: string | null, spa: boolean): Stage {
  const image = nginxImage(input.family);
  const conf = nginxConf(input.plan.port!, spa);
  const write = `printf '%s\\n' \\\n      ${conf.map((l) => `'${l}'`).join(' \\\n      ')} \\\n      > /etc/nginx/nginx.conf`;
  return {
    from: image.ref,
    comment: ['nginx serves the files as the non-root app user on an unprivileged port.'],
    lines: [
      ...rootFirst(image),
      ...runtimeSetup(input, image, WEB_ROOT, [], [write, `mkdir -p ${WEB_ROOT}`]),
      `COPY ${fromStage ? `--from=${fromStage} ` : ''}${from} ${WEB_ROOT}`,
      ...runtimeTail(input, image, 'shell', ['nginx', '-g', 'daemon off;'], { startPeriod: '5s' }),
    ],
  };
}

/** Site generators Parity knows how to run in a build stage; the output is plain files, so any family. */
function generatorStage(input: DockerfileInput): Stage | null {
  const app = input.plan.app;
  const fw = app.framework?.value.toLowerCase() ?? '';
  const build = app.build?.value;
  if (!build) return null;
  if (fw === 'hugo') {
    return {
      from: 'debian:bookworm-slim', as: 'build', comment: ["Hugo from Debian 12's package (the site's files are the same on any base)."],
      lines: [run(installCommands('apt', ['ca-certificates', 'git', 'hugo'])), 'WORKDIR /site', 'COPY . .', run([build])],
    };
  }
  if (fw === 'jekyll') {
    return {
      from: 'ruby:3.3-slim-bookworm', as: 'build', comment: ['Jekyll runs on Ruby; the site\'s files are the same on any base.'],
      lines: [run(installCommands('apt', ['build-essential'])), 'WORKDIR /site', 'COPY Gemfile* ./', run(['bundle install']), 'COPY . .', run([`JEKYLL_ENV=production ${build}`])],
    };
  }
  input.warnings.push(`the site is built with '${build}', which Parity does not run in the image: build it before docker build`);
  return null;
}

export function staticDockerfile(input: DockerfileInput): Stage[] {
  const out = input.plan.app.outputDir?.value;
  const dir = out && out !== '.' ? out : '.';
  const build = generatorStage(input);
  if (build) return [build, nginxRuntime(input, joinPath('/site', dir), 'build', false)];
  return [nginxRuntime(input, dir, null, false)];
}
