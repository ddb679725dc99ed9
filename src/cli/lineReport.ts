import type { Issue } from '../validation/issue';
import type { LineCounts } from './lines';

/** Prints a command's summary on stderr when something failed or needs saying; returns the exit code. */
export function summarize(command: string, counts: LineCounts, extra = ''): number {
  if (counts.failed > 0 || extra !== '') {
    process.stderr.write(`${command}: ${counts.lines} lines, ${counts.written} written, ${counts.skipped} skipped, ${counts.failed} failed${extra}\n`);
  }
  return counts.failed > 0 ? 1 : 0;
}

/** Parses one line as JSON, or says why it is not JSON. */
export function parseLine(line: string): { value: unknown } | { fail: string[] } {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch (error) {
    return { fail: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** One issue as a line of the CLI's report: dotted path, message, code. */
export function describeIssue(issue: Issue): string {
  return `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message} [${issue.code}]`;
}
