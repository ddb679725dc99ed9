import type { Issue } from './issue';

/**
 * The error that `parse*` functions throw: its `issues` are the ones `safeParse*` would return.
 *
 * The message names the first issue and how many follow, so a log line says what went wrong.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: readonly [Issue, ...Issue[]];

  constructor(issues: readonly [Issue, ...Issue[]]) {
    const [first] = issues;
    const where = first.path.length === 0 ? 'input' : first.path.join('.');
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    super(`${where}: ${first.message}${more}`);
    this.issues = issues;
  }
}
