// Shell scripts and entrypoints saved with CRLF line endings (a Windows checkout): the kernel reads the
// shebang as `bash\r` → `/usr/bin/env: 'bash\r': No such file or directory`.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext } from '../context';
import type { Rule } from '../rule';
import { commandWords, instructions } from '../../manifests/dockerfile';

const SCRIPT = /\.(sh|bash|ksh|zsh)$|(^|\/)(docker-entrypoint|entrypoint|start|run)(\.\w+)?$/;

/** .gitattributes forces LF for shell scripts (`*.sh text eol=lf`, `* text=auto eol=lf`). */
function gitattributesForcesLf(text: string | undefined): boolean {
  return Boolean(text && text.split('\n').some((l) => /^(\*\.sh|\*)\s.*eol=lf/.test(l.trim())));
}

export const CRLF: Rule = {
  id: 'CRLF',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    const referenced = new Set<string>();
    for (const unit of ctx.units) {
      for (const stage of unit.dockerfile?.stages ?? []) {
        for (const i of [...instructions(stage, 'ENTRYPOINT'), ...instructions(stage, 'CMD')]) {
          const first = commandWords(i)[0] ?? '';
          const base = first.replace(/^\.?\//, '').split('/').pop() ?? '';
          if (base) for (const f of unit.files) if (f.endsWith('/' + base) || f === base) referenced.add(f);
        }
      }
    }
    const candidates = ctx.files.filter((f) => SCRIPT.test(f) || referenced.has(f));
    const gitattributes = ctx.repo.readText('.gitattributes');
    for (const file of candidates) {
      const text = ctx.repo.readText(file);
      if (text === undefined || !text.includes('\r\n')) continue;
      const lines = text.split('\n');
      const crlfLines = lines.filter((l) => l.endsWith('\r')).length;
      const edits: TextEdit[] = [];
      if (!gitattributesForcesLf(gitattributes)) {
        const count = gitattributes === undefined ? 0 : gitattributes.replace(/\n$/, '').split('\n').length;
        edits.push({ file: '.gitattributes', line: count + 1, insert: true, newText: '*.sh text eol=lf\n' });
      }
      const interpreter = lines[0].startsWith('#!') ? lines[0].replace(/\r$/, '').replace(/^#!\s*/, '').split(/\s+/).pop() : undefined;
      out.push({
        id: 'CRLF', severity: 'error',
        title: `${file} has Windows (CRLF) line endings`,
        message: `${file} has CRLF line endings on ${crlfLines} line${crlfLines > 1 ? 's' : ''}${referenced.has(file) ? ' and is the image entrypoint' : ''}. In Linux the shebang reads as '${interpreter ?? 'sh'}\\r': "No such file or directory".`,
        evidence: [{ file, line: 1, excerpt: lines[0].replace(/\r$/, '\\r') }],
        fix: { text: `Convert ${file} to LF (dos2unix, or your editor's line-ending setting) and add "*.sh text eol=lf" to .gitattributes so Git keeps it that way.`, ...(edits.length ? { edits } : {}) },
        app: ctx.unitOf(file)?.dir || '.',
      });
    }
    return out;
  },
};
