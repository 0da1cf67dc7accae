// `up`: build the app image, then on the project network start the backing services (waiting on their
// healthchecks) and the app (env from .env plus service URLs, port published on 127.0.0.1), and wait until
// it is ready. Running twice replaces the project's containers. Any failure after the build removes what
// this run created, so nothing Parity-labelled is left behind, and reports the exit code and last logs.
import type Docker from 'dockerode';
import { UserError } from '../core/errors';
import { buildImage, type BuildProgress, type BuiltImage } from './build';
import type { HealthSpec, ServiceSpec } from './compose-plan';
import type { Engine } from './connect';
import { containerName, labelsFor, networkName, projectFilter, dockerName } from './labels';
import { lastLogLines } from './logs';
import { ensureNetwork } from './network';
import { nextFreePort } from './ports';
import { waitReady, type Readiness } from './readiness';
import { removeProject } from './down';
import type { TwinReport } from '../core/twin/report';
import { nonRootFinding, twinCreateSettings, waitTwin, type TwinOptions } from './twin/run';
import { renderFindings } from '../core/twin/report';
import type { Finding } from '../core/model';

export interface UpApp {
  name: string;
  /** Absolute folder of the app (the build context). */
  dir: string;
  port: number | null;
  /** Generated Dockerfile used when the folder has none. */
  dockerfileContent?: string;
  dockerignoreContent?: string;
}

export interface UpOptions {
  engine: Engine;
  /** Absolute scanned root (recorded in labels so `down`/`ps` can find the project by folder). */
  root: string;
  project: string;
  app: UpApp;
  /** Backing services to start first; empty with --no-services. */
  services: ServiceSpec[];
  /** Environment for the app: `.env` values, then the compose plan's service URLs. */
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  onBuild?: (p: BuildProgress) => void;
  onInfo?: (message: string) => void;
  /** Production constraints from the manifest (applied unless `apply` is false); undefined: none known. */
  twin?: TwinOptions;
  /** `linux/arm64`…: build and run for the production target's platform (emulated by the engine). */
  platform?: string;
}

export interface UpResult {
  image: BuiltImage;
  container: string;
  url?: string;
  hostPort?: number;
  services: string[];
  readiness: Readiness & { ok: true };
  /** What the container did under the manifest's constraints (with `twin`). */
  report?: TwinReport;
}

export class UpFailedError extends UserError {
  constructor(message: string, readonly exitCode: number | undefined, readonly logs: string[], readonly report?: TwinReport, readonly findings: Finding[] = report?.findings ?? []) {
    super(message + renderFindings(findings) + (logs.length ? `\n  last ${logs.length} log lines:\n${logs.map((l) => `    ${l}`).join('\n')}` : ''));
  }
}

/** Local runs check health every 2 s at most, so `up` does not wait a production-sized interval. */
const LOCAL_INTERVAL_NS = 2e9;

export async function up(opts: UpOptions): Promise<UpResult> {
  const { docker } = opts.engine;
  const info = opts.onInfo ?? (() => undefined);
  const appName = dockerName(opts.app.name);
  const image = await buildImage(docker, {
    dir: opts.app.dir,
    dockerfileContent: opts.app.dockerfileContent,
    dockerignoreContent: opts.app.dockerignoreContent,
    repository: appName,
    labels: { 'dev.parity.project': opts.project, 'dev.parity.app': appName },
    onProgress: opts.onBuild,
    signal: opts.signal,
    gzip: opts.engine.target.host !== undefined ? true : 'auto',
    platform: opts.platform,
  });
  info(`built ${image.ref} (${image.bytesSent} bytes of context sent)`);

  // Replace, never duplicate: whatever this project ran before goes (volumes stay).
  const previous = await removeProject(docker, opts.project, { volumes: false });
  if (previous.containers.length) info(`replaced ${previous.containers.join(', ')}`);

  try {
    const labels = (app: string, role: 'app' | 'service') => labelsFor(opts.project, app, opts.root, role);
    await ensureNetwork(docker, opts.project, labels(appName, 'app'));
    const started: string[] = [];
    for (const svc of orderByDependencies(opts.services)) {
      info(`starting ${svc.name} (${svc.image})`);
      const id = await startService(docker, opts, svc, labels(dockerName(svc.name), 'service'));
      started.push(containerName(opts.project, dockerName(svc.name)));
      const ready = await waitReady(docker, id, { timeoutMs: opts.timeoutMs, signal: opts.signal });
      if (!ready.ok) throw await failure(docker, id, `service ${svc.name}`, ready, opts.timeoutMs);
    }

    const imageInfo = await docker.getImage(image.id).inspect();
    const healthcheck = imageInfo.Config?.Healthcheck;
    const twin = opts.twin ? twinCreateSettings(opts.twin, imageInfo.Config?.User ?? '') : undefined;
    const rootless = opts.twin?.apply ? nonRootFinding(opts.twin.constraints, imageInfo.Config?.User ?? '', opts.twin.appPath) : undefined;
    if (rootless) throw new UpFailedError(`app ${appName} would not start in production`, undefined, [], undefined, [rootless]);
    const { id, hostPort, hostPorts } = await startApp(docker, opts, appName, image.ref, healthcheck, { ...labels(appName, 'app'), ...twin?.labels }, info, twin);
    const waitDefault = () => waitReady(docker, id, { hostPort, timeoutMs: opts.timeoutMs, signal: opts.signal });
    let report: TwinReport | undefined;
    let ready: Readiness;
    if (opts.twin) {
      const waited = await waitTwin(docker, id, opts.twin, hostPorts, { timeoutMs: opts.timeoutMs, signal: opts.signal, fallback: waitDefault });
      report = waited.report;
      ready = waited.readiness ?? (waited.outcome === 'ready' ? { ok: true, how: 'probes' } : waited.outcome === 'exited' ? { ok: false, reason: 'exited', exitCode: report.exitCode ?? -1 }
        : waited.outcome === 'failed' ? { ok: false, reason: 'unhealthy', detail: report.probes.filter((p) => p.failed).map((p) => `${p.kind} probe ${p.target}: ${p.lastError ?? 'failed'}`).join('; ') }
        : { ok: false, reason: waited.outcome === 'cancelled' ? 'cancelled' : 'timeout' });
    } else ready = await waitDefault();
    if (!ready.ok) throw await failure(docker, id, `app ${appName}`, ready, opts.timeoutMs, report);
    return {
      report,
      image,
      container: containerName(opts.project, appName),
      hostPort,
      url: hostPort ? `http://127.0.0.1:${hostPort}/` : undefined,
      services: started,
      readiness: ready,
    };
  } catch (err) {
    await removeProject(docker, opts.project, { volumes: false }).catch(() => undefined);
    if (opts.signal?.aborted) throw new UserError('up cancelled; removed the containers it had started');
    throw err;
  }
}

async function startService(docker: Docker, opts: UpOptions, svc: ServiceSpec, labels: Record<string, string>): Promise<string> {
  const binds: string[] = [];
  for (const v of svc.volumes) {
    const volume = `parity-${opts.project}-${dockerName(v.name)}`;
    const found = await docker.listVolumes({ filters: { name: [volume] } });
    if (!found.Volumes?.some((x) => x.Name === volume)) await docker.createVolume({ Name: volume, Labels: labels });
    binds.push(`${volume}:${v.target}`);
  }
  await assertImagePresent(docker, svc.image, `service ${svc.name}`);
  const net = networkName(opts.project);
  const container = await docker.createContainer({
    name: containerName(opts.project, dockerName(svc.name)),
    Image: svc.image,
    Env: Object.entries(svc.env).map(([k, v]) => `${k}=${v}`),
    Cmd: svc.command,
    Labels: labels,
    Healthcheck: svc.healthcheck ? healthConfig(svc.healthcheck) : undefined,
    HostConfig: { NetworkMode: net, Binds: binds },
    NetworkingConfig: { EndpointsConfig: { [net]: { Aliases: [svc.name] } } },
  });
  await container.start();
  return container.id;
}

async function startApp(
  docker: Docker, opts: UpOptions, appName: string, ref: string,
  imageHealth: { Test?: string[]; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number } | undefined,
  labels: Record<string, string>, info: (m: string) => void,
  twin?: ReturnType<typeof twinCreateSettings>,
): Promise<{ id: string; hostPort?: number; hostPorts: Record<number, number> }> {
  const net = networkName(opts.project);
  const port = opts.app.port;
  const tried = new Set<number>();
  let hostPort = port ? await nextFreePort(port, tried) : undefined;
  // Probe ports other than the app's are published too (on free ports), so probes can reach them.
  const hostPorts: Record<number, number> = {};
  for (const p of twin?.ports ?? []) if (p !== port && hostPorts[p] === undefined) hostPorts[p] = await nextFreePort(p, new Set([...tried, ...(hostPort ? [hostPort] : []), ...Object.values(hostPorts)]));
  for (let attempt = 0; ; attempt++) {
    if (port && hostPort !== port && attempt === 0) info(`port ${port} is taken on 127.0.0.1; publishing on ${hostPort} instead`);
    const container = await docker.createContainer({
      name: containerName(opts.project, appName),
      ...(opts.platform ? { platform: opts.platform } : {}),
      Image: ref,
      Env: Object.entries(opts.env).map(([k, v]) => `${k}=${v}`),
      Labels: labels,
      User: twin?.settings?.User,
      ExposedPorts: port || Object.keys(hostPorts).length ? Object.fromEntries([...(port ? [port] : []), ...Object.keys(hostPorts)].map((p) => [`${p}/tcp`, {}])) : undefined,
      Healthcheck: imageHealth?.Test && imageHealth.Test[0] !== 'NONE'
        ? { ...imageHealth, Interval: Math.min(imageHealth.Interval || 30e9, LOCAL_INTERVAL_NS), StartPeriod: imageHealth.StartPeriod }
        : undefined,
      HostConfig: {
        ...twin?.settings?.HostConfig,
        NetworkMode: net,
        PortBindings: port || Object.keys(hostPorts).length
          ? Object.fromEntries(Object.entries({ ...hostPorts, ...(port ? { [port]: hostPort } : {}) }).map(([c, h]) => [`${c}/tcp`, [{ HostIp: '127.0.0.1', HostPort: String(h) }]]))
          : undefined,
      },
      NetworkingConfig: { EndpointsConfig: { [net]: { Aliases: [appName] } } },
    });
    try {
      await container.start();
      if (port && hostPort) hostPorts[port] = hostPort;
      return { id: container.id, hostPort, hostPorts };
    } catch (err) {
      const message = String((err as Error).message);
      await container.remove({ force: true }).catch(() => undefined);
      // Taken between our check and the engine's bind (or by something we cannot see): try the next one.
      if (port && hostPort && attempt < 5 && /port is already allocated|address already in use/i.test(message)) {
        tried.add(hostPort);
        const next = await nextFreePort(hostPort + 1, tried);
        info(`port ${hostPort} is taken on 127.0.0.1; publishing on ${next} instead`);
        hostPort = next;
        continue;
      }
      throw err;
    }
  }
}

function healthConfig(h: HealthSpec) {
  return {
    Test: h.test,
    Interval: Math.min(h.intervalNs ?? 30e9, LOCAL_INTERVAL_NS),
    Timeout: h.timeoutNs,
    Retries: h.retries,
    StartPeriod: h.startPeriodNs,
  };
}

async function assertImagePresent(docker: Docker, ref: string, who: string): Promise<void> {
  try {
    await docker.getImage(ref).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
    try {
      const stream = await docker.pull(ref);
      await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, (e: Error | null) => (e ? reject(e) : resolve())));
    } catch (pullErr) {
      throw new UserError(
        `image ${ref} for ${who} is not in the engine and could not be pulled: ${(pullErr as Error).message.split('\n')[0]}`,
        `Load it (docker load) or pull it on a machine with registry access; or run with --no-services.`,
      );
    }
  }
}

async function failure(docker: Docker, id: string, who: string, r: Readiness & { ok: false }, timeoutMs: number, report?: TwinReport): Promise<UpFailedError> {
  const logs = await lastLogLines(docker, id, 50);
  if (r.reason === 'exited') return new UpFailedError(`${who} exited at start with code ${r.exitCode}${report?.oomKilled ? ' (OOM-killed at its memory limit)' : ''}`, r.exitCode, logs, report);
  if (r.reason === 'unhealthy') return new UpFailedError(`${who} is unhealthy${r.detail ? ` (${r.detail})` : ''}`, undefined, logs, report);
  if (r.reason === 'cancelled') return new UpFailedError(`${who}: cancelled`, undefined, []);
  return new UpFailedError(`${who} was not ready within ${Math.round(timeoutMs / 1000)} s`, undefined, logs, report);
}

function orderByDependencies(services: ServiceSpec[]): ServiceSpec[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const out: ServiceSpec[] = [];
  const seen = new Set<string>();
  const visit = (s: ServiceSpec) => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of s.dependsOn) {
      const dep = byName.get(d);
      if (dep) visit(dep);
    }
    out.push(s);
  };
  services.forEach(visit);
  return out;
}

export { projectFilter };
