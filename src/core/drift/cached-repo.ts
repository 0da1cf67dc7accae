// A RepoReader that remembers file texts, so detection and drift (which scan the same sources) read
// each file from disk once per run.
import type { RepoReader } from '../repo';
import type { Warning } from '../model';

export class CachingRepo implements RepoReader {
  private readonly texts = new Map<string, string | undefined>();

  constructor(private readonly inner: RepoReader) {}

  get root(): string { return this.inner.root; }
  get warnings(): Warning[] { return this.inner.warnings; }

  files(): readonly string[] {
    return this.inner.files();
  }

  readText(rel: string): string | undefined {
    if (!this.texts.has(rel)) this.texts.set(rel, this.inner.readText(rel));
    return this.texts.get(rel);
  }

  exists(rel: string): boolean {
    return this.inner.exists(rel);
  }
}
