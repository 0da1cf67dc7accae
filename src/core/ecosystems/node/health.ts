// Health probes with Node's (or Bun's) own HTTP client: the runtime images have no curl.
import type { HealthProbe } from '../../generate/dockerfile/render';

const probe = (runtime: 'node' | 'bun'): HealthProbe => ({ url, port, path }) => [runtime, '-e', path
  ? `require('http').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1)).setTimeout(4000, () => process.exit(1))`
  : `require('net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`];

export const nodeHealth = probe('node');
export const bunHealth = probe('bun');
