// Child process of run.mjs (bundled, run with plain node so RSS is Parity's, not a TypeScript loader's):
// streams a folder as a build context to the real engine and prints what was sent and the peak RSS.
import { connectEngine } from '../../src/docker/connect';
import { buildImage } from '../../src/docker/build';

async function main() {
  const [dir, repository, mode] = process.argv.slice(2);
  const { docker } = await connectEngine();
  const baseline = process.memoryUsage().rss;
  const started = Date.now();
  // The Dockerfile copies nothing, so the engine reads the whole context but stores none of it.
  const image = await buildImage(docker, { dir, repository, dockerfileContent: 'FROM debian:bookworm-slim\nRUN true\n', gzip: mode === 'gzip' ? true : mode === 'plain' ? false : 'auto' });
  const result = {
    bytesSent: image.bytesSent,
    fileBytes: image.fileBytes,
    seconds: (Date.now() - started) / 1000,
    baselineRssMB: baseline / 2 ** 20,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    image: image.ref,
  };
  await docker.getImage(image.ref).remove().catch(() => undefined);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
