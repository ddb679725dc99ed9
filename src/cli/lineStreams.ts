import { createReadStream, fstatSync, openSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { IoError, systemMessage } from './IoError';
import { checkOutputPath, fileIdentity, openOutputFile, stdoutOutput, type Output } from './outputFile';
import { UsageError } from './UsageError';

/** The options every line-by-line command takes for its input, output and progress. */
export const lineStreamOptions = {
  input: { type: 'string' },
  output: { type: 'string' },
  'max-line-bytes': { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The default of `--max-line-bytes`: far above any real event, far below V8's string limit (~512 MiB). */
export const defaultMaxLineBytes = 64 * 1024 * 1024;

/** The `--help` text of {@link lineStreamOptions}. */
export const lineStreamHelp = `  --input FILE           read from FILE instead of stdin
  --output FILE          write to FILE instead of stdout (through a temporary file renamed at the end)
  --max-line-bytes N     a longer line is a failed line, skipped without being read into memory
                         (default ${defaultMaxLineBytes}, 64 MiB)
  --progress             print lines and lines/s on stderr (default when stderr is a terminal)
  --help                 show this help`;

/** The input and output of a line-by-line command. */
export interface LineStreams {
  readonly input: Readable;
  readonly output: Output;
  readonly progress: boolean;
  readonly maxLineBytes: number;
}

/** A file the command will write besides `--output` (`--lookups`, `--conflicts`), checked with the others. */
export interface SideFile {
  readonly option: string;
  readonly path: string | undefined;
}

/**
 * Opens `--input` (or stdin) and checks every path the command will write before any line is read:
 * directories exist and are writable, no path is a directory, and no two of them, input included, are
 * the same file by identity (device and inode, so symlinks and hard links count). Then opens `--output`
 * (or stdout). Side files are only checked here; the command opens them when it writes them.
 */
export function lineStreams(
  values: { input?: string | undefined; output?: string | undefined; progress?: boolean | undefined; 'max-line-bytes'?: string | undefined },
  sideFiles: readonly SideFile[] = [],
): LineStreams {
  const maxLineBytes = parseMaxLineBytes(values['max-line-bytes']);
  let inputFd: number | undefined;
  let inputStats: Stats | undefined;
  if (values.input !== undefined) {
    try {
      inputFd = openSync(values.input, 'r');
      inputStats = fstatSync(inputFd);
    } catch (error) {
      throw new IoError(`--input ${values.input}: ${systemMessage(error)}`);
    }
    if (inputStats.isDirectory()) throw new IoError(`--input ${values.input}: is a directory`);
  } else inputStats = fstatOrUndefined(0);

  const written: { option: string; path: string }[] = [];
  if (values.output !== undefined) written.push({ option: '--output', path: values.output });
  for (const side of sideFiles) if (side.path !== undefined) written.push({ option: side.option, path: side.path });
  const seen: { option: string; path: string; stats: Stats | undefined }[] = [];
  const inputName = values.input === undefined ? 'stdin' : `--input ${values.input}`;
  for (const { option, path } of written) {
    checkOutputPath(option, path);
    const stats = fileIdentity(path);
    // Devices (/dev/null, /dev/full) may be named twice: writing them replaces nothing.
    const regular = stats === undefined || stats.isFile();
    if (regular && stats !== undefined && inputStats !== undefined && sameFile(stats, inputStats)) {
      throw new IoError(`${option} ${path} is the same file as ${inputName}; it would be replaced while it is read`);
    }
    for (const other of seen) {
      const same = stats !== undefined && other.stats !== undefined ? regular && sameFile(stats, other.stats) : resolvePath(path) === resolvePath(other.path);
      if (same) throw new IoError(`${option} ${path} and ${other.option} ${other.path} are the same file; one would replace the other`);
    }
    seen.push({ option, path, stats });
  }
  if (values.output === undefined && values.input !== undefined && inputStats !== undefined) {
    const stdoutStats = fstatOrUndefined(1);
    if (stdoutStats?.isFile() === true && sameFile(stdoutStats, inputStats)) {
      throw new IoError(`stdout is the same file as ${inputName}; it would be replaced while it is read`);
    }
  }

  const input = inputFd === undefined ? process.stdin : createReadStream('', { fd: inputFd, highWaterMark: 64 * 1024 });
  const output = values.output === undefined ? stdoutOutput() : openOutputFile('--output', values.output);
  return { input, output, progress: values.progress === true || process.stderr.isTTY === true, maxLineBytes };
}

function parseMaxLineBytes(text: string | undefined): number {
  if (text === undefined) return defaultMaxLineBytes;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--max-line-bytes must be a whole number of bytes (at least 1), received "${text}"`);
  }
  return value;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function fstatOrUndefined(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

function resolvePath(path: string): string {
  return resolve(path);
}
