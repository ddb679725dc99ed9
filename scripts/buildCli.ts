import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';

/**
 * Builds the CLI the way tsup.config.ts does (the same entry, format, platform and shebang) into a
 * temporary directory, and returns the path of the built file: the tests run what users run, without
 * touching dist/ (the lead's CI runs the tests before `npm run build`).
 */
export async function buildCli(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'customerio-segment-cli-'));
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
