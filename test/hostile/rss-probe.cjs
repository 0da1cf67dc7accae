// Preloaded into spawned CLI runs: records the process's peak RSS (KiB) where the harness reads it.
'use strict';
process.on('exit', () => {
  if (process.env.PARITY_RSS_FILE) require('node:fs').writeFileSync(process.env.PARITY_RSS_FILE, String(process.resourceUsage().maxRSS));
});
