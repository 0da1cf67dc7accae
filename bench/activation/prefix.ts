/** Marks the one console line the in-editor measurement prints for the driver. */
export const BENCH_PREFIX = 'PARITY-BENCH';
