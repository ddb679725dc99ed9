import { closeSync, constants, fstatSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IoError, systemMessage } from './IoError';

/** Where a command writes: a file named by an option, or stdout. Every failure is an {@link IoError}. */
export interface Output {
  /** How the messages name it: `--output out.ndjson`, `stdout`. */
  readonly name: string;
  /** Writes the whole chunk; resolves once it is written or handed to a stream that can take more. */
  write(chunk: string | Buffer): void | Promise<void>;
  /** Finishes: flushes and, for a file, renames the temporary file into place. */
  commit(): Promise<void>;
  /** Gives up: removes the temporary file, so the file named keeps its old content. */
  abort(): void;
}

// Temporary files not yet renamed, removed when the run ends any other way.
const temporaries = new Set<string>();

/** Removes every temporary file still open (a run that failed or was stopped twice). */
export function removeTemporaryFiles(): void {
  for (const path of temporaries) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  temporaries.clear();
}

/** The file a path names, by identity (device and inode), or `undefined` when nothing is there. */
export function fileIdentity(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`${path}: ${systemMessage(error)}`);
  }
}

/**
 * Checks that `path` can be written before any input is read: its directory exists and is writable, and
 * it is not a directory. Throws an {@link IoError} naming `option` otherwise.
 */
export function checkOutputPath(option: string, path: string): void {
  const stats = fileIdentity(path);
  if (stats?.isDirectory() === true) throw new IoError(`${option} ${path}: is a directory`);
  const directory = dirname(path);
  const dirStats = fileIdentity(directory);
  if (dirStats === undefined) throw new IoError(`${option} ${path}: the directory ${directory} does not exist`);
  if (!dirStats.isDirectory()) throw new IoError(`${option} ${path}: ${directory} is not a directory`);
  // A regular file is replaced by renaming a temporary file in its directory, which needs that directory
  // writable; a device or a FIFO is written in place.
  if (stats === undefined || stats.isFile()) {
    const probe = join(directory, `.${basename(path)}.${process.pid}.probe`);
    try {
      closeSync(openSync(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
      unlinkSync(probe);
    } catch (error) {
      throw new IoError(`${option} ${path}: cannot create a file in ${directory} (${systemMessage(error)})`);
    }
  }
}

/**
 * Opens `path` for writing. A regular file (or a new one) is written to a temporary file in the same
 * directory and renamed into place by `commit`, so a run that fails or is killed leaves the old file or
 * the new one, never half of either. A device or a FIFO (`/dev/full`, `/dev/stdout`) is written directly.
 */
export function openOutputFile(option: string, path: string): Output {
  const name = `${option} ${path}`;
  const existing = fileIdentity(path);
  const direct = existing !== undefined && !existing.isFile();
  const target = direct ? path : join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = direct ? openSync(path, 'w') : openSync(target, 'wx', existing === undefined ? 0o666 : existing.mode & 0o777);
  } catch (error) {
    throw new IoError(`${name}: ${systemMessage(error)}`);
  }
  if (!direct) temporaries.add(target);
  let open = true;
  return {
    name,
    write(chunk) {
      writeAll(fd, chunk, name);
    },
    async commit() {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
        if (!direct) {
          renameSync(target, path);
          temporaries.delete(target);
        }
      } catch (error) {
        throw new IoError(`${name}: ${systemMessage(error)}`);
      }
    },
    abort() {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
      } catch {
        // The descriptor is gone already; the temporary file is what matters.
      }
      if (!direct) {
        try {
          unlinkSync(target);
        } catch {
          // Nothing left to remove.
        }
        temporaries.delete(target);
      }
    },
  };
}

function writeAll(fd: number, chunk: string | Buffer, name: string): void {
  try {
    let bytes: Buffer;
    let offset = 0;
    if (typeof chunk === 'string') {
      // A string is written without a copy into a Buffer first; only a short write (rare: a full
      // disk reports ENOSPC on the next call) needs its bytes to go on from.
      offset = writeSync(fd, chunk);
      const length = Buffer.byteLength(chunk);
      if (offset === length) return;
      bytes = Buffer.from(chunk);
    } else bytes = chunk;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    throw new IoError(`${name}: ${systemMessage(error)}`);
  }
}

/**
 * Stdout as an {@link Output}. A file or a device (`> out.ndjson`, `> /dev/full`) is written with
 * synchronous writes, whose errors are thrown where they happen; a pipe or a terminal goes through
 * `process.stdout`, whose errors are caught and turned into an {@link IoError} at the next write.
 */
export function stdoutOutput(): Output {
  const name = 'stdout';
  let stats: Stats | undefined;
  try {
    stats = fstatSync(1);
  } catch {
    stats = undefined;
  }
  if (stats !== undefined && (stats.isFile() || stats.isCharacterDevice()) && process.stdout.isTTY !== true) {
    return { name, write: (chunk) => writeAll(1, chunk, name), commit: async () => {}, abort: () => {} };
  }
  const stream = process.stdout;
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const check = (): void => {
    if (failure !== undefined) throw new IoError(`${name}: ${systemMessage(failure)}`);
  };
  const settle = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done);
        stream.off('error', done);
        resolve();
      };
      stream.once('drain', done);
      stream.once('error', done);
    });
  return {
    name,
    async write(chunk) {
      check();
      if (!stream.write(chunk)) await settle();
      check();
    },
    async commit() {
      check();
      await new Promise<void>((resolve) => stream.write('', () => resolve()));
      check();
    },
    abort: () => {},
  };
}
