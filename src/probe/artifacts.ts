// Native artifacts of a project on disk: ELF/Mach-O/PE files among the project's files and inside the
// folders the repo listing skips on purpose (node_modules, virtualenvs, build output), plus Python wheel
// tags from `*.dist-info/WHEEL`. Only likely files are opened, and only their first bytes unless they are ELF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RepoReader } from '../core/repo';
import { dirOf } from '../core/repo';
import { readElf, sniffBinary } from '../core/elf';
import { parsePrebuildPath, parseWheelFile } from '../core/wheel';
import type { NativeArtifact, WheelArtifact } from '../core/drift/types';

export interface ArtifactScan {
  artifacts: NativeArtifact[];
  wheels: WheelArtifact[];
  /** Files looked at (for the bench figures). */
  examined: number;
}

const DEP_DIRS = ['node_modules', '.venv', 'venv', 'env', 'build', 'dist', 'out', 'bin', 'target', 'release'];
const LIKELY = /\.(node|so(\.\d+)*|dylib|dll|exe)$/;
const MAX_ELF_BYTES = 64 * 1024 * 1024;
const MAX_WALK = 200_000;

export function scanArtifacts(rootAbs: string, repo: RepoReader): ArtifactScan {
  const out: ArtifactScan = { artifacts: [], wheels: [], examined: 0 };
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
      budget = walk(abs, rel, budget, (fileRel, mode) => {
        if (/\.dist-info\/WHEEL$/.test(fileRel)) readWheel(rootAbs, fileRel, out);
        else consider(fileRel, mode);
      });
    }
  }
  out.artifacts.sort((a, b) => ((a.location as { file: string }).file < (b.location as { file: string }).file ? -1 : 1));
  out.wheels.sort((a, b) => ((a.location as { file: string }).file < (b.location as { file: string }).file ? -1 : 1));
  return out;
}

function walk(abs: string, rel: string, budget: number, visit: (rel: string, mode: number) => void): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch {
    return budget;
  }
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
    out.artifacts.push({ location: { file: rel }, format, elf, ...(prebuild ? { prebuild } : {}) });
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
