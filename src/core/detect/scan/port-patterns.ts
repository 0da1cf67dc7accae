// Listen-call idioms with a literal port, per language, and the first such port in a file's text.
import { inCommentLine, lineAt, lineStarts, type Lang } from './lines';

/** `hints`: substrings of which at least one must be in the file before the regex runs (cheap `includes`). */
export interface PortPattern { langs: readonly Lang[] | 'all'; hints: readonly string[]; re: RegExp }

const N = String.raw`(?<port>\d{2,5})\b`;

/** Each pattern captures the literal port in the group named `port`. */
export const PORT_PATTERNS: readonly PortPattern[] = [
  // app.listen(3000…), server.listen(8080, …)
  { langs: 'all', hints: ['.listen('], re: new RegExp(String.raw`\.listen\(\s*${N}`, 'g') },
  // fastify.listen({ port: 3000 }), Bun.serve({ port: 3000 }), serve({ fetch, port: 8787 })
  { langs: ['js', 'other'], hints: ['listen(', 'serve('], re: new RegExp(String.raw`\b(?:listen|serve)\(\s*\{(?:[^{}]|\{[^{}]{0,200}\}){0,300}?\bport\s*:\s*${N}`, 'g') },
  // process.env.PORT || 3000, ENV['PORT'] || 3000, PORT ?? 8080, getenv('PORT') ?: 8000
  { langs: 'all', hints: ['PORT'], re: new RegExp(String.raw`\bPORT\b['"\x60]?\]?\)*\s*(?:\|\||\?\?|\?:|\bor\b)\s*['"\x60]?${N}`, 'g') },
  // parseInt(process.env.PORT, 10) || 3000, Number.parseInt(process.env.PORT ?? '', 10) || 3000
  { langs: ['js', 'other'], hints: ['PORT'], re: new RegExp(String.raw`\bparseInt\(\s*process\.env(?:\.PORT|\[\s*['"]PORT['"]\s*\])[^()]{0,40}\)\s*(?:\|\||\?\?)\s*['"]?${N}`, 'g') },
  // os.getenv('PORT', '8000'), os.getenv('PORT', default='8000'), os.environ.get("PORT", 5000), ENV.fetch('PORT', 3000), env('PORT', 8000)
  { langs: 'all', hints: ['PORT'], re: new RegExp(String.raw`(?:getenv|environ\.get|ENV\.fetch|\benv|getOrDefault)\(\s*['"]PORT['"]\s*,\s*(?:default\s*=\s*)?['"]?${N}`, 'g') },
  // Go: port := os.Getenv("PORT"); if port == "" { port = "8080" } (the literal's line is the source)
  { langs: ['go'], hints: ['PORT'], re: new RegExp(String.raw`\b(?<v>\w+)\s*:?=\s*os\.Getenv\(\s*"PORT"\s*\)[^]{0,300}?\bif\s+\k<v>\s*==\s*""\s*\{\s*\k<v>\s*=\s*":?${N}"`, 'g') },
  // Go 1.22+: cmp.Or(os.Getenv("PORT"), "8080")
  { langs: ['go'], hints: ['cmp.Or'], re: new RegExp(String.raw`\bcmp\.Or\(\s*os\.Getenv\(\s*"PORT"\s*\)\s*,\s*":?${N}"`, 'g') },
  // port ENV.fetch("PORT") { 3000 } (Puma)
  { langs: ['ruby', 'other'], hints: ['PORT'], re: new RegExp(String.raw`ENV\.fetch\(\s*['"]PORT['"]\s*\)\s*\{\s*['"]?${N}`, 'g') },
  // app.run(host="0.0.0.0", port=5000), uvicorn.run("main:app", port=8000), web.run_app(app, port=8080)
  { langs: ['python', 'other'], hints: ['.run(', '.run_app('], re: new RegExp(String.raw`\.(?:run|run_app)\([^()]{0,300}?\bport\s*=\s*${N}`, 'g') },
  // set :port, 4567 (Sinatra)
  { langs: ['ruby', 'other'], hints: [':port'], re: new RegExp(String.raw`\bset\s*\(?\s*:port\s*,\s*${N}`, 'g') },
  // http.ListenAndServe(":8080", …), r.Run(":8080"), app.Listen(":3000"), e.Start(":1323")
  { langs: ['go', 'other'], hints: ['Listen', 'Run(', 'Start('], re: new RegExp(String.raw`\b(?:ListenAndServe(?:TLS)?|Run|Listen|Start)\(\s*"[\w.\[\]-]*:${N}"`, 'g') },
  // Addr: ":8080" in an http.Server literal
  { langs: ['go'], hints: ['Addr'], re: new RegExp(String.raw`\bAddr\s*:\s*"[\w.\[\]-]*:${N}"`, 'g') },
  // TcpListener::bind("0.0.0.0:3000"), HttpServer::new(…).bind(("0.0.0.0", 8080))
  { langs: ['rust', 'other'], hints: ['bind('], re: new RegExp(String.raw`\bbind\(\s*"[\w.\[\]:-]*:${N}"`, 'g') },
  { langs: ['rust', 'other'], hints: ['bind('], re: new RegExp(String.raw`\bbind\(\s*\(\s*"[^"]*"\s*,\s*${N}\s*\)`, 'g') },
  // app.Run("http://0.0.0.0:5000"), UseUrls("http://*:8080")
  { langs: ['dotnet', 'other'], hints: ['://'], re: new RegExp(String.raw`\b(?:Run|UseUrls|Urls\.Add)\(\s*"https?://[^":/]*:${N}`, 'g') },
];

const BY_LANG = new Map<Lang, readonly PortPattern[]>();
function patternsFor(lang: Lang): readonly PortPattern[] {
  let list = BY_LANG.get(lang);
  if (!list) BY_LANG.set(lang, (list = PORT_PATTERNS.filter((p) => p.langs === 'all' || p.langs.includes(lang))));
  return list;
}

/** The first literal listen port in one file. */
export function portIn(text: string, lang: Lang): { port: number; line: number } | null {
  let best: { port: number; index: number } | null = null;
  let starts: number[] | undefined;
  for (const p of patternsFor(lang)) {
    if (!p.hints.some((h) => text.includes(h))) continue;
    for (const m of text.matchAll(p.re)) {
      const index = m.index! + m[0].lastIndexOf(m.groups!.port);
      if (best && index >= best.index) break;
      const port = Number(m.groups!.port);
      if (port < 1 || port > 65535) continue;
      starts ??= lineStarts(text);
      if (inCommentLine(text, starts, index, lang)) continue;
      best = { port, index };
      break;
    }
  }
  if (!best) return null;
  return { port: best.port, line: lineAt(starts!, best.index) };
}
