import type { Issue } from '../validation/issue';
import type { LineCounts } from './lines';
import { signalExitCode } from './stopSignal';

/**
 * Prints a command's summary on stderr when something failed or needs saying; returns the exit code:
 * 0, 1 when a line failed, 130/143 when a signal stopped the run.
 */
export function summarize(command: string, counts: LineCounts, extra = ''): number {
  const stopped = counts.stopped === undefined ? '' : `; stopped by ${counts.stopped} after line ${counts.lines}, the rest of the input was not read`;
  const blank = counts.blank > 0 ? `, ${counts.blank} blank` : '';
  if (counts.failed > 0 || extra !== '' || stopped !== '') {
    process.stderr.write(`${command}: ${counts.lines} lines, ${counts.written} written, ${counts.skipped} skipped, ${counts.failed} failed${blank}${extra}${stopped}\n`);
  }
  if (counts.stopped !== undefined) return signalExitCode(counts.stopped);
  return counts.failed > 0 ? 1 : 0;
}

/** One issue as a line of the CLI's report: dotted path, message, code. */
export function describeIssue(issue: Issue): string {
  return `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message} [${issue.code}]`;
}
