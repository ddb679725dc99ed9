/** A file or stream the command cannot read or write: reported in one line, exit code 2. */
export class IoError extends Error {}

/** The one-line text of a system error (`ENOSPC: no space left on device, write`), without a stack. */
export function systemMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return String(error);
}
