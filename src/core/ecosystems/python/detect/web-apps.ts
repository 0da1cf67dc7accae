// Flask and FastAPI: find the module that creates the app object (`app = Flask(__name__)`,
// `api = FastAPI()`, or a Flask `create_app()` factory) and serve it with the production server:
//   FastAPI → `uvicorn module:app --host 0.0.0.0 --port P`, P = a port the code passes to uvicorn.run(), else 8000.
//   Flask with gunicorn declared → `gunicorn module:app --bind 0.0.0.0:P`, P = app.run(port=…) in the code, else 8000
//     (no --bind when gunicorn.conf.py binds; its port is then configuration).
//   Flask without gunicorn → `flask --app module:app run --host 0.0.0.0 --port P`, P = the code's port, else 5000.
// Taking P from the code keeps the start command and the detected port (found by the code scan) in agreement.
// A `src/` layout gets `--chdir src` (gunicorn) / `--app-dir src` (uvicorn).
import type { Fact } from '../../../model';
import type { AppContext } from '../../../detect/context';
import { defaultFact } from '../../../detect/context';
import type { Dependency } from '../../../detect/provider';
import { depth, lineIndex, moduleOf, pythonSources, type PythonEntry } from './entry';
import { gunicornCommand, gunicornConf } from './gunicorn';

interface Framework {
  id: 'fastapi' | 'flask';
  /** `name = Flask(` / `name: FastAPI = FastAPI(`, capturing the variable. */
  object: RegExp;
  imports: RegExp;
}

const FRAMEWORKS: Framework[] = [
  { id: 'fastapi', object: /^(\w+)[ \t]*(?::[ \t]*[\w.]+[ \t]*)?=[ \t]*(?:fastapi\.)?FastAPI\(/m, imports: /^[ \t]*(?:from[ \t]+fastapi[ \t]+import|import[ \t]+fastapi)\b/m },
  { id: 'flask', object: /^(\w+)[ \t]*(?::[ \t]*[\w.]+[ \t]*)?=[ \t]*(?:flask\.)?Flask\(/m, imports: /^[ \t]*(?:from[ \t]+flask[ \t]+import|import[ \t]+flask)\b/m },
];

const FACTORY = /^def[ \t]+(create_app|make_app)[ \t]*\(/m;
/** Names of entry modules, most likely first. */
const ENTRY_NAMES = ['main', 'app', 'wsgi', 'asgi', 'application', 'server', 'api', '__init__', 'run'];

interface Found { file: string; text: string; callable: string; line: number }

export function webAppEntry(ctx: AppContext, deps: Dependency[]): PythonEntry | undefined {
  const sources = rank(pythonSources(ctx.files));
  const declared = FRAMEWORKS.filter((fw) => deps.some((d) => d.name === fw.id));
  // A declared framework's app object is looked for everywhere; undeclared ones (deps in an unread
  // manifest) only in top-level files, so big projects are not read in full for nothing.
  const searches = declared.length > 0 ? declared.map((fw) => ({ fw, files: sources })) : FRAMEWORKS.map((fw) => ({ fw, files: sources.filter((f) => depth(f) === 0) }));
  for (const { fw, files } of searches) {
    const dep = deps.find((d) => d.name === fw.id);
    const found = findApp(ctx, files, fw);
    if (!found) continue;
    const framework: Fact<string> = dep ? { value: fw.id, source: dep.source } : ctx.fact(fw.id, found.file, lineIndex(found.text, fw.imports.exec(found.text)?.index ?? 0));
    return { framework, ...serve(ctx, fw.id, found, deps), build: null };
  }
  return undefined;
}

function findApp(ctx: AppContext, files: string[], fw: Framework): Found | undefined {
  let factory: Found | undefined;
  for (const file of files) {
    const text = ctx.read(file);
    if (text === undefined || !fw.imports.test(text)) continue;
    const m = fw.object.exec(text);
    if (m) return { file, text, callable: m[1], line: lineIndex(text, m.index) };
    const f = fw.id === 'flask' ? FACTORY.exec(text) : null;
    if (f && !factory) factory = { file, text, callable: `${f[1]}()`, line: lineIndex(text, f.index) };
  }
  return factory;
}

function serve(ctx: AppContext, id: Framework['id'], app: Found, deps: Dependency[]): Pick<PythonEntry, 'start' | 'defaultPort' | 'configPort'> {
  const inSrc = app.file.startsWith('src/');
  const target = `${moduleOf(inSrc ? app.file.slice(4) : app.file)}:${app.callable}`;
  const codePort = portInEntry(app.text);
  const at = (command: string) => ctx.fact(command, app.file, app.line);
  if (id === 'fastapi') {
    return {
      start: at(`uvicorn ${target} --host 0.0.0.0 --port ${codePort ?? 8000}${inSrc ? ' --app-dir src' : ''}`),
      defaultPort: defaultFact(8000, 'uvicorn serves FastAPI on 8000'),
    };
  }
  if (deps.some((d) => d.name === 'gunicorn')) {
    const conf = gunicornConf(ctx);
    return {
      start: at(gunicornCommand(target, codePort ?? 8000, conf, inSrc ? ' --chdir src' : '')),
      defaultPort: defaultFact(8000, 'gunicorn serves Flask on 8000'),
      configPort: conf?.configPort ?? null,
    };
  }
  return {
    start: at(`flask --app ${target} run --host 0.0.0.0 --port ${codePort ?? 5000}`),
    defaultPort: defaultFact(5000, 'Flask listens on 5000'),
  };
}

/** The port the entry module itself runs on: `app.run(port=5000)`, `uvicorn.run(app, port=8080)`, `getenv("PORT", "8000")`. */
export function portInEntry(text: string): number | undefined {
  const m =
    /\.run\([^()]{0,300}?\bport\s*=\s*(\d{2,5})\b/.exec(text) ??
    /\b(?:os\.getenv|os\.environ\.get|environ\.get)\(\s*['"]PORT['"]\s*,\s*['"]?(\d{2,5})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function rank(files: string[]): string[] {
  const score = (f: string) => {
    const base = f.slice(f.lastIndexOf('/') + 1).replace(/\.py$/, '');
    const i = ENTRY_NAMES.indexOf(base);
    return i < 0 ? ENTRY_NAMES.length : i;
  };
  return [...files].sort((a, b) => depth(a) - depth(b) || score(a) - score(b) || (a < b ? -1 : a > b ? 1 : 0));
}
