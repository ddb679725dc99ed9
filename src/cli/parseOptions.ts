import { parseArgs } from 'node:util';
import { UsageError } from './UsageError';

type OptionsConfig = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** Parses a command's options strictly (no positionals, no unknown flags); a mistake is a {@link UsageError}. */
export function parseOptions<const T extends OptionsConfig>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
