// Manifest → run constraints → Engine API settings, pod env, log scan and findings: the engine half of
// the prod twin, on manifests as users write them (flow and block style, named ports, pod vs container).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { constraintsFromManifests } from '../../../src/core/twin/from-manifest';
import { resolvePodEnv } from '../../../src/core/twin/pod-env';
import { scanLogs } from '../../../src/core/twin/log-scan';
import { memoryBytes, nanoCpus, suggestLimit } from '../../../src/core/twin/quantity';
import { missingKeyFindings, observationFindings } from '../../../src/core/twin/findings';
import { constrainedSettings } from '../../../src/docker/twin/apply';
import { choosePlatform } from '../../../src/docker/twin/platform';
import type { Observation } from '../../../src/core/twin/report';

const DEPLOY = `apiVersion: v1
kind: ConfigMap
metadata: { name: web-config }
data: { PORT: "8080", LOG_LEVEL: "" }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext: { runAsUser: 1000, runAsGroup: 2000, fsGroup: 3000, runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: sidecar
          image: envoy
        - name: web
          image: web:1
          ports: [{ name: http, containerPort: 8080 }]
          envFrom:
            - configMapRef: { name: web-config }
          env:
            - name: MODE
              value: prod
            - name: API_KEY
              valueFrom: { secretKeyRef: { name: web-secrets, key: api-key } }
            - name: OPTIONAL_TOKEN
              valueFrom: { secretKeyRef: { name: web-secrets, key: token, optional: true } }
          readinessProbe:
            httpGet: { path: /ready, port: http }
            periodSeconds: 5
          livenessProbe:
            exec: { command: [cat, /tmp/alive] }
          resources:
            requests: { memory: 64Mi, cpu: 50m }
            limits:
              memory: 256Mi
              cpu: "1.5"
          securityContext:
            runAsUser: 1001
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }
          volumeMounts:
            - { name: cache, mountPath: /app/cache }
            - { name: config, mountPath: /etc/web }
      volumes:
        - { name: cache, emptyDir: { sizeLimit: 32Mi } }
        - { name: config, configMap: { name: web-config } }
`;

const read = () => constraintsFromManifests([{ file: 'k8s/web.yaml', text: DEPLOY }], 'web', false);

test('quantities: binary and decimal memory, millicores and fractions, unknown text is undefined', () => {
  assert.equal(memoryBytes('512Mi'), 512 * 2 ** 20);
  assert.equal(memoryBytes('1G'), 1e9);
  assert.equal(memoryBytes(268435456), 268435456);
  assert.equal(memoryBytes('lots'), undefined);
  assert.equal(nanoCpus('500m'), 5e8);
  assert.equal(nanoCpus('1.5'), 1.5e9);
  assert.equal(nanoCpus(2), 2e9);
  assert.equal(suggestLimit(100 * 2 ** 20), '128Mi');
  assert.equal(suggestLimit(800 * 2 ** 20), '1Gi');
});

test('the container named like the app, its pod/container securityContext merged (container wins), with manifest lines', () => {
  const { constraints: c, data } = read();
  assert.ok(c);
  assert.equal(c.manifest.container, 'web');
  assert.equal(c.manifest.workload, 'Deployment/web');
  assert.deepEqual(c.user, { uid: 1001, gid: 2000 });
  assert.equal(c.fsGroup, 3000);
  assert.equal(c.runAsNonRoot, true);
  assert.equal(c.readOnlyRoot, true);
  assert.deepEqual(c.writable, [{ path: '/app/cache', volume: 'cache', sizeBytes: 32 * 2 ** 20, kind: 'emptyDir' }]);
  assert.ok(c.notes.some((n) => /\/etc\/web \(configMap config\) is not mounted locally/.test(n)));
  assert.deepEqual([c.capDrop, c.capAdd], [['ALL'], ['NET_BIND_SERVICE']]);
  assert.equal(c.noNewPrivileges, true);
  assert.equal(c.seccomp, 'RuntimeDefault');
  assert.deepEqual(c.limits, { memory: '256Mi', cpu: '1.5', memoryBytes: 256 * 2 ** 20, nanoCpus: 1.5e9, line: 36 });
  assert.deepEqual(c.requests, { memory: '64Mi', cpu: '50m' });
  assert.deepEqual(c.probes.map((p) => [p.kind, p.action, p.periodSeconds, p.failureThreshold, p.timeoutSeconds, p.line]), [
    ['readiness', { type: 'http', path: '/ready', port: 8080, scheme: 'HTTP', headers: {} }, 5, 3, 1, 28],
    ['liveness', { type: 'exec', command: ['cat', '/tmp/alive'] }, 10, 3, 1, 31],
  ]);
  assert.deepEqual(data.configMaps['web-config'], { PORT: '8080', LOG_LEVEL: '' });
});

test('Engine API settings: user, read-only root, tmpfs owned by the pod user and fsGroup with its size, caps, no-new-privileges, no swap, CPUs, privileged ports stay privileged', () => {
  const s = constrainedSettings(read().constraints!, '');
  assert.equal(s.User, '1001:2000');
  assert.deepEqual(s.HostConfig, {
    ReadonlyRootfs: true,
    Tmpfs: { '/app/cache': `rw,exec,nosuid,nodev,mode=1777,uid=1001,gid=3000,size=${32 * 2 ** 20}` },
    CapDrop: ['ALL'], CapAdd: ['NET_BIND_SERVICE'],
    SecurityOpt: ['no-new-privileges:true'],
    Memory: 256 * 2 ** 20, MemorySwap: 256 * 2 ** 20, NanoCpus: 1.5e9,
    Sysctls: { 'net.ipv4.ip_unprivileged_port_start': '1024' },
  });
});

test('pod env: envFrom then env; Secret keys only from .env (by env name or key); a required key with no value is missing, an optional one is not', () => {
  const { constraints: c, data } = read();
  const none = resolvePodEnv(c!, data, {});
  assert.deepEqual(none.env, { PORT: '8080', LOG_LEVEL: '', MODE: 'prod' });
  assert.deepEqual(none.missing.map((m) => [m.name, m.kind, m.object, m.key, m.line]), [['API_KEY', 'secret', 'web-secrets', 'api-key', 24]]);
  const filled = resolvePodEnv(c!, data, { 'api-key': 'k-123', UNRELATED: 'x' });
  assert.equal(filled.env.API_KEY, 'k-123');
  assert.equal(filled.env.UNRELATED, undefined, '.env entries the pod does not reference stay out');
  assert.deepEqual(filled.secretNames, ['API_KEY']);
  assert.deepEqual(filled.missing, []);
  const [f] = missingKeyFindings(c!, none.missing, '.');
  assert.equal(f.id, 'SECRET_KEY_MISSING');
  assert.deepEqual(f.evidence, [{ file: 'k8s/web.yaml', line: 24, excerpt: 'API_KEY' }]);
  assert.match(f.fix.text, /kubectl create secret generic web-secrets --from-literal=api-key=…/);
});

test('one workload is the app\'s whatever its name (first container); among several, none named like the app means nothing to apply', () => {
  const one = constraintsFromManifests([{ file: 'a.yaml', text: DEPLOY }], 'other', true).constraints;
  assert.deepEqual([one?.manifest.container, one?.manifest.generated], ['sidecar', true]);
  const two = `${DEPLOY}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: worker }\nspec: { template: { spec: { containers: [{ name: worker, image: w }] } } }\n`;
  assert.equal(constraintsFromManifests([{ file: 'a.yaml', text: two }], 'other', false).constraints, undefined);
  assert.equal(constraintsFromManifests([{ file: 'a.yaml', text: two }], 'worker', false).constraints?.manifest.workload, 'Deployment/worker');
});

test('log scan: EROFS in the words of Node (relative path resolved), Python, Go, Java; mkdir marks a folder; EACCES binds with their port', () => {
  const { writes, binds } = scanLogs([
    "Error: EROFS: read-only file system, open 'data/visits.json'",
    "  code: 'EROFS',",
    "OSError: [Errno 30] Read-only file system: '/srv/app/uploads/a.png'",
    'open /var/lib/app/state.db: read-only file system',
    'java.io.FileNotFoundException: /opt/app/logs/app.log (Read-only file system)',
    "Error: EROFS: read-only file system, mkdir '/app/.cache'",
    'Error: listen EACCES: permission denied 0.0.0.0:80',
    '  File "app.py", line 3, in <module>',
    "    s.bind(('0.0.0.0', 443))",
    'PermissionError: [Errno 13] Permission denied',
  ], '/app');
  assert.deepEqual(writes.map((w) => [w.path, w.isDir]), [
    ['/app/data/visits.json', false], ['/srv/app/uploads/a.png', false], ['/var/lib/app/state.db', false], ['/opt/app/logs/app.log', false], ['/app/.cache', true],
  ]);
  assert.deepEqual(binds.map((b) => b.port), [80, 443]);
});

const observation = (over: Partial<Observation>): Observation => ({
  app: 'web', container: 'parity-x-web', image: 'web:dev', workingDir: '/app', constrained: true, running: true, oomKilled: false,
  memory: {}, cpu: { periods: 0, throttledPeriods: 0, throttledMs: 0 }, probes: [], writes: [], binds: [], ...over,
});

test('findings: a write in a subfolder → emptyDir there; straight into the working dir → a folder of its own; OOM with the peak; probe with the served path', () => {
  const c = read().constraints!;
  const writes = observationFindings(c, observation({ writes: [{ path: '/app/data/x.json', how: 'log', evidence: 'EROFS…' }, { path: '/app/out.txt', how: 'diff', evidence: 'A /app/out.txt' }] }), '.');
  assert.deepEqual(writes.map((f) => f.id), ['READONLY_WRITE', 'READONLY_WRITE']);
  assert.match(writes[0].fix.text, /emptyDir at \/app\/data/);
  assert.match(writes[1].fix.text, /straight into its working directory \/app/);
  assert.match(writes[1].message, /Run without constraints/);

  const oom = observationFindings(c, observation({ running: false, exitCode: 137, oomKilled: true, memory: { peakBytes: 255 * 2 ** 20, limitBytes: 256 * 2 ** 20 } }), '.');
  assert.equal(oom[0].id, 'OOM_LIMIT');
  assert.deepEqual(oom[0].evidence[0], { file: 'k8s/web.yaml', line: 36, excerpt: 'memory: 256Mi' });
  assert.match(oom[0].fix.text, /at least 320Mi/);
  const near = observationFindings(c, observation({ memory: { peakBytes: 240 * 2 ** 20, limitBytes: 256 * 2 ** 20 } }), '.');
  assert.deepEqual(near.map((f) => [f.id, f.severity]), [['OOM_LIMIT', 'warning']]);
  assert.deepEqual(observationFindings(c, observation({ memory: { peakBytes: 100 * 2 ** 20, limitBytes: 256 * 2 ** 20 } }), '.'), []);

  const probe = observationFindings(c, observation({ probes: [{ kind: 'readiness', target: 'GET :8080/ready', line: 38, attempts: 3, failures: 3, failed: true, latencyMs: { max: 4, avg: 3 }, lastError: 'HTTP 404', servedPaths: ['/healthz'] }] }), '.');
  assert.equal(probe[0].id, 'PROBE_FAIL');
  assert.match(probe[0].fix.text, /httpGet\.path: \/healthz/);

  const port = observationFindings(c, observation({ running: false, exitCode: 1, binds: [{ port: 80, line: 'Error: listen EACCES: permission denied 0.0.0.0:80' }] }), '.');
  assert.equal(port[0].id, 'PRIVILEGED_PORT');
  assert.match(port[0].fix.text, /port ≥ 1024 \(e\.g\. 8080\)/);
});

test('target architecture: same → nothing; emulated when a binfmt handler exists; otherwise said plainly', () => {
  assert.deepEqual(choosePlatform('x86_64', 'amd64', []), {});
  assert.equal(choosePlatform('arm64', 'amd64', ['qemu-aarch64', 'python3.11']).platform, 'linux/arm64');
  const none = choosePlatform('arm64', 'amd64', ['python3.11']);
  assert.equal(none.platform, undefined);
  assert.match(none.note ?? '', /linux\/arm64 but this engine runs amd64 and cannot emulate it \(no binfmt handler qemu-aarch64 registered\): running as amd64/);
  assert.match(choosePlatform('arm64', 'amd64', undefined).note ?? '', /cannot tell/);
});
