// Loads a lazy chunk on first use. In the bundle, scripts/extension-bundle.mjs turns these requires into
// `require("./engine.js")` / `require("./runner.js")` of the files beside dist/extension.js; from sources
// they load the modules directly.
/* eslint-disable @typescript-eslint/no-require-imports */
export const loadEngine = async (): Promise<typeof import('./engine')> => require('./engine');
export const loadRunner = async (): Promise<typeof import('./runner')> => require('./runner');
