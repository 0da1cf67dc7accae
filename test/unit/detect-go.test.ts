// Go: which version wins, what makes a module an app (a main package) or a library, which command is
// deployed when a module has several, cgo use, go.work workspaces, and malformed go.mod files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { parseGoMod, moduleBaseName } from '../../src/core/ecosystems/go/detect/gomod';

const mainGo = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}\n';
const libGo = 'package money\n\nfunc Add(a, b int) int { return a + b }\n';

function apps(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string>) {
  const result = apps(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0];
}

test('toolchain beats the go directive, which is only the minimum language version', () => {
  const app = only({ 'go.mod': 'module example.com/a\n\ngo 1.22\n\ntoolchain go1.22.3\n', 'main.go': mainGo });
  assert.deepEqual(app.runtimeVersion, { value: '1.22.3', source: 'go.mod:5' });
  assert.deepEqual(only({ 'go.mod': 'module example.com/a\ngo 1.21\n', 'main.go': mainGo }).runtimeVersion, { value: '1.21', source: 'go.mod:2' });
  // `toolchain default` names no version: the go line stands
  assert.deepEqual(only({ 'go.mod': 'module example.com/a\ngo 1.21\ntoolchain default\n', 'main.go': mainGo }).runtimeVersion, { value: '1.21', source: 'go.mod:2' });
  assert.equal(only({ 'go.mod': 'module example.com/a\n', 'main.go': mainGo }).runtimeVersion, null);
});

test('a module without a main package is a library, even with example or test mains', () => {
  assert.deepEqual(apps({ 'go.mod': 'module example.com/money\ngo 1.22\n', 'money.go': libGo }).apps, []);
  assert.deepEqual(apps({ 'go.mod': 'module example.com/money\ngo 1.22\n', 'money.go': libGo, 'examples/sum/main.go': mainGo }).apps, []);
  assert.deepEqual(apps({ 'go.mod': 'module example.com/money\ngo 1.22\n', 'money.go': libGo, 'main_test.go': mainGo }).apps, []);
  // `package main` without `func main` does not build a binary
  assert.deepEqual(apps({ 'go.mod': 'module example.com/x\n', 'helpers.go': 'package main\n\nfunc helper() {}\n' }).apps, []);
});

test('the root main package wins, then cmd/<module name>, then the first command', () => {
  const cmds = { 'cmd/admin/main.go': mainGo, 'cmd/shop/main.go': mainGo, 'cmd/zz/main.go': mainGo };
  const byName = only({ 'go.mod': 'module github.com/acme/shop/v2\n', ...cmds });
  assert.equal(byName.name, 'shop');
  assert.deepEqual(byName.build, { value: 'go build -o /out/shop ./cmd/shop', source: 'cmd/shop/main.go:5' });
  assert.deepEqual(byName.start, { value: '/app/shop', source: 'cmd/shop/main.go:5' });
  assert.deepEqual(byName.binary, { value: 'shop', source: 'cmd/shop/main.go:5' });

  const first = only({ 'go.mod': 'module github.com/acme/store\n', ...cmds });
  assert.equal(first.binary?.value, 'admin');

  const root = only({ 'go.mod': 'module github.com/acme/store\n', 'main.go': mainGo, ...cmds });
  assert.deepEqual(root.build, { value: 'go build -o /out/store .', source: 'main.go:5' });
});

test('cgo: import "C" in a source file, else a cgo-only module, else false', () => {
  const cgoFile = 'package main\n\n// #include <stdio.h>\nimport "C"\n\nfunc main() {}\n';
  assert.deepEqual(only({ 'go.mod': 'module example.com/c\n', 'main.go': cgoFile }).cgo, { value: true, source: 'main.go:4' });
  const viaDep = only({ 'go.mod': 'module example.com/c\n\nrequire (\n\tgorm.io/driver/sqlite v1.5.5\n\tgithub.com/mattn/go-sqlite3 v1.14.17 // indirect\n)\n', 'main.go': mainGo });
  assert.deepEqual(viaDep.cgo, { value: true, source: 'go.mod:5' });
  assert.equal(viaDep.nativeDeps[0]?.package, 'github.com/mattn/go-sqlite3');
  // a test file using cgo does not make the binary need it
  assert.equal(only({ 'go.mod': 'module example.com/c\n', 'main.go': mainGo, 'c_test.go': cgoFile.replace('package main', 'package main_test') }).cgo?.value, false);
});

test('frameworks come from direct requirements; gin brings its default port', () => {
  const gin = only({ 'go.mod': 'module example.com/g\n\nrequire github.com/gin-gonic/gin v1.9.1\n', 'main.go': mainGo });
  assert.deepEqual(gin.framework, { value: 'gin', source: 'go.mod:3' });
  assert.deepEqual(gin.port, { value: 8080, source: 'default (gin listens on 8080)' });
  const fiber = only({ 'go.mod': 'module example.com/f\n\nrequire github.com/gofiber/fiber/v2 v2.52.0\n', 'main.go': mainGo });
  assert.equal(fiber.framework?.value, 'fiber');
  assert.equal(fiber.port, null);
  const indirect = only({ 'go.mod': 'module example.com/i\n\nrequire github.com/labstack/echo/v4 v4.11.4 // indirect\n', 'main.go': mainGo });
  assert.equal(indirect.framework, null);
});

test('go.work: the workspace root is not an app; modules with a main are (on the go.work version), library modules are not', () => {
  const result = apps({
    'go.work': 'go 1.23\n\nuse (\n\t./api\n\t./lib\n\t./worker\n)\n',
    'tools/go.mod': 'module example.com/ws/tools\ngo 1.21\n', 'tools/main.go': mainGo,
    'api/go.mod': 'module example.com/ws/api\ngo 1.22\n', 'api/main.go': mainGo,
    'lib/go.mod': 'module example.com/ws/lib\ngo 1.22\n', 'lib/lib.go': libGo,
    'worker/go.mod': 'module example.com/ws/worker\ngo 1.23\n', 'worker/cmd/worker/main.go': mainGo,
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.name, a.binary?.value, a.runtimeVersion?.source]), [
    ['api', 'api', 'api', 'go.work:1'],
    // a module the workspace does not use builds on its own go.mod
    ['tools', 'tools', 'tools', 'tools/go.mod:2'],
    ['worker', 'worker', 'worker', 'go.work:1'],
  ]);
  assert.deepEqual(only({ 'go.work': 'go 1.22\ntoolchain go1.22.5\nuse .\n', 'go.mod': 'module example.com/one\ngo 1.22\n', 'main.go': mainGo }).runtimeVersion,
    { value: '1.22.5', source: 'go.work:2' });
  assert.deepEqual(result.warnings, []);
});

test('a module under testdata/ is test input, not an app', () => {
  assert.deepEqual(apps({ 'testdata/app/go.mod': 'module example.com/t\n', 'testdata/app/main.go': mainGo }).apps, []);
});

test('malformed go.mod files become warnings, never a crash', () => {
  const result = apps({ 'go.mod': 'module example.com/m\nthis is not go.mod\nrequire (\n\tgithub.com/lib/pq v1.10.9\n', 'main.go': mainGo });
  assert.equal(result.apps.length, 1);
  assert.deepEqual(result.warnings, [
    { file: 'go.mod', message: 'line 2: unknown directive "this"' },
    { file: 'go.mod', message: 'unclosed "require (" block' },
  ]);
  assert.deepEqual(result.apps[0].services, [{ value: 'postgres', source: 'go.mod:4' }]);

  const noModule = apps({ 'svc/go.mod': 'go 1.22\n', 'svc/main.go': mainGo });
  assert.equal(noModule.apps[0].name, 'svc');
  assert.deepEqual(noModule.warnings, [{ file: 'svc/go.mod', message: 'no module directive' }]);
  // binary junk instead of go.mod: no app, no crash
  assert.doesNotThrow(() => apps({ 'go.mod': '\u0000\u0001\u0002', 'main.go': mainGo }));
});

test('go.mod parsing keeps lines, quoted paths and indirect markers', () => {
  const mod = parseGoMod('module "example.com/q"\n\nrequire (\n\tgithub.com/a/b v1.0.0 // indirect\n\n\tgithub.com/c/d v2.0.0\n)\nreplace github.com/a/b => ../b\n');
  assert.deepEqual(mod.module, { path: 'example.com/q', line: 1 });
  assert.deepEqual(mod.requires, [
    { path: 'github.com/a/b', version: 'v1.0.0', line: 4, indirect: true },
    { path: 'github.com/c/d', version: 'v2.0.0', line: 6, indirect: false },
  ]);
  assert.deepEqual(mod.problems, []);
  assert.equal(moduleBaseName('example.com/shop/api/v3'), 'api');
  assert.equal(moduleBaseName('gopkg.in/yaml.v3'), 'yaml.v3');
});
