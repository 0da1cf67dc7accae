// What a Python framework finder returns: how the app starts and what it listens on by default.
import type { Fact } from '../../../model';

export interface PythonEntry {
  framework: Fact<string> | null;
  start: Fact<string> | null;
  build: Fact<string> | null;
  defaultPort: Fact<number> | null;
  /** Port set in server configuration (gunicorn.conf.py, .streamlit/config.toml). */
  configPort?: Fact<number> | null;
  /** A name the project gives itself (the Django project package), used when no manifest names the app. */
  name?: string;
}

const TEST_DIRS = /(^|\/)(tests?|testing|docs|examples?|scripts|migrations)\//;
const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** The app's own .py files, tests and docs left out, shallowest first, then by path. */
export function pythonSources(files: readonly string[]): string[] {
  return files
    .filter((f) => f.endsWith('.py') && !TEST_DIRS.test(f) && !TEST_FILE.test(f))
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `app/main.py` → `app.main`; `pkg/__init__.py` → `pkg`. */
export function moduleOf(file: string): string {
  return file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
}

export function depth(file: string): number {
  return file.split('/').length - 1;
}

/** 1-based line of the first match of `re` in `text`. */
export function lineIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
