import * as path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_APPS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'apps');
export const GOLDEN = path.join(PROJECT_ROOT, 'test', 'golden');
export const CLI = path.join(PROJECT_ROOT, 'bin', 'parity.js');
