// The cluster target, read through @kubernetes/client-node from a FAKE Kubernetes API server: a small
// HTTP server on 127.0.0.1 that answers only GET /api/v1/nodes (the one call the probe makes), with a
// temporary kubeconfig pointing at it. No real cluster can run here.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { targetFromCluster } from '../../../src/kube/target';
import { evaluate } from '../../../src/core/drift';
import { MemoryRepo } from '../../../src/core/repo';
import { readElf } from '../../../src/core/elf';
import { handmadeElf64, EM_X86_64 } from './native-build';
import { tempDir, writeFile } from './harness';

const NODES = {
  kind: 'NodeList', apiVersion: 'v1', metadata: {},
  items: [
    { metadata: { name: 'worker-b' }, status: { nodeInfo: { osImage: 'Ubuntu 22.04.4 LTS', architecture: 'arm64', kernelVersion: '5.15.0-1051-aws', containerRuntimeVersion: 'containerd://1.7.12', operatingSystem: 'linux', kubeletVersion: 'v1.29.0', kubeProxyVersion: 'v1.29.0', machineID: 'b', systemUUID: 'b', bootID: 'b' } } },
    { metadata: { name: 'worker-a' }, status: { nodeInfo: { osImage: 'Ubuntu 22.04.4 LTS', architecture: 'amd64', kernelVersion: '5.15.0-1051-aws', containerRuntimeVersion: 'containerd://1.7.12', operatingSystem: 'linux', kubeletVersion: 'v1.29.0', kubeProxyVersion: 'v1.29.0', machineID: 'a', systemUUID: 'a', bootID: 'a' } } },
  ],
};

const requests: string[] = [];
let mode: 'ok' | 'forbidden' = 'ok';
const server = http.createServer((req, res) => {
  requests.push(`${req.method} ${req.url?.split('?')[0]} ${req.headers.authorization ?? ''}`);
  if (req.method === 'GET' && req.url?.startsWith('/api/v1/nodes')) {
    if (mode === 'forbidden') {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'nodes is forbidden', reason: 'Forbidden', code: 403 }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(NODES));
    return;
  }
  res.writeHead(404).end();
});
after(() => server.close());

async function kubeconfig(): Promise<string> {
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const dir = tempDir('parity-kube-');
  const file = path.join(dir, 'config');
  writeFile(dir, 'config', `apiVersion: v1
kind: Config
clusters:
  - name: fake
    cluster: { server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true }
users:
  - name: dev
    user: { token: fake-token }
contexts:
  - name: fake-prod
    context: { cluster: fake, user: dev }
  - name: other
    context: { cluster: fake, user: dev }
current-context: other
`);
  return file;
}

test('fake Kubernetes API: nodes of the named context become the target (os from osImage, every arch)', async () => {
  mode = 'ok';
  const t = await targetFromCluster({ name: 'prod', context: 'fake-prod', kubeconfig: await kubeconfig() });
  assert.equal(t.source, 'kubeconfig context fake-prod');
  assert.equal(t.os, 'ubuntu22.04');
  assert.equal(t.distro?.libcVersion, '2.35');
  assert.deepEqual(t.arches, ['amd64', 'arm64']);
  assert.deepEqual(t.nodes?.map((n) => `${n.name} ${n.architecture} ${n.kernelVersion} ${n.containerRuntimeVersion}`), [
    'worker-a amd64 5.15.0-1051-aws containerd://1.7.12',
    'worker-b arm64 5.15.0-1051-aws containerd://1.7.12',
  ]);
  assert.ok(requests.some((r) => r === 'GET /api/v1/nodes Bearer fake-token'), requests.join('\n'));
});

test('fake Kubernetes API: an amd64 binary is flagged by ARCH because one node pool is arm64', async () => {
  mode = 'ok';
  const target = await targetFromCluster({ name: 'prod', context: 'fake-prod', kubeconfig: await kubeconfig() });
  const bin = handmadeElf64(EM_X86_64, '/lib64/ld-linux-x86-64.so.2');
  const findings = evaluate({ repo: new MemoryRepo({ 'package.json': '{"name":"x"}' }), target, artifacts: [{ location: { file: 'bin/server' }, format: 'elf', elf: readElf(bin) }] });
  const arch = findings.filter((f) => f.id === 'ARCH');
  assert.equal(arch.length, 1);
  assert.match(arch[0].message, /amd64, but target prod runs amd64, arm64/);
  assert.deepEqual(arch[0].evidence[1], { file: 'kubeconfig', excerpt: 'kubeconfig context fake-prod: arch amd64, arm64' });
});

test('fake Kubernetes API: a 403 and an unknown context are clear errors', async () => {
  const file = await kubeconfig();
  mode = 'forbidden';
  await assert.rejects(targetFromCluster({ name: 'prod', context: 'fake-prod', kubeconfig: file }), /cannot read nodes of kubeconfig context 'fake-prod'.*403/);
  mode = 'ok';
  await assert.rejects(targetFromCluster({ name: 'prod', context: 'nope', kubeconfig: file }), /kubeconfig has no context 'nope'/);
  await assert.rejects(targetFromCluster({ name: 'prod', kubeconfig: path.join(path.dirname(file), 'missing') }), /cannot read the kubeconfig/);
});
