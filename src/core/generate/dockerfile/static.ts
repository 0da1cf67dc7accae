// Static files served by nginx as the non-root app user on 8080: a plain static site, or a Node SPA's
// build output (with index.html fallback for client-side routing).
import { nginxImage } from '../../platform/base-images';
import { SPA_HEALTH } from '../plan';
import { runtimeSetup, runtimeTail, type DockerfileInput } from './context';
import type { Stage } from './render';
import { rootFirst } from './render';

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

export function staticDockerfile(input: DockerfileInput): Stage[] {
  const out = input.plan.app.outputDir?.value;
  return [nginxRuntime(input, out && out !== '.' ? out : '.', null, false)];
}
