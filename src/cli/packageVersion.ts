import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the installed package, read from the package.json above the running file (the CLI is
 * `dist/cli.js`, next to it): the one source of the version, so it cannot drift.
 */
export function packageVersion(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (json.name === 'customerio-segment' && typeof json.version === 'string') return json.version;
    } catch {
      // No package.json here (or not ours): look further up.
    }
    const parent = dirname(directory);
    if (parent === directory) return 'unknown';
    directory = parent;
  }
}
