// Where Parity looks for the engine and what it says when it cannot use it. Resolution reads only env and
// files, so these run without an engine; the "too old" case talks to a fake engine (an HTTP server that
// answers /version like an old dockerd), since no old engine can run here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { clientFor, connectEngine, engineError, resolveEngine } from '../../src/docker/connect';

const none = () => false;

function home(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'parity-home-'));
}

function writeContext(h: string, name: string, host: string, tls = false): void {
  const id = crypto.createHash('sha256').update(name).digest('hex');
  const meta = path.join(h, '.docker', 'contexts', 'meta', id);
  fs.mkdirSync(meta, { recursive: true });
  fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  fs.writeFileSync(path.join(h, '.docker', 'config.json'), JSON.stringify({ currentContext: name }));
  if (tls) {
    const dir = path.join(h, '.docker', 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `${f} of ${name}`);
  }
}

test('an explicit setting wins over DOCKER_HOST, which wins over the Docker context', () => {
  const h = home();
  writeContext(h, 'remote', 'tcp://10.0.0.5:2375');
  const env = { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' };
  assert.deepEqual(resolveEngine({ explicit: '/tmp/x.sock', env, home: h, exists: none }), { url: 'unix:///tmp/x.sock', source: '--docker-host', socketPath: '/tmp/x.sock' });
  assert.equal(resolveEngine({ env, home: h, exists: none }).socketPath, '/run/user/1000/docker.sock');
  const ctx = resolveEngine({ env: {}, home: h, exists: none });
  assert.equal(ctx.source, 'docker context "remote"');
  assert.equal(ctx.host, '10.0.0.5');
  assert.equal(ctx.port, 2375);
  assert.equal(ctx.protocol, 'http');
});

test('DOCKER_HOST tcp with TLS reads DOCKER_CERT_PATH', () => {
  const certs = home();
  for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, f), f);
  const t = resolveEngine({ env: { DOCKER_HOST: 'tcp://build.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, home: home(), exists: none });
  assert.equal(t.protocol, 'https');
  assert.equal(t.host, 'build.example');
  assert.equal(t.tls?.ca?.toString(), 'ca.pem');
  assert.equal(t.tls?.key?.toString(), 'key.pem');
  assert.equal(resolveEngine({ env: { DOCKER_HOST: 'tcp://build.example:2375' }, home: home(), exists: none }).protocol, 'http');
});

test('a context with TLS material uses it; DOCKER_CONTEXT overrides config.json', () => {
  const h = home();
  writeContext(h, 'secure', 'tcp://prod-builder:2376', true);
  writeContext(h, 'other', 'unix:///other.sock');
  const t = resolveEngine({ env: { DOCKER_CONTEXT: 'secure' }, home: h, exists: none });
  assert.equal(t.protocol, 'https');
  assert.equal(t.tls?.cert?.toString(), 'cert.pem of secure');
  assert.equal(resolveEngine({ env: {}, home: h, exists: none }).socketPath, '/other.sock');
});

test('the default context, then a Podman socket, then the default socket', () => {
  const h = home();
  fs.mkdirSync(path.join(h, '.docker'));
  fs.writeFileSync(path.join(h, '.docker', 'config.json'), JSON.stringify({ currentContext: 'default' }));
  const podman = '/run/user/1000/podman/podman.sock';
  const withPodman = resolveEngine({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, home: h, exists: (p) => p === podman });
  assert.deepEqual(withPodman, { url: `unix://${podman}`, source: 'Podman socket', socketPath: podman });
  assert.deepEqual(resolveEngine({ env: {}, home: h, exists: none }), { url: 'unix:///var/run/docker.sock', source: 'default socket', socketPath: '/var/run/docker.sock' });
});

test('a broken context or host is a readable error, not a crash', () => {
  const h = home();
  fs.mkdirSync(path.join(h, '.docker'));
  fs.writeFileSync(path.join(h, '.docker', 'config.json'), JSON.stringify({ currentContext: 'gone' }));
  assert.throws(() => resolveEngine({ env: {}, home: h, exists: none }), /docker context "gone" is selected but .* is missing/);
  assert.throws(() => resolveEngine({ env: { DOCKER_HOST: 'ftp://x' }, home: h, exists: none }), /unsupported scheme 'ftp:'/);
});

test('socket errors say what to do: not running, permission denied', () => {
  const target = { url: 'unix:///var/run/docker.sock', source: 'default socket', socketPath: '/var/run/docker.sock' };
  const enoent = engineError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), target);
  assert.match(enoent.message, /^Docker engine not running: nothing answers at unix:\/\/\/var\/run\/docker\.sock \(default socket\)/);
  const refused = engineError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), target);
  assert.match(refused.message, /^Docker engine not running/);
  const denied = engineError(Object.assign(new Error('connect EACCES'), { code: 'EACCES' }), target);
  assert.match(denied.message, /^permission denied on the Docker socket/);
  assert.match(denied.message, /usermod -aG docker \$USER/);
  assert.match(denied.message, /rootless/);
});

test('fake engine: an engine older than API 1.40 is refused with the version it reported', async () => {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.url?.endsWith('/version') ? { ApiVersion: '1.24', Version: '1.12.6' } : {}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    await assert.rejects(connectEngine({ explicit: `tcp://127.0.0.1:${port}`, env: {} }), /too old: API 1\.24 \(Docker 1\.12\.6\), Parity needs API 1\.40/);
  } finally {
    server.close();
  }
});

test('nothing contacts the engine until connectEngine() is awaited', async () => {
  let connections = 0;
  const server = net.createServer((sock) => { connections++; sock.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const explicit = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  try {
    const target = resolveEngine({ explicit, env: {}, home: home(), exists: none });
    clientFor(target);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(connections, 0, 'resolving and constructing the client dialled the engine');
    await assert.rejects(connectEngine({ explicit, env: {} }));
    assert.ok(connections >= 1, 'connectEngine dialled the engine');
  } finally {
    server.close();
  }
});

test('permission denied on a real socket: a user outside the socket group gets the docker-group / rootless advice', async (t) => {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
  if (process.getuid?.() !== 0 || !setpriv) {
    t.skip('needs root and setpriv to run a client as an unprivileged user');
    return;
  }
  const sock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-eacces-')), 'engine.sock');
  fs.chmodSync(path.dirname(sock), 0o755);
  const server = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(sock, () => r()));
  fs.chmodSync(sock, 0o600); // like /var/run/docker.sock for a user not in the docker group
  try {
    const script = `require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'docker', 'connect.ts'))}).connectEngine({ explicit: 'unix://${sock}' }).then(() => console.log('connected'), (e) => console.log(e.message))`;
    const { execFile } = await import('node:child_process');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '-e', script], { cwd: path.join(__dirname, '..', '..') }, (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out))),
    );
    assert.match(stdout, new RegExp(`^permission denied on the Docker socket unix://${sock.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(--docker-host\\)`));
    assert.match(stdout, /sudo usermod -aG docker \$USER/);
  } finally {
    server.close();
  }
});
