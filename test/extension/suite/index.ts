// Entry of the extension-host suite: VS Code requires this bundle (extensionTestsPath) and awaits run().
// A rejected run() makes VS Code exit with code 1, which the driver asserts against.
import { runAll } from './framework';
import './basics';
import './views';
import './containerize';
import './applySafety';
import './drift';
import './statusBar';
import './selectTarget';
import './createTarget';
import './trust';
import './docker';
import './containersView';
import './twin';

export async function run(): Promise<void> {
  const results = await runAll();
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} of ${results.length} extension-host tests failed: ${failed.map((f) => f.name).join(', ')}`);
}
