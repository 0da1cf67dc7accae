// The engine as the extension loads it: a separate bundle (dist/engine.js) required on first use, so
// activation parses only the editor shell. Import it with `loadEngine()`, never statically.
export { DiskRepo } from '../../core/repo';
export { detect } from '../../core/detect';
export { generate } from '../../core/generate';
export { readProjectConfig, selectTarget } from '../../core/config';
export { familyForOs } from '../../core/platform/distros';
export { DISTROS } from '../../core/platform/distros';
