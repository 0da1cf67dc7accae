// The shape of per-ecosystem resource requests and limits (each module sizes its own for a small service).
export interface Resources { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } }

export const R = (rc: string, rm: string, lc: string, lm: string): Resources => ({ requests: { cpu: rc, memory: rm }, limits: { cpu: lc, memory: lm } });
