// The CLI and the Docker adapter as the extension loads them: a separate bundle (dist/runner.js) required
// only when a command builds, runs, reads logs, lists containers or checks drift — dockerode and the
// Kubernetes client are parsed then, never at activation. Import it with `loadRunner()`.
export { main as cliMain } from '../../cli/main';
export { connectEngine } from '../../docker/connect';
export { LABEL_PROJECT, LABEL_APP, LABEL_ROLE, LABEL_ROOT, projectFilter, dockerName } from '../../docker/labels';
export { streamLogs } from '../../docker/logs';
export { describeContext, contactSummary } from '../../kube/consent';
