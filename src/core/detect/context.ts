// What a provider sees of one candidate folder: its files (relative to the folder), cached readers for
// structured files that report malformed input as warnings, and helpers that build `source` strings.
import type { RepoReader } from '../repo';
import { join } from '../repo';
import type { Fact, Warning } from '../model';
import { parseJson, parseTomlText, parseXml, parseYamlDocs, type ParseResult } from '../parse/structured';

export class AppContext {
  private readonly cache = new Map<string, ParseResult<unknown>>();
  private readonly fileSet: Set<string>;

  /**
   * @param dir folder relative to the repo root ('' for the root)
   * @param files the folder's files relative to it, excluding folders of nested apps
   */
  constructor(readonly repo: RepoReader, readonly dir: string, readonly files: readonly string[], private readonly warnings: Warning[]) {
    this.fileSet = new Set(files);
  }

  /** Path of a file of this app relative to the scanned root (what `source` strings use). */
  rel(file: string): string {
    return join(this.dir, file);
  }

  has(file: string): boolean {
    return this.fileSet.has(file);
  }

  read(file: string): string | undefined {
    return this.has(file) ? this.repo.readText(this.rel(file)) : undefined;
  }

  warn(file: string, message: string): void {
    const rel = this.rel(file);
    if (!this.warnings.some((w) => w.file === rel && w.message === message)) this.warnings.push({ file: rel, message });
  }

  json(file: string): unknown {
    return this.parsed(file, parseJson);
  }

  toml(file: string): Record<string, unknown> | undefined {
    return this.parsed(file, parseTomlText) as Record<string, unknown> | undefined;
  }

  yaml(file: string): unknown[] | undefined {
    return this.parsed(file, parseYamlDocs) as unknown[] | undefined;
  }

  xml(file: string): Record<string, unknown> | undefined {
    return this.parsed(file, parseXml) as Record<string, unknown> | undefined;
  }

  /** `fact("20", "package.json", "engines.node")` → `{ value: "20", source: "apps/api/package.json > engines.node" }`. */
  fact<T>(value: T, file: string, where?: string | number): Fact<T> {
    return { value, source: sourceOf(this.rel(file), where) };
  }

  /** First line (1-based) of `file` matching `re`, for `file:line` sources. */
  lineOf(file: string, re: RegExp): number | undefined {
    const text = this.read(file);
    if (text === undefined) return undefined;
    const lines = text.split('\n');
    const i = lines.findIndex((l) => re.test(l));
    return i < 0 ? undefined : i + 1;
  }

  private parsed(file: string, parse: (text: string) => ParseResult<unknown>): unknown {
    let result = this.cache.get(file);
    if (!result) {
      const text = this.read(file);
      if (text === undefined) return undefined;
      result = parse(text);
      this.cache.set(file, result);
      if (!result.ok) this.warn(file, result.error);
    }
    return result.ok ? result.value : undefined;
  }
}

/** `file > json.path` for a key, `file:line` for a line, plain `file` otherwise. */
export function sourceOf(file: string, where?: string | number): string {
  if (where === undefined) return file;
  return typeof where === 'number' ? `${file}:${where}` : `${file} > ${where}`;
}

/** Source for values that come from a framework or ecosystem convention rather than a file. */
export function defaultFact<T>(value: T, why: string): Fact<T> {
  return { value, source: `default (${why})` };
}
