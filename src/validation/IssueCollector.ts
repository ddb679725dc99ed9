import type { Issue, IssueCode } from './issue';

type Path = readonly (string | number)[];

/**
 * Collects the issues of one validation, changed in place by every check it is handed to.
 *
 * The list is created at the first issue, so that valid input allocates none; checks report into the
 * collector instead of threading a list back to their caller.
 */
export class IssueCollector {
  /** The issues so far; `undefined` while there is none. */
  issues: Issue[] | undefined = undefined;

  /** Reports one issue at `path`. */
  add(code: IssueCode, path: Path, message: string): void {
    const issue: Issue = { code, path, message };
    if (this.issues === undefined) this.issues = [issue];
    else this.issues.push(issue);
  }
}
