// Kubernetes resource quantities as numbers: memory (`512Mi`, `1G`, `268435456`) in bytes and CPU (`500m`,
// `1.5`) in nano-CPUs, the units the Docker Engine API takes. Anything else is undefined, never a guess.
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3 };

export function memoryBytes(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) && q > 0 ? Math.round(q) : undefined;
  if (typeof q !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*(Ki|Mi|Gi|Ti|Pi|Ei|[kKMGTPEm]?)\s*$/.exec(q);
  if (!m) return undefined;
  const factor = BINARY[m[2]] ?? DECIMAL[m[2]];
  const bytes = Math.round(Number(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

export function nanoCpus(q: unknown): number | undefined {
  const text = typeof q === 'number' ? String(q) : typeof q === 'string' ? q.trim() : '';
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  const cpus = Number(m[1]) / (m[2] ? 1000 : 1);
  return cpus > 0 ? Math.round(cpus * 1e9) : undefined;
}

/** `268435456` → `256 MiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${+(bytes / 2 ** 30).toFixed(2)} GiB`;
  if (bytes >= 2 ** 20) return `${+(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 2 ** 10) return `${+(bytes / 2 ** 10).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** A memory limit to suggest above a measured peak: peak + 25 %, rounded up to 32 Mi, as a quantity. */
export function suggestLimit(peakBytes: number): string {
  const step = 32 * 2 ** 20;
  const mi = (Math.ceil((peakBytes * 1.25) / step) * step) / 2 ** 20;
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}
