// An app that reads PORT but whose port detection found nothing (e.g. Go's `if port == "" { port = "8080" }`)
// is a server on its ecosystem's usual port, wired the same everywhere, instead of a generate() error.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, generate } from '../../src/core/generate';
import { parseYamlDocs } from '../../src/core/parse/structured';
import type { DetectResult } from '../../src/core/model';
import { GOLDEN } from '../helpers/paths';

const detectOf = (name: string) => JSON.parse(fs.readFileSync(path.join(GOLDEN, name, 'detect.json'), 'utf8')) as DetectResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yamlOf = (text: string) => (parseYamlDocs(text) as { ok: true; value: any[] }).value;

for (const [golden, port] of [['go', 8080], ['node-express', 3000], ['python-fastapi-uv', 8000]] as const) {
  test(`${golden}: reads PORT, no port detected → ${port} in the Dockerfile, Deployment, Service, probes and compose`, () => {
    const d = detectOf(golden);
    const app = d.apps[0];
    app.port = null;
    app.healthPath = null;
    for (const hasDefault of [false, true]) {
      app.env = [...app.env.filter((e) => e.name !== 'PORT'), { name: 'PORT', secret: false, hasDefault, source: 'main:12' }];
      const files = Object.fromEntries(generate(d, DEFAULT_OPTIONS).files.map((f) => [f.path, f.content]));
      const df = files['Dockerfile'];
      assert.match(df, new RegExp(`^# No listening port detected: the app reads PORT, set to ${port} `, 'm'));
      assert.match(df, new RegExp(`^ENV (.* )?PORT=${port}( |$)`, 'm'));
      assert.match(df, new RegExp(`^EXPOSE ${port}$`, 'm'));
      const dep = yamlOf(files['deploy/k8s/deployment.yaml'])[0];
      const c = dep.spec.template.spec.containers[0];
      assert.equal(c.ports[0].containerPort, port);
      assert.ok(c.env.some((e: { name: string }) => e.name === 'PORT'), 'PORT wired in the Deployment');
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) assert.equal(c[probe].tcpSocket.port, 'http', probe);
      assert.equal(yamlOf(files['deploy/k8s/configmap.yaml'])[0].data.PORT, String(port));
      assert.equal(yamlOf(files['deploy/k8s/service.yaml'])[0].spec.ports[0].targetPort, 'http');
      const svc = Object.values(yamlOf(files['compose.yaml'])[0].services as Record<string, { build?: unknown; environment: Record<string, string>; ports: string[] }>).find((s) => s.build)!;
      assert.equal(svc.environment.PORT, String(port));
      assert.ok(svc.ports.some((p) => p.endsWith(`:${port}`)), `compose publishes ${port}`);
    }
  });
}

test('a detected port is kept and not called a default', () => {
  const d = detectOf('go');
  d.apps[0].env.push({ name: 'PORT', secret: false, hasDefault: true, source: 'main.go:12' });
  const df = generate(d, DEFAULT_OPTIONS).files.find((f) => f.path === 'Dockerfile')!.content;
  assert.doesNotMatch(df, /No listening port detected/);
  assert.match(df, /^ENV PORT=8080$/m);
});
