// A terminal tab fed by the Engine API (no `docker` CLI): a container's shell through exec with a TTY,
// or its followed logs. Closing the tab ends the stream; the stream ending closes the tab's input.
import type Docker from 'dockerode';
import * as vscode from '../vscodeApi';

/** Receives everything a Parity terminal shows, by terminal name (the API's inspectTerminal). */
export type Transcript = (terminal: string, text: string) => void;

/** The terminal's output emitter, also feeding the transcript. */
function recorded(terminal: string, transcript: Transcript): vscode.EventEmitter<string> {
  const emitter = new vscode.EventEmitter<string>();
  const fire = emitter.fire.bind(emitter);
  emitter.fire = (text: string) => { transcript(terminal, text); fire(text); };
  return emitter;
}

/** Text for a terminal: bare LF moves to the line start too. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** A shell (`/bin/sh`, `bash` when present) inside a running container, as an interactive terminal. */
export function shellTerminal(docker: Docker, containerId: string, name: string, transcript: Transcript): vscode.Terminal {
  const write = recorded(`Shell: ${name}`, transcript);
  const close = new vscode.EventEmitter<number | void>();
  let stream: NodeJS.ReadWriteStream & { destroy?(): void } | undefined;
  let exec: Docker.Exec | undefined;
  let size = { h: 24, w: 80 };
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    async open(dimensions) {
      if (dimensions) size = { h: dimensions.rows, w: dimensions.columns };
      try {
        exec = await docker.getContainer(containerId).exec({
          Cmd: ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'],
          AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Env: [`COLUMNS=${size.w}`, `LINES=${size.h}`],
        });
        stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as NodeJS.ReadWriteStream;
        stream.on('data', (chunk: Buffer) => write.fire(chunk.toString('utf8')));
        stream.on('end', () => close.fire(0));
        await exec.resize(size).catch(() => undefined);
      } catch (err) {
        write.fire(crlf(`Parity: could not open a shell in ${name}: ${err instanceof Error ? err.message : String(err)}\n`));
      }
    },
    handleInput(data) {
      stream?.write(data);
    },
    setDimensions(d) {
      size = { h: d.rows, w: d.columns };
      void exec?.resize(size).catch(() => undefined);
    },
    close() {
      stream?.end();
      stream?.destroy?.();
      write.dispose();
      close.dispose();
    },
  };
  return vscode.window.createTerminal({ name: `Shell: ${name}`, pty, iconPath: new vscode.ThemeIcon('terminal') });
}

/** The container's logs, followed live until the container stops or the tab is closed. */
export function logsTerminal(name: string, transcript: Transcript, follow: (write: (text: string) => void, signal: AbortSignal) => Promise<void>): vscode.Terminal {
  const write = recorded(`Logs: ${name}`, transcript);
  const controller = new AbortController();
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    open() {
      follow((text) => write.fire(crlf(text)), controller.signal).then(
        () => { if (!controller.signal.aborted) write.fire(crlf(`\n[${name} stopped: no more logs]\n`)); },
        (err: unknown) => write.fire(crlf(`\nParity: logs of ${name}: ${err instanceof Error ? err.message : String(err)}\n`)),
      );
    },
    close() {
      controller.abort();
      write.dispose();
    },
  };
  return vscode.window.createTerminal({ name: `Logs: ${name}`, pty, iconPath: new vscode.ThemeIcon('output') });
}
