// Builds each scenario's on-disk state: binaries compiled now on this machine, files git would not keep
// as they are (CRLF scripts, node_modules, virtualenvs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { copyScenario, tempDir, writeFile } from './harness';
import { compileC, hasTool, HELLO_C, handmadeElf64, EM_AARCH64 } from './native-build';

const ADDON_C = '#include <stdio.h>\nint addon_format(char *b, int n, int v){ return snprintf(b, n, "%d", v); }\n';

/** A stub shared library with the given SONAME, built outside any project (like a system library). */
export function stubLibrary(soname: string): string {
  const dir = tempDir('parity-stub-');
  const file = path.join(dir, soname);
  compileC('gcc', `int ${soname.replace(/\W/g, '_')}_fn(void){return 0;}\n`, file, ['-shared', '-fPIC', `-Wl,-soname,${soname}`]);
  fs.symlinkSync(soname, path.join(dir, soname.replace(/\.so\..*$/, '.so')));
  return dir;
}

/** A glibc Node addon, optionally linked against extra stub libraries. */
export function glibcAddon(dir: string, rel: string, links: { dir: string; name: string }[] = []): void {
  const flags = ['-shared', '-fPIC', '-Wl,--no-as-needed'];
  for (const l of links) flags.push(`-L${l.dir}`, `-l${l.name}`);
  compileC('gcc', ADDON_C, path.join(dir, rel), flags);
}

export const SCENARIOS: Record<string, () => string> = {
  clean() {
    const dir = copyScenario('clean');
    glibcAddon(dir, 'lib/native/addon.node');
    writeFile(dir, 'node_modules/express/index.js', 'module.exports = () => ({});\n');
    return dir;
  },
  'libc-glibc-module-alpine'() {
    const dir = copyScenario('libc-glibc-module-alpine');
    glibcAddon(dir, 'node_modules/bcrypt/build/Release/bcrypt_lib.node');
    return dir;
  },
  'libc-musl-binary-debian'() {
    const dir = copyScenario('libc-musl-binary-debian');
    compileC('musl-gcc', HELLO_C, path.join(dir, 'bin/tool'));
    return dir;
  },
  'arch-arm64-binary'() {
    const dir = copyScenario('arch-arm64-binary');
    if (hasTool('aarch64-linux-gnu-gcc')) compileC('aarch64-linux-gnu-gcc', HELLO_C, path.join(dir, 'bin/server'));
    else writeFile(dir, 'bin/server', handmadeElf64(EM_AARCH64, '/lib/ld-linux-aarch64.so.1'), 0o755); // hand-assembled header
    return dir;
  },
  'glibc-floor-centos7'() {
    const dir = copyScenario('glibc-floor-centos7');
    compileC('gcc', HELLO_C, path.join(dir, 'bin/app'));
    return dir;
  },
  'syslib-missing-libpq'() {
    const dir = copyScenario('syslib-missing-libpq');
    glibcAddon(dir, 'native/pg_addon.node', [{ dir: stubLibrary('libpq.so.5'), name: 'pq' }]);
    return dir;
  },
  'host-artifact-copied'() {
    const dir = copyScenario('host-artifact-copied');
    writeFile(dir, 'node_modules/left-pad/index.js', 'module.exports = (s) => s;\n');
    return dir;
  },
  'runtime-nvmrc-18-node-20': () => copyScenario('runtime-nvmrc-18-node-20'),
  'floating-tag': () => copyScenario('floating-tag'),
  'openssl-1.1-on-bookworm'() {
    const dir = copyScenario('openssl-1.1-on-bookworm');
    glibcAddon(dir, 'native/tls_addon.node', [{ dir: stubLibrary('libssl.so.1.1'), name: 'ssl' }]);
    return dir;
  },
  'wheel-manylinux-alpine'() {
    const dir = copyScenario('wheel-manylinux-alpine');
    writeFile(dir, '.venv/pyvenv.cfg', 'home = /usr/bin\nversion = 3.11.2\n');
    writeFile(dir, '.venv/lib/python3.11/site-packages/numpy-1.26.4.dist-info/WHEEL',
      'Wheel-Version: 1.0\nGenerator: meson\nRoot-Is-Purelib: false\nTag: cp311-cp311-manylinux_2_17_x86_64\nTag: cp311-cp311-manylinux2014_x86_64\n');
    return dir;
  },
  'pkg-apt-on-alpine': () => copyScenario('pkg-apt-on-alpine'),
  'node-abi-18-on-node-20'() {
    // A classic (non-N-API) addon exports node_register_module_v<NODE_MODULE_VERSION>; 108 is Node 18.
    const dir = copyScenario('node-abi-18-on-node-20');
    compileC('gcc', 'void node_register_module_v108(void *exports, void *module, void *priv) { (void)exports; (void)module; (void)priv; }\n', path.join(dir, 'native/addon.node'), ['-shared', '-fPIC']);
    return dir;
  },
  'java-classes-17-on-jre-11'() {
    const dir = copyScenario('java-classes-17-on-jre-11');
    execFileSync('javac', ['--release', '17', '-d', path.join(dir, 'target/classes'), path.join(dir, 'src/main/java/demo/App.java')], { stdio: 'ignore', timeout: 120_000 });
    return dir;
  },
  'crlf-entrypoint'() {
    const dir = copyScenario('crlf-entrypoint');
    writeFile(dir, 'docker-entrypoint.sh', '#!/bin/bash\r\nset -e\r\nexec node server.js\r\n', 0o755);
    return dir;
  },
  'case-import': () => copyScenario('case-import'),
  'tz-go-alpine': () => copyScenario('tz-go-alpine'),
  'env-missing': () => copyScenario('env-missing'),
  'port-mismatch': () => copyScenario('port-mismatch'),
  'root-user-nonroot': () => copyScenario('root-user-nonroot'),
};
