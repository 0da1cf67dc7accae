// What a container's log says about production constraints it hit: writes refused by a read-only root
// (EROFS, in the wording of Node, Python, Go, Java, Ruby and coreutils) and binds refused on a privileged
// port. Pure text → facts; the docker adapter supplies the lines.

import * as posix from 'node:path/posix';

export interface LogWrite {
  /** Absolute path (relative ones in the message are resolved against the working directory). */
  path: string;
  line: string;
  /** The refused call creates this path as a directory (mkdir), so an emptyDir goes on the path itself. */
  isDir: boolean;
}
export interface LogBind { port?: number; line: string }

// Every runtime words it "read-only file system" (Node: `EROFS: read-only file system, open 'x'`); the bare code
// (Node's `code: 'EROFS'` line) holds no path.
const EROFS = /read-only file system/i;
/** A quoted path (Node prints it as the app wrote it, maybe relative), else a bare absolute one (Go: `open
 * /app/x: read-only…`, Java: `/app/x (Read-only…)`). */
const QUOTED_PATH = /['"`]([^'"`\s][^'"`]*)['"`]/;
const MKDIR = /\bmkdir\b/i;
const BARE_PATH = /(?:^|[\s:(-])(\/[^\s:'"()]+)/;

const BIND_REFUSED = /(EACCES|permission denied|BindException|Errno::EACCES|\[Errno 13\])/i;
const BIND_CONTEXT = /\b(listen|bind|port|address)\b/i;
const PORT = /(?::|port\s+|port=)(\d{1,5})\b/i;
/** The port of a `bind((host, 443))` / `listen(80)` call on a traceback line. */
const CALL_PORT = /\b(?:bind|listen)\s*\(.*?(\d{1,5})\s*\)/;

function callerPort(above: readonly string[]): string | undefined {
  for (const l of [...above].reverse()) {
    const m = CALL_PORT.exec(l) ?? (BIND_CONTEXT.test(l) ? PORT.exec(l) : null);
    if (m) return m[1];
  }
  return undefined;
}

export function scanLogs(lines: readonly string[], workingDir = '/'): { writes: LogWrite[]; binds: LogBind[] } {
  const writes: LogWrite[] = [];
  const binds: LogBind[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    // Python prints the failing call on the traceback lines above `PermissionError: [Errno 13] …`.
    const context = [line, ...lines.slice(Math.max(0, i - 3), i)].join('\n');
    if (EROFS.test(line)) {
      const found = (QUOTED_PATH.exec(line) ?? BARE_PATH.exec(line))?.[1];
      const path = found ? posix.resolve(workingDir, found) : undefined;
      if (path && !writes.some((w) => w.path === path)) writes.push({ path, line: line.trim().slice(0, 300), isDir: MKDIR.test(line) });
    } else if (BIND_REFUSED.test(line) && BIND_CONTEXT.test(context)) {
      const port = Number(PORT.exec(line)?.[1] ?? callerPort(lines.slice(Math.max(0, i - 3), i)));
      if (!binds.some((b) => b.line === line.trim())) binds.push({ port: Number.isInteger(port) && port > 0 ? port : undefined, line: line.trim().slice(0, 300) });
    }
  });
  return { writes, binds };
}
