// SIGINT and SIGTERM ask a run to stop at the next whole line instead of killing it mid-write; a second
// one stops at once (temporary files removed), as a user pressing Ctrl-C twice expects.
const listeners = new Set<() => void>();
let received: NodeJS.Signals | undefined;

/** The signal that asked the run to stop, if one did. */
export function stopSignal(): NodeJS.Signals | undefined {
  return received;
}

/** Calls `listener` when a stop is asked for; returns the function that removes it. */
export function onStop(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The exit code of a run stopped by `signal`: 128 + its number, as shells report it. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/** Installs the handlers once; `forceExit` runs on the second signal. */
export function installStopHandlers(forceExit: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (received !== undefined) return forceExit(signal);
      received = signal;
      for (const listener of listeners) listener();
    });
  }
}
