// Builds small test images through the Engine API from an in-memory context (no registry needed:
// every image here is FROM scratch, assembled from files on this machine). Removed after the run.
import * as tar from 'tar-stream';
import type Docker from 'dockerode';

const built = new Map<string, Docker>();

export async function buildTestImage(docker: Docker, tag: string, files: Record<string, Buffer | string>, modes: Record<string, number> = {}): Promise<string> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name, mode: modes[name] ?? 0o644 }, content);
  pack.finalize();
  const stream = await docker.buildImage(pack as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true });
  const events = await new Promise<{ error?: string }[]>((resolve, reject) => docker.modem.followProgress(stream, (err, res) => (err ? reject(err) : resolve(res))));
  const failed = events.find((e) => e.error);
  if (failed) throw new Error(`build of ${tag} failed: ${failed.error}`);
  built.set(tag, docker);
  return tag;
}

export async function removeTestImages(): Promise<void> {
  for (const [tag, docker] of built) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
  built.clear();
}
