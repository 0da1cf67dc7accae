// The health-check route the code registers, from route literals such as `app.get('/healthz', …)`,
// `@app.route("/health")`, `mux.HandleFunc("/livez", …)`, `@GetMapping("/health")`, `get '/ping' do`.
import { inCommentLine, lineAt, lineStarts, type Lang } from './lines';

const PATHS = String.raw`(?<path>healthz|health|healthcheck|livez|readyz|ping)`;
/** A route registration: a routing call or annotation followed by the quoted path (leading `/` optional for Django `path()`). */
const ROUTE_RE = new RegExp(
  String.raw`(?:(?:\.|@|::|\b)(?:get|head|all|route|handle|handlefunc|handler|mapget|mapmethods|maphealthchecks|path|re_path|getmapping|requestmapping|match|any)\s*\(\s*(?:(?:value|path)\s*=\s*)?|#\[get\(\s*|^\s*get\s+)(['"\x60])/?${PATHS}/?\1`,
  'gim',
);

/**
 * Rails 7.1+ generates `get "up" => "rails/health#show"` in config/routes.rb. `up` is too common a word
 * for the generic pattern (`map.get('up')`), so it counts only in this Rails routes-DSL form.
 */
const RAILS_UP_RE = /^[ \t]*get[ \t]*\(?[ \t]*(['"])\/?(?<path>up)\1[ \t]*(?:=>|,|\)|$)/gm;

const HINTS = ['health', 'livez', 'readyz', 'ping'];

export function healthPathIn(text: string, lang: Lang): { path: string; line: number } | null {
  // Language-level (allow-listed): Rails' `/up` route is Ruby source syntax, not an ecosystem dispatch.
  const res = [...(HINTS.some((h) => text.includes(h)) ? [ROUTE_RE] : []), ...(lang === 'ruby' && text.includes('up') ? [RAILS_UP_RE] : [])];
  let best: { path: string; index: number; end: number } | null = null;
  let starts: number[] | undefined;
  for (const re of res) {
    for (const m of text.matchAll(re)) {
      if (best && m.index! >= best.index) break;
      starts ??= lineStarts(text);
      if (inCommentLine(text, starts, m.index!, lang)) continue;
      best = { path: '/' + m.groups!.path.toLowerCase(), index: m.index!, end: m.index! + m[0].length - 1 };
      break;
    }
  }
  return best ? { path: best.path, line: lineAt(starts!, best.end) } : null;
}
