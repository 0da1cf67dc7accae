// What each Parity terminal has shown (the last 64 KB per terminal name), for the API's inspectTerminal:
// tests and embedding tools read a terminal's text, which VS Code itself does not expose.
const LIMIT = 64 * 1024;

export class Transcripts {
  private readonly texts = new Map<string, string>();

  readonly append = (terminal: string, text: string): void => {
    const all = (this.texts.get(terminal) ?? '') + text;
    this.texts.set(terminal, all.length > LIMIT ? all.slice(-LIMIT) : all);
  };

  get(terminal: string): string | undefined {
    return this.texts.get(terminal);
  }
}
