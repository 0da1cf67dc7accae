// The `vscode` module, imported once: every other file imports it from here, so the bundle wraps the
// editor's API object once instead of once per file (that copying was most of the activation time).
export * from 'vscode';
