import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

/**
 * Builds the CLI the way tsup.config.ts does (the same entry, format, platform and shebang) into a
 * temporary directory, and returns the path of the built file: the tests run what users run, without
 * touching dist/ (CI runs the tests before `npm run build`). The directory is inside the package
 * (node_modules/.cache), as dist/ is, so that `--version` finds the package.json above it.
 */
export async function buildCli(): Promise<string> {
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'customerio-segment-cli-'));
  await build({
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    outDir,
    config: false,
    silent: true,
  });
  return join(outDir, 'cli.js');
}
