// Rule ids of what a local run under production's constraints catches (next to the 16 static drift rules
// in ../drift/rules): each is a Finding like drift's, with evidence from the real container and a fix.
export const RUNTIME_RULES = [
  { id: 'READONLY_WRITE', what: 'a write outside the writable mounts of a read-only root filesystem (EROFS, or a filesystem change on an unconstrained run)' },
  { id: 'OOM_LIMIT', what: 'the container was OOM-killed at, or peaked close to, resources.limits.memory' },
  { id: 'PROBE_FAIL', what: 'a startup/readiness/liveness probe of the manifest fails against the running container' },
  { id: 'SECRET_KEY_MISSING', what: 'a Secret (or ConfigMap) key the pod references has no value: reported before start' },
  { id: 'PRIVILEGED_PORT', what: 'the app binds a port below 1024 as non-root without NET_BIND_SERVICE' },
] as const;

export type RuntimeRuleId = (typeof RUNTIME_RULES)[number]['id'];
