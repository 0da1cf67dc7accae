#!/usr/bin/env node
'use strict';
// `detect` has a bundle of its own that skips the Docker/Kubernetes clients (see src/cli/detect-only.ts);
// the full CLI still handles it when that bundle has not been built yet.
const path = require('node:path');
const detectOnly = path.join(__dirname, '..', 'dist', 'cli-detect.js');
const useDetectOnly = process.argv[2] === 'detect' && require('node:fs').existsSync(detectOnly);
require(useDetectOnly ? detectOnly : '../dist/cli.js').runCli();
