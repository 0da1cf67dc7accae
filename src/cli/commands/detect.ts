import * as path from 'node:path';
import { DiskRepo } from '../../core/repo';
import { detect } from '../../core/detect';
import type { AppProfile, DetectResult } from '../../core/model';
import { parseArgs } from '../args';
import type { Command } from '../io';
import { resolveDir } from '../paths';
import { renderTable } from '../table';

const usage = `parity detect [dir] [--json]

Finds every deployable app under dir (default: .) and prints what each needs, with the file each fact
came from. --json prints { root, apps, warnings }.`;

export const detectCommand: Command = {
  name: 'detect',
  summary: 'find the apps in a folder and what they need',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'] });
    const { abs, display } = resolveDir(io.cwd, args.positionals[0]);
    const result = detect(new DiskRepo(abs, display));
    io.out(args.flags.json ? JSON.stringify(result, null, 2) + '\n' : humanReport(result, abs));
    return 0;
  },
};

function humanReport(result: DetectResult, abs: string): string {
  const lines: string[] = [];
  if (result.apps.length === 0) lines.push(`No deployable app found under ${path.relative(process.cwd(), abs) || '.'}.`);
  for (const app of result.apps) lines.push(appReport(app), '');
  for (const w of result.warnings) lines.push(`warning: ${w.file}: ${w.message}`);
  return lines.join('\n').replace(/\n*$/, '\n');
}

function appReport(app: AppProfile): string {
  const rows: string[][] = [];
  const fact = (label: string, f: { value: unknown; source: string } | null | undefined) =>
    rows.push([label, f ? String(f.value) : '—', f ? f.source : '']);
  fact('runtime', app.runtimeVersion);
  fact('package manager', app.packageManager);
  fact('framework', app.framework);
  fact('build', app.build);
  fact('start', app.start);
  fact('port', app.port);
  for (const s of app.services) rows.push(['service', s.value, s.source]);
  for (const e of app.env) rows.push(['env', `${e.name}${e.secret ? ' (secret)' : ''}${e.hasDefault ? ' (has default)' : ''}`, e.source]);
  for (const n of app.nativeDeps) rows.push(['native', `${n.package} → debian: ${n.systemPackages.debian.runtime.join(' ') || '—'}`, n.source]);
  return `${app.name}  (${app.ecosystem}, ${app.path})\n` + renderTable(rows, ['fact', 'value', 'source']);
}
