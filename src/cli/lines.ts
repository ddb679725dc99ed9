import type { Readable, Writable } from 'node:stream';

/** What one input line became: text to write (without newline), nothing, or a failure with its reasons. */
export type LineOutcome = { readonly write: string } | { readonly skip: true } | { readonly fail: readonly string[] };

/** Counts of one run, for the summary and the exit code. */
export interface LineCounts {
  lines: number;
  written: number;
  skipped: number;
  failed: number;
}

/** Options of {@link processLines}. */
export interface ProcessLinesOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly errors: Writable;
  readonly command: string;
  readonly progress: boolean;
  readonly handle: (line: string, lineNumber: number) => LineOutcome;
}

// Output is gathered into chunks of about this size: one write per line would dominate the run time.
const flushAt = 64 * 1024;

/**
 * Reads NDJSON line by line in constant memory and writes what `handle` makes of each line.
 *
 * Reading is pull-based (`for await` over the stream) and waits for `drain` whenever the output is
 * full, so a slow consumer slows the reader instead of filling memory. A bad line is reported with its
 * number and counted, never dropped silently. Blank lines are ignored, as NDJSON readers do.
 */
export async function processLines(options: ProcessLinesOptions): Promise<LineCounts> {
  const { input, output, errors, handle } = options;
  const counts: LineCounts = { lines: 0, written: 0, skipped: 0, failed: 0 };
  const started = Date.now();
  let pending: string[] = [];
  let pendingSize = 0;
  let errorText = '';

  const flush = async (): Promise<void> => {
    if (errorText !== '') {
      errors.write(errorText);
      errorText = '';
    }
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingSize = 0;
    if (!output.write(chunk)) await waitForDrain(output);
  };

  const report = (final: boolean): void => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(counts.lines / seconds);
    const text = `${options.command}: ${counts.lines} lines, ${rate} lines/s, ${counts.failed} failed`;
    if ((errors as { isTTY?: boolean }).isTTY === true) errors.write(`\r${text}${final ? '\n' : ''}`);
    else errors.write(`${text}\n`);
  };
  const timer = options.progress ? setInterval(() => report(false), 1000) : undefined;
  timer?.unref();

  const onLine = (line: string): void => {
    counts.lines++;
    if (line.trim() === '') {
      counts.skipped++;
      return;
    }
    let outcome: LineOutcome;
    try {
      outcome = handle(line, counts.lines);
    } catch (error) {
      outcome = { fail: [`unexpected error: ${error instanceof Error ? error.message : String(error)}`] };
    }
    if ('write' in outcome) {
      pending.push(outcome.write, '\n');
      pendingSize += outcome.write.length + 1;
      counts.written++;
    } else if ('skip' in outcome) counts.skipped++;
    else {
      counts.failed++;
      for (const reason of outcome.fail) errorText += `${options.command}: line ${counts.lines}: ${reason}\n`;
    }
  };

  input.setEncoding('utf8');
  let carry = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      let start = 0;
      let end = chunk.indexOf('\n');
      if (end === -1) {
        carry += chunk;
        continue;
      }
      onLine(stripCr(carry + chunk.slice(0, end)));
      carry = '';
      start = end + 1;
      while ((end = chunk.indexOf('\n', start)) !== -1) {
        onLine(stripCr(chunk.slice(start, end)));
        start = end + 1;
      }
      carry = chunk.slice(start);
      if (pendingSize >= flushAt || errorText.length >= flushAt) await flush();
    }
    if (carry !== '') onLine(stripCr(carry));
    await flush();
  } finally {
    if (timer !== undefined) clearInterval(timer);
  }
  if (options.progress) report(true);
  return counts;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      stream.off('error', fail);
      resolve();
    };
    const fail = (error: Error): void => {
      stream.off('drain', done);
      reject(error);
    };
    stream.once('drain', done);
    stream.once('error', fail);
  });
}
