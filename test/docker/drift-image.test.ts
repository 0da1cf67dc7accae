// Image-mode drift against real images built here through the Engine API. No registry is reachable, so
// the images are assembled FROM scratch out of files on this machine:
//  - a musl image made of Debian's `musl` package (its loader/libc) and binaries compiled now;
//  - a STAND-IN that only carries CentOS 7's os-release next to this machine's glibc loader. It is not
//    a CentOS image; it tests that the probe believes os-release when no package database says more.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { requireEngine } from '../helpers/docker';
import { buildTestImage, removeTestImages } from './drift-images';
import { probeImage } from '../../src/docker/probe';
import { evaluate, targetFromSpec } from '../../src/core/drift';
import { DiskRepo } from '../../src/core/repo';
import { compileC, hasTool, HELLO_C } from '../unit/drift/native-build';
import { tempDir, writeFile } from '../unit/drift/harness';
import { stubLibrary } from '../unit/drift/scenarios';

const TAG = `parity-drift-test-${process.pid}`;
after(removeTestImages);
const buildImage = buildTestImage;

/** Probe containers left from this image (other suites may probe other images at the same time). */
async function probeContainers(docker: Docker, image: string): Promise<number> {
  return (await docker.listContainers({ all: true, filters: { label: ['dev.parity.probe'], ancestor: [image] } })).length;
}

test('a musl image assembled from Debian\'s musl package: libc, config, artifacts, wheels; LIBC_FAMILY, WHEEL_TAG and TZ_LOCALE fire with image evidence', { skip: !hasTool('musl-gcc') && 'musl-gcc not installed' }, async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  const work = tempDir();
  const hello = fs.readFileSync(compileC('musl-gcc', HELLO_C, path.join(work, 'hello')));
  const legacy = fs.readFileSync(compileC('gcc', HELLO_C, path.join(work, 'legacy')));
  const tag = await buildImage(engine.docker, `${TAG}-musl`, {
    Dockerfile: 'FROM scratch\nCOPY lib/ /lib/\nCOPY app/ /app/\nCOPY usr/ /usr/\nUSER 1000\nEXPOSE 8080\nENTRYPOINT ["/app/hello"]\n',
    'lib/ld-musl-x86_64.so.1': fs.readFileSync('/usr/lib/x86_64-linux-musl/libc.so'),
    'app/hello': hello,
    'app/legacy': legacy,
    'usr/lib/python3.12/site-packages/numpy-1.26.4.dist-info/WHEEL': 'Wheel-Version: 1.0\nTag: cp312-cp312-manylinux_2_17_x86_64\n',
  }, { 'app/hello': 0o755, 'app/legacy': 0o755, 'lib/ld-musl-x86_64.so.1': 0o755 });

  const image = await probeImage(engine.docker, tag);
  assert.equal(await probeContainers(engine.docker, tag), 0, 'the temporary container is removed');
  assert.equal(image.libc.family, 'musl');
  assert.equal(image.libc.source, '/lib/ld-musl-x86_64.so.1');
  assert.equal(image.arch, 'amd64');
  assert.equal(image.user, '1000');
  assert.deepEqual(image.exposedPorts, [8080]);
  assert.deepEqual(image.entrypoint, ['/app/hello']);
  assert.equal(image.packageDb, 'none');
  assert.equal(image.hasZoneinfo, false);
  assert.equal(image.osRelease, undefined);
  assert.deepEqual(image.artifacts.map((a) => 'path' in a.location && a.location.path), ['/app/hello', '/app/legacy']);

  const project = tempDir();
  writeFile(project, 'go.mod', 'module example.com/x\n\ngo 1.22\n');
  writeFile(project, 'main.go', 'package main\n\nimport "time"\n\nfunc main() { _, _ = time.LoadLocation("America/New_York") }\n');
  const findings = evaluate({ repo: new DiskRepo(project), target: targetFromSpec({ name: 'prod', os: 'debian12', arch: 'amd64', runtime: 'kubernetes', source: 'parity.yaml > targets.prod' }), image });
  const libc = findings.filter((f) => f.id === 'LIBC_FAMILY');
  assert.equal(libc.length, 1, JSON.stringify(findings.map((f) => f.title)));
  assert.deepEqual(libc[0].evidence[0], { image: tag, path: '/app/legacy', excerpt: 'PT_INTERP /lib64/ld-linux-x86-64.so.2' });
  assert.deepEqual(libc[0].evidence[1], { image: tag, path: '/lib/ld-musl-x86_64.so.1' });
  assert.deepEqual(image.runtimes, { python: '3.12' });
  const wheel = findings.filter((f) => f.id === 'WHEEL_TAG');
  assert.equal(wheel.length, 1);
  assert.deepEqual(wheel[0].evidence[0], { image: tag, path: '/usr/lib/python3.12/site-packages/numpy-1.26.4.dist-info/WHEEL', excerpt: 'Tag: manylinux_2_17_x86_64' });
  const tz = findings.filter((f) => f.id === 'TZ_LOCALE');
  assert.equal(tz.length, 1);
  assert.deepEqual(tz[0].evidence[1], { image: tag, path: '/usr/share/zoneinfo' });
});

test('a stand-in image carrying only CentOS 7\'s os-release (not a real CentOS image): glibc 2.17 from os-release → GLIBC_FLOOR; a library not in the image → SYSLIB_MISSING; root user → ROOT_USER', async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  const work = tempDir();
  const server = fs.readFileSync(compileC('gcc', HELLO_C, path.join(work, 'server')));
  const pg = fs.readFileSync(compileC('gcc', HELLO_C, path.join(work, 'pg'), [`-L${stubLibrary('libpq.so.5')}`, '-Wl,--no-as-needed', '-lpq']));
  const tag = await buildImage(engine.docker, `${TAG}-centos7-standin`, {
    Dockerfile: 'FROM scratch\nCOPY etc/ /etc/\nCOPY lib64/ /lib64/\nCOPY app/ /app/\nCMD ["/app/server"]\n',
    'etc/os-release': 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n',
    'lib64/ld-linux-x86-64.so.2': fs.readFileSync('/lib64/ld-linux-x86-64.so.2'),
    'app/server': server,
    'app/pg': pg,
  }, { 'app/server': 0o755, 'app/pg': 0o755, 'lib64/ld-linux-x86-64.so.2': 0o755 });

  const image = await probeImage(engine.docker, tag);
  assert.equal(image.distro, 'centos7');
  assert.equal(image.libc.family, 'glibc');
  assert.equal(image.libc.version, '2.17');
  assert.match(image.libc.source, /os-release centos 7/);
  assert.equal(image.user, '');

  const project = tempDir();
  writeFile(project, 'Dockerfile', 'FROM scratch\nCOPY server /app/server\nCMD ["/app/server"]\n');
  writeFile(project, 'k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: server\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: server\n          image: registry.example.com/server:1\n');
  const findings = evaluate({ repo: new DiskRepo(project), target: targetFromSpec({ name: 'prod', os: 'rhel9', arch: 'amd64', runtime: 'kubernetes', source: 'parity.yaml > targets.prod' }), image });
  const floor = findings.find((f) => f.id === 'GLIBC_FLOOR' && 'path' in f.evidence[0] && f.evidence[0].path === '/app/server');
  assert.ok(floor, JSON.stringify(findings.map((f) => f.title)));
  assert.match(floor.title, /needs GLIBC_2\.\d+, image .* has glibc 2\.17/);
  assert.deepEqual(floor.evidence[0], { image: tag, path: '/app/server', excerpt: floor.evidence[0].excerpt });
  const syslib = findings.filter((f) => f.id === 'SYSLIB_MISSING');
  assert.deepEqual(syslib.map((f) => [f.severity, f.title, f.evidence[0]]), [['error', `libpq.so.5 missing in image ${tag}`, { image: tag, path: '/app/pg', excerpt: 'DT_NEEDED libpq.so.5' }]]);
  const root = findings.find((f) => f.id === 'ROOT_USER' && f.severity === 'error');
  assert.ok(root);
  assert.deepEqual(root.evidence[0], { image: tag, path: 'config > User', excerpt: '(unset: root)' });
});

test('probing debian:bookworm-slim (the CI stand-in) reads dpkg: libc6 2.36, Debian 12, the library names', async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  const present = await engine.docker.getImage('debian:bookworm-slim').inspect().then(() => true, () => false);
  if (!present) return t.skip('debian:bookworm-slim is not in this engine (.ci/steps/20-standin-images.sh builds it)');
  const image = await probeImage(engine.docker, 'debian:bookworm-slim');
  assert.equal(image.distro, 'debian12');
  assert.equal(image.packageDb, 'dpkg');
  assert.ok(image.packages.includes('libc6'));
  assert.equal(image.libc.family, 'glibc');
  assert.equal(image.libc.version, '2.36');
  assert.ok(image.libraries.includes('libc.so.6'));
});

test('an image that does not exist: a clear error, no container left behind', async (t) => {
  const engine = await requireEngine(t);
  if (!engine) return;
  await assert.rejects(probeImage(engine.docker, 'parity-no-such-image:never'), /image parity-no-such-image:never not found/);
  const all = await engine.docker.listContainers({ all: true, filters: { label: ['dev.parity.probe'] } });
  assert.ok(all.every((c) => c.Image !== 'parity-no-such-image:never'));
});
