// Native artifacts of a project on disk: ELF/Mach-O/PE files among the project's files and inside the
// folders the repo listing skips on purpose (node_modules, virtualenvs, build output), plus Python wheel
// tags from `*.dist-info/WHEEL`. Only likely files are opened, and only their first bytes unless they are ELF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RepoReader } from '../core/repo';
import { dirOf } from '../core/repo';
import { classFileRelease, nodeModuleVersion, readElf, sniffBinary } from '../core/elf';
import { parsePrebuildPath, parseWheelFile } from '../core/wheel';
import type { JavaClass, NativeArtifact, WheelArtifact } from '../core/drift/types';

export interface ArtifactScan {
  artifacts: NativeArtifact[];
  wheels: WheelArtifact[];
  javaClasses: JavaClass[];
  /** Files looked at (for the bench figures). */
  examined: number;
}

const DEP_DIRS = ['node_modules', '.venv', 'venv', 'env', 'build', 'dist', 'out', 'bin', 'target', 'release'];
const LIKELY = /\.(node|so(\.\d+)*|dylib|dll|exe)$/;
const MAX_ELF_BYTES = 64 * 1024 * 1024;
const MAX_WALK = 200_000;

export function scanArtifacts(rootAbs: string, repo: RepoReader): ArtifactScan {
  const out: ArtifactScan = { artifacts: [], wheels: [], javaClasses: [], examined: 0 };
  const classDirs = new Set<string>();
  const seen = new Set<string>();
  const consider = (rel: string, mode?: number) => {
    if (seen.has(rel)) return;
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const inBin = /(^|\/)(bin|build|dist|out|release|target\/release)\/[^/.]+$/.test(rel);
    const executable = mode !== undefined && (mode & 0o111) !== 0 && !base.includes('.');
    if (!LIKELY.test(base) && !inBin && !executable) return;
    seen.add(rel);
    examine(rootAbs, rel, out);
  };
  for (const f of repo.files()) consider(f);
  // Folders the listing skips: look where project markers are (the root and app folders).
  const anchors = new Set<string>(['']);
  for (const f of repo.files()) {
    const base = f.slice(f.lastIndexOf('/') + 1);
    if (/^(package\.json|pyproject\.toml|requirements\.txt|setup\.py|go\.mod|Cargo\.toml|pom\.xml|Dockerfile|Gemfile)$/.test(base)) anchors.add(dirOf(f));
  }
  let budget = MAX_WALK;
  for (const anchor of [...anchors].sort()) {
    for (const d of DEP_DIRS) {
      const rel = anchor ? `${anchor}/${d}` : d;
      const abs = path.join(rootAbs, rel);
      let st: fs.Stats;
      try {
        st = fs.statSync(abs);
      } catch {
        continue;
      }
      if (!st.isDirectory()) continue;
      const visit = (fileRel: string, mode: number) => {
        if (/\.dist-info\/WHEEL$/.test(fileRel)) readWheel(rootAbs, fileRel, out);
        else if (fileRel.endsWith('.class')) {
          // One class per build-output folder is enough to know the release it was compiled for.
          const key = `${anchor}|${d}`;
          if (!classDirs.has(key)) {
            const release = classRelease(path.join(rootAbs, fileRel));
            if (release) {
              classDirs.add(key);
              out.javaClasses.push({ location: { file: fileRel }, release });
            }
          }
        } else consider(fileRel, mode);
      };
      budget = d === 'node_modules' ? walkNodeModules(abs, rel, budget, visit) : walk(abs, rel, budget, visit);
    }
  }
  out.artifacts.sort((a, b) => ((a.location as { file: string }).file < (b.location as { file: string }).file ? -1 : 1));
  out.wheels.sort((a, b) => ((a.location as { file: string }).file < (b.location as { file: string }).file ? -1 : 1));
  return out;
}

/** Folders of an npm package where compiled code lives (node-gyp, prebuildify, node-pre-gyp, vendored). */
const NATIVE_SUBDIRS = new Set(['build', 'prebuilds', 'bin', 'vendor', 'binding', 'bindings', 'native', 'compiled', 'Release']);
const PLATFORM_PACKAGE = /(^|[-.])(linux|linuxmusl|darwin|win32|android|freebsd|alpine)-(x64|arm64|ia32|arm|ppc64|s390x|riscv64)/;

/**
 * node_modules holds tens of thousands of JavaScript files and a few binaries. Per package only the
 * top-level files and the folders where compiled code lives are read; platform packages
 * (`@img/sharp-linux-x64`, `@esbuild/linux-arm64`) are read whole.
 */
function walkNodeModules(abs: string, rel: string, budget: number, visit: (rel: string, mode: number) => void): number {
  const entries = listDir(abs);
  for (const e of entries) {
    if (budget-- <= 0) return 0;
    if (!e.isDirectory() || e.name === '.bin' || e.name === '.cache') continue;
    if (e.name.startsWith('@')) {
      budget = walkNodeModules(path.join(abs, e.name), `${rel}/${e.name}`, budget, visit);
      continue;
    }
    budget = walkPackage(path.join(abs, e.name), `${rel}/${e.name}`, e.name, budget, visit);
  }
  return budget;
}

/** package.json says the package compiles or downloads native code at install time. */
const BUILDS_NATIVE = /"(install|postinstall)"\s*:|"gypfile"\s*:\s*true|node-gyp-build|prebuild-install|node-pre-gyp|"bindings"\s*:|"nan"\s*:|node-addon-api|cmake-js/;

function walkPackage(abs: string, rel: string, name: string, budget: number, visit: (rel: string, mode: number) => void): number {
  if (PLATFORM_PACKAGE.test(name)) return walk(abs, rel, budget, visit);
  const entries = listDir(abs);
  if (entries.some((e) => e.name === 'binding.gyp')) return walk(abs, rel, budget, visit);
  let manifest = '';
  try {
    manifest = fs.readFileSync(path.join(abs, 'package.json'), 'utf8');
  } catch { /* not a package (or unreadable): look at the usual folders only */ }
  if (BUILDS_NATIVE.test(manifest)) return walk(abs, rel, budget, visit);
  for (const e of entries) {
    if (budget-- <= 0) return 0;
    const childRel = `${rel}/${e.name}`;
    const childAbs = path.join(abs, e.name);
    if (e.isFile()) {
      if (LIKELY.test(e.name)) visit(childRel, 0);
    } else if (e.isDirectory()) {
      if (e.name === 'node_modules') budget = walkNodeModules(childAbs, childRel, budget, visit);
      else if (NATIVE_SUBDIRS.has(e.name)) budget = walk(childAbs, childRel, budget, visit);
      else if (e.name === 'lib' && fs.existsSync(path.join(childAbs, 'binding'))) budget = walk(path.join(childAbs, 'binding'), `${childRel}/binding`, budget, visit);
    }
  }
  return budget;
}

function walk(abs: string, rel: string, budget: number, visit: (rel: string, mode: number) => void): number {
  const entries = listDir(abs);
  for (const e of entries) {
    if (budget-- <= 0) return 0;
    const childRel = `${rel}/${e.name}`;
    const childAbs = path.join(abs, e.name);
    if (e.isDirectory()) {
      if (e.name === '.git' || e.name === '__pycache__' || e.name === '.cache') continue;
      budget = walk(childAbs, childRel, budget, visit);
    } else if (e.isFile()) {
      let mode = 0;
      if (!e.name.includes('.')) {
        try { mode = fs.statSync(childAbs).mode; } catch { /* unreadable: skip the mode test */ }
      }
      visit(childRel, mode);
    }
  }
  return budget;
}

function examine(rootAbs: string, rel: string, out: ArtifactScan): void {
  const abs = path.join(rootAbs, rel);
  out.examined++;
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, 'r');
    const head = Buffer.alloc(64);
    const n = fs.readSync(fd, head, 0, 64, 0);
    const format = sniffBinary(head.subarray(0, n));
    if (!format) return;
    const prebuild = parsePrebuildPath(rel);
    if (format !== 'elf') {
      out.artifacts.push({ location: { file: rel }, format, ...(prebuild ? { prebuild } : {}) });
      return;
    }
    const size = fs.fstatSync(fd).size;
    if (size > MAX_ELF_BYTES) return;
    const bytes = fs.readFileSync(abs);
    const elf = readElf(bytes);
    const nodeAbi = rel.endsWith('.node') ? nodeModuleVersion(bytes) : undefined;
    out.artifacts.push({ location: { file: rel }, format, elf, ...(prebuild ? { prebuild } : {}), ...(nodeAbi ? { nodeAbi } : {}) });
  } catch {
    // unreadable or malformed: not an artifact we can judge
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readWheel(rootAbs: string, rel: string, out: ArtifactScan): void {
  let text: string;
  try {
    text = fs.readFileSync(path.join(rootAbs, rel), 'utf8');
  } catch {
    return;
  }
  const needs = parseWheelFile(text);
  const dist = rel.split('/').slice(-2)[0].replace(/\.dist-info$/, '');
  if (needs.length) out.wheels.push({ location: { file: rel }, name: dist, needs });
}

function classRelease(abs: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, 'r');
    const head = Buffer.alloc(8);
    return fs.readSync(fd, head, 0, 8, 0) === 8 ? classFileRelease(head) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A folder's entries; none when it cannot be read (a walk skips what it may not enter). */
function listDir(abs: string): fs.Dirent[] {
  try {
    return fs.readdirSync(abs, { withFileTypes: true });
  } catch {
    return [];
  }
}
