/** A mistake in the command line: reported in one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}
