// Child process of run.mjs: cold build (engine cache ignored) of an app's generated Dockerfile, then a
// rebuild after editing one source file. Prints both times and their ratio.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connectEngine } from '../../src/docker/connect';
import { buildImage } from '../../src/docker/build';
import { prepareUp } from '../../src/docker/prepare';

async function main() {
  const [source, edited] = process.argv.slice(2);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-')), path.basename(source));
  fs.cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}node_modules`) });
  const prepared = prepareUp({ root: dir, display: path.basename(dir), withServices: false });
  const { docker } = await connectEngine();
  const build = async (noCache: boolean) => {
    const t0 = process.hrtime.bigint();
    const image = await buildImage(docker, {
      dir, repository: `parity-bench-${prepared.app.name}`, noCache,
      dockerfileContent: prepared.app.dockerfileContent, dockerignoreContent: prepared.app.dockerignoreContent,
    });
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, ref: image.ref };
  };
  await build(false); // the base image's first use (page cache, layer lookup) is not part of either figure
  const cold = await build(true);
  fs.appendFileSync(path.join(dir, edited), `\n// edited at ${new Date().toISOString()}\n`);
  const rebuild = await build(false);
  for (const ref of new Set([cold.ref, rebuild.ref])) await docker.getImage(ref).remove().catch(() => undefined);
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ app: path.basename(source), edited, coldSeconds: cold.seconds, rebuildSeconds: rebuild.seconds, ratio: rebuild.seconds / cold.seconds }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
