// Streamlit data apps: `streamlit run <script>` on 8501, or the port set in .streamlit/config.toml.
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { lineIndex, type PythonEntry } from './entry';

/** Script names Streamlit projects use, most conventional first. */
const SCRIPTS = ['streamlit_app.py', 'app.py', 'main.py', 'Home.py', 'dashboard.py'];
const IMPORT = /^[ \t]*(?:import[ \t]+streamlit\b|from[ \t]+streamlit[ \t.])/m;

export function streamlitEntry(ctx: AppContext, deps: Dependency[]): PythonEntry | undefined {
  const dep = deps.find((d) => d.name === 'streamlit');
  if (!dep) return undefined;
  const top = ctx.files.filter((f) => !f.includes('/') && f.endsWith('.py'));
  const ordered = [...SCRIPTS.filter((f) => top.includes(f)), ...top.filter((f) => !SCRIPTS.includes(f))];
  for (const file of ordered) {
    const text = ctx.read(file);
    const m = text === undefined ? null : IMPORT.exec(text);
    if (!m) continue;
    return {
      framework: { value: 'streamlit', source: dep.source },
      start: ctx.fact(`streamlit run ${file} --server.address 0.0.0.0 --server.port ${configuredPort(ctx)?.value ?? 8501}`, file, lineIndex(text!, m.index)),
      build: null,
      defaultPort: defaultFact(8501, 'Streamlit listens on 8501'),
      configPort: configuredPort(ctx),
    };
  }
  return undefined;
}

function configuredPort(ctx: AppContext): Fact<number> | null {
  const port = (ctx.toml('.streamlit/config.toml')?.server as Record<string, unknown> | undefined)?.port;
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? ctx.fact(port, '.streamlit/config.toml', 'server.port') : null;
}
