// The listen port found in code: one literal per framework idiom, first in sorted file order.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../src/core/repo';
import { AppContext } from '../../src/core/detect/context';
import { portIn, scanPort } from '../../src/core/detect/ports';

const cases: [string, string, Parameters<typeof portIn>[1], number, number][] = [
  ['express listen', "const app = express();\napp.listen(3000, () => {});", 'js', 3000, 2],
  ['fastify listen object', "await fastify.listen({ host: '0.0.0.0', port: 4000 });", 'js', 4000, 1],
  ['PORT || literal', "const port = process.env.PORT || 8081;\napp.listen(port);", 'js', 8081, 1],
  ['PORT ?? quoted literal', "const port = Number(process.env.PORT ?? '5173');", 'js', 5173, 1],
  ['Bun.serve', 'Bun.serve({ fetch(req) { return new Response("hi") }, port: 3001 });', 'js', 3001, 1],
  ['python getenv default', "port = int(os.getenv('PORT', '8000'))", 'python', 8000, 1],
  ['python environ.get default', 'port = int(os.environ.get("PORT", 5001))', 'python', 5001, 1],
  ['flask app.run', "if __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)", 'python', 5000, 2],
  ['uvicorn.run', 'uvicorn.run("main:app", host="0.0.0.0", port=8001, reload=False)', 'python', 8001, 1],
  ['go ListenAndServe', 'log.Fatal(http.ListenAndServe(":8080", mux))', 'go', 8080, 1],
  ['gin Run', 'r := gin.Default()\nr.Run(":9090")', 'go', 9090, 2],
  ['echo Start with host', 'e.Start("0.0.0.0:1323")', 'go', 1323, 1],
  ['go http.Server Addr', 'srv := &http.Server{Addr: ":7070", Handler: h}', 'go', 7070, 1],
  ['ruby puma', 'port ENV.fetch("PORT") { 3000 }', 'ruby', 3000, 1],
  ['sinatra set', 'set :port, 4567', 'ruby', 4567, 1],
  ['rust axum bind', 'let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;', 'rust', 3000, 1],
  ['rust actix tuple', 'HttpServer::new(|| App::new()).bind(("127.0.0.1", 8080))?', 'rust', 8080, 1],
  ['.NET app.Run url', 'app.Run("http://0.0.0.0:5050");', 'dotnet', 5050, 1],
  ['go Getenv then empty check', 'func main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\thttp.ListenAndServe(":"+port, nil)\n}', 'go', 8080, 4],
  ['go Getenv then one-line empty check with colon', 'addr := os.Getenv("PORT")\nif addr == "" { addr = ":9091" }', 'go', 9091, 2],
  ['go cmp.Or', 'port := cmp.Or(os.Getenv("PORT"), "8082")', 'go', 8082, 1],
  ['node parseInt with radix', 'const port = parseInt(process.env.PORT, 10) || 3005;', 'js', 3005, 1],
  ['python getenv default keyword', 'port = int(os.getenv("PORT", default="8003"))', 'python', 8003, 1],
];

for (const [name, code, lang, port, line] of cases) {
  test(`port from code: ${name}`, () => {
    assert.deepEqual(portIn(code, lang), { port, line });
  });
}

test('no literal port: nothing found', () => {
  assert.equal(portIn('app.listen(port)\nconst p = process.env.PORT;', 'js'), null);
  assert.equal(portIn('http.ListenAndServe(addr, nil)', 'go'), null);
});

test('go: an empty check on another variable is not the PORT default', () => {
  assert.equal(portIn('port := os.Getenv("PORT")\nhost := os.Getenv("HOST")\nif host == "" { host = "8080" }', 'go'), null);
});

test('commented-out listen calls and impossible ports are skipped', () => {
  assert.deepEqual(portIn('// app.listen(1111)\napp.listen(99999)\napp.listen(2222)', 'js'), { port: 2222, line: 3 });
});

test('the earliest match in a file wins across idioms', () => {
  assert.deepEqual(portIn("const port = process.env.PORT || 4000;\napp.listen(3000);", 'js'), { port: 4000, line: 1 });
});

test('first match in sorted source files, sourced relative to the scanned root', () => {
  const repo = new MemoryRepo({ 'svc/z.js': 'app.listen(1000)', 'svc/lib/a.js': 'server.listen(2000)', 'svc/package.json': '{}' });
  const files = repo.files().map((f) => f.slice('svc/'.length));
  assert.deepEqual(scanPort(new AppContext(repo, 'svc', files, []), ['z.js', 'lib/a.js']), { value: 2000, source: 'svc/lib/a.js:1' });
  assert.equal(scanPort(new AppContext(repo, 'svc', files, []), []), null);
});
