import { isUtf8 } from 'node:buffer';
import type { Readable, Writable } from 'node:stream';
import { IoError } from './IoError';
import type { Output } from './outputFile';
import { onStop, stopSignal } from './stopSignal';

/**
 * What one input line became: text to write (without its line end), the line itself unchanged (its
 * exact bytes are written), nothing, or a failure with its reasons.
 */
export type LineOutcome = { readonly write: string } | { readonly keep: true } | { readonly skip: true } | { readonly fail: readonly string[] };

/** Counts of one run, for the summary and the exit code. */
export interface LineCounts {
  /** Every line read, blank ones included: the numbers in messages count these. */
  lines: number;
  written: number;
  /** Lines the command chose not to write (a disabled event); blank lines are not counted here. */
  skipped: number;
  failed: number;
  /** Empty or whitespace-only lines, ignored as NDJSON readers do. */
  blank: number;
  /** The signal that stopped the run before the end of the input. */
  stopped?: NodeJS.Signals;
}

/** Options of {@link processLines}. */
export interface ProcessLinesOptions {
  readonly input: Readable;
  readonly output: Output;
  readonly errors: Writable;
  readonly command: string;
  readonly progress: boolean;
  /** A longer line is a failed line; it is skipped up to its LF without being held in memory. */
  readonly maxLineBytes: number;
  /** Write the UTF-8 BOM of the input (if it has one) at the start of the output. */
  readonly keepBom: boolean;
  /** `line` is decoded from UTF-8, without its LF (a CR before it stays: JSON.parse reads it as space). */
  readonly handle: (line: string, lineNumber: number) => LineOutcome;
}

// Output is gathered into chunks of about this size: one write per line would dominate the run time.
const flushAt = 64 * 1024;
const LF = 10;
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads NDJSON line by line in constant memory and writes what `handle` makes of each line.
 *
 * Input is read as bytes and split on LF, so a line the command keeps is written with its exact bytes
 * (CRLF and invalid UTF-8 included); a line it changes keeps its CRLF. A line that must be changed but
 * is not valid UTF-8, or is longer than `maxLineBytes`, is a failed line, reported with its number.
 * Reading is pull-based and waits for the output, so a slow consumer slows the reader instead of filling
 * memory. SIGINT/SIGTERM stop the reading after the current chunk: every whole line read so far is
 * handled and written, and `stopped` says why the rest was not read.
 */
export async function processLines(options: ProcessLinesOptions): Promise<LineCounts> {
  const { input, output, errors, handle, maxLineBytes, command } = options;
  const counts: LineCounts = { lines: 0, written: 0, skipped: 0, failed: 0, blank: 0 };
  const started = Date.now();
  let pending: (string | Buffer)[] = [];
  let pendingSize = 0;
  let pendingBuffers = false;
  let errorText = '';

  const flush = async (): Promise<void> => {
    if (errorText !== '') {
      errors.write(errorText);
      errorText = '';
    }
    if (pending.length === 0) return;
    const chunk = pendingBuffers
      ? Buffer.concat(pending.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)))
      : (pending as string[]).join('');
    pending = [];
    pendingSize = 0;
    pendingBuffers = false;
    await output.write(chunk);
  };

  const report = (final: boolean): void => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(counts.lines / seconds);
    const text = `${command}: ${counts.lines} lines, ${rate} lines/s, ${counts.failed} failed`;
    if ((errors as { isTTY?: boolean }).isTTY === true) errors.write(`\r${text}${final ? '\n' : ''}`);
    else errors.write(`${text}\n`);
  };
  const timer = options.progress ? setInterval(() => report(false), 1000) : undefined;
  timer?.unref();

  const fail = (reasons: readonly string[]): void => {
    counts.failed++;
    for (const reason of reasons) errorText += `${command}: line ${counts.lines}: ${reason}\n`;
  };

  // `raw` is the line's bytes when they may differ from `line` encoded again (invalid UTF-8).
  const onLine = (line: string, raw: Buffer | undefined): void => {
    counts.lines++;
    if (line.trim() === '') {
      counts.blank++;
      return;
    }
    let outcome: LineOutcome;
    try {
      outcome = handle(line, counts.lines);
    } catch (error) {
      // A file the command writes beside the output failed: that ends the run, it is not this line's fault.
      if (error instanceof IoError) throw error;
      outcome = { fail: [`unexpected error: ${error instanceof Error ? error.message : String(error)}`] };
    }
    if ('keep' in outcome) {
      if (raw === undefined) {
        pending.push(line, '\n');
        pendingSize += line.length + 1;
      } else {
        pending.push(raw, '\n');
        pendingSize += raw.length + 1;
        pendingBuffers = true;
      }
      counts.written++;
    } else if ('write' in outcome) {
      if (raw !== undefined) {
        fail(['not valid UTF-8: a line that is changed is decoded, and its invalid bytes cannot be carried over; it is not written']);
        return;
      }
      pending.push(outcome.write, line.charCodeAt(line.length - 1) === 13 ? '\r\n' : '\n');
      pendingSize += outcome.write.length + 2;
      counts.written++;
    } else if ('skip' in outcome) counts.skipped++;
    else fail(outcome.fail);
  };

  const onBytes = (bytes: Buffer): void => {
    if (bytes.length > maxLineBytes) {
      counts.lines++;
      fail([`longer than --max-line-bytes (${bytes.length} > ${maxLineBytes} bytes); not read`]);
      return;
    }
    const line = bytes.toString('utf8');
    onLine(line, isUtf8(bytes) ? undefined : Buffer.from(bytes));
  };

  // The start of a line whose LF has not come yet, and its length; past maxLineBytes only the length is kept.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let first = true;
  let head: Buffer | undefined;
  const stopReading = onStop(() => input.destroy());
  try {
    try {
      for await (const read of input as AsyncIterable<Buffer>) {
        // A signal before the first chunk (while the command was opening its files): read nothing.
        if (stopSignal() !== undefined) break;
        let chunk = typeof read === 'string' ? Buffer.from(read) : read;
        if (first) {
          // The BOM may come cut over the first chunks (a pipe can deliver a byte at a time).
          if (head !== undefined) chunk = Buffer.concat([head, chunk]);
          head = undefined;
          if (chunk.length < 3 && bom.subarray(0, chunk.length).equals(chunk)) {
            head = chunk;
            continue;
          }
          first = false;
          if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
            chunk = chunk.subarray(3);
            if (options.keepBom) await output.write(bom);
          }
        }
        const last = chunk.lastIndexOf(LF);
        if (last === -1) {
          carryBytes += chunk.length;
          if (carryBytes <= maxLineBytes) carry.push(chunk);
          else carry = [];
          continue;
        }
        let start = 0;
        const end = chunk.indexOf(LF);
        if (carryBytes > 0) {
          if (carryBytes + end > maxLineBytes) {
            counts.lines++;
            fail([`longer than --max-line-bytes (${carryBytes + end} > ${maxLineBytes} bytes); not read`]);
          } else onBytes(Buffer.concat([...carry, chunk.subarray(0, end)]));
          carry = [];
          carryBytes = 0;
          start = end + 1;
        }
        if (last - start <= maxLineBytes && start <= last) {
          // The usual case: the whole lines of the chunk decoded at once, when they are valid UTF-8.
          const region = chunk.subarray(start, last);
          if (isUtf8(region)) {
            const text = region.toString('utf8');
            let from = 0;
            let at: number;
            while ((at = text.indexOf('\n', from)) !== -1) {
              onLine(text.slice(from, at), undefined);
              from = at + 1;
            }
            onLine(text.slice(from), undefined);
            start = last + 1;
          }
        }
        let at: number;
        while (start <= last && (at = chunk.indexOf(LF, start)) !== -1) {
          onBytes(chunk.subarray(start, at));
          start = at + 1;
        }
        if (start < chunk.length) {
          carryBytes = chunk.length - start;
          if (carryBytes <= maxLineBytes) carry.push(Buffer.from(chunk.subarray(start)));
        }
        if (pendingSize >= flushAt || errorText.length >= flushAt) await flush();
        if (stopSignal() !== undefined) break;
      }
    } catch (error) {
      // Destroying the input on a signal ends the loop with an error: that one is expected.
      if (stopSignal() === undefined) throw error;
    }
    if (head !== undefined) {
      carry = [head];
      carryBytes = head.length;
    }
    const stopped = stopSignal();
    if (stopped !== undefined) counts.stopped = stopped;
    else if (carryBytes > maxLineBytes) {
      counts.lines++;
      fail([`longer than --max-line-bytes (${carryBytes} > ${maxLineBytes} bytes); not read`]);
    } else if (carryBytes > 0) onBytes(Buffer.concat(carry));
    await flush();
  } finally {
    stopReading();
    if (timer !== undefined) clearInterval(timer);
  }
  if (options.progress) report(true);
  return counts;
}
