// The health-check route the code registers, from route literals such as `app.get('/healthz', …)`,
// `@app.route("/health")`, `mux.HandleFunc("/livez", …)`, `@GetMapping("/health")`, `get '/ping' do`.
import { inCommentLine, lineAt, lineStarts, type Lang } from './lines';

const PATHS = String.raw`(?<path>healthz|health|healthcheck|livez|readyz|ping)`;
/** A route registration: a routing call or annotation followed by the quoted path (leading `/` optional for Django `path()`). */
const ROUTE_RE = new RegExp(
  String.raw`(?:(?:\.|@|::|\b)(?:get|head|all|route|handle|handlefunc|handler|mapget|mapmethods|maphealthchecks|path|re_path|getmapping|requestmapping|match|any)\s*\(\s*(?:(?:value|path)\s*=\s*)?|#\[get\(\s*|^\s*get\s+)(['"\x60])/?${PATHS}/?\1`,
  'gim',
);

const HINTS = ['health', 'livez', 'readyz', 'ping'];

export function healthPathIn(text: string, lang: Lang): { path: string; line: number } | null {
  if (!HINTS.some((h) => text.includes(h))) return null;
  let starts: number[] | undefined;
  for (const m of text.matchAll(ROUTE_RE)) {
    starts ??= lineStarts(text);
    if (inCommentLine(text, starts, m.index!, lang)) continue;
    return { path: '/' + m.groups!.path.toLowerCase(), line: lineAt(starts, m.index! + m[0].length - 1) };
  }
  return null;
}
