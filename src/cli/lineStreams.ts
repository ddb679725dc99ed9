import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

/** The options every line-by-line command takes for its input, output and progress. */
export const lineStreamOptions = {
  input: { type: 'string' },
  output: { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The `--help` text of {@link lineStreamOptions}. */
export const lineStreamHelp = `  --input FILE     read from FILE instead of stdin
  --output FILE    write to FILE instead of stdout
  --progress       print lines and lines/s on stderr (default when stderr is a terminal)
  --help           show this help`;

/** The input and output of a line-by-line command, and how to close them. */
export interface LineStreams {
  input: Readable;
  output: Writable;
  progress: boolean;
  close(): Promise<void>;
}

/** Opens the files named by `--input` and `--output`, or stdin and stdout. */
export function lineStreams(values: { input?: string | undefined; output?: string | undefined; progress?: boolean | undefined }): LineStreams {
  const input = values.input === undefined ? process.stdin : createReadStream(values.input);
  const output = values.output === undefined ? process.stdout : createWriteStream(values.output);
  return {
    input,
    output,
    progress: values.progress === true || process.stderr.isTTY === true,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (output === process.stdout) return resolve();
        output.once('error', reject);
        output.end(resolve);
      }),
  };
}
