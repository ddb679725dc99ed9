// The `customerio-segment` command: picks the command, prints help, turns errors into exit codes.
import { IoError, systemMessage } from './IoError';
import { mapCommand, mapHelp } from './mapCommand';
import { migrateCommand, migrateHelp } from './migrateCommand';
import { removeTemporaryFiles, stdoutOutput } from './outputFile';
import { packageVersion } from './packageVersion';
import { serveCommand, serveHelp } from './serveCommand';
import { sqlCommand, sqlHelp } from './sqlCommand';
import { installStopHandlers, signalExitCode, stopSignal } from './stopSignal';
import { trackingPlanCommand, trackingPlanHelp } from './trackingPlanCommand';
import { UsageError } from './UsageError';

const usage = `Usage: customerio-segment <command> [options]

Commands:
  map            NDJSON Customer.io reporting webhooks -> NDJSON Segment track calls (2.0.0)
  migrate        NDJSON 1.0.0 track payloads (or warehouse rows with --rows) -> 2.0.0
  sql            print the SQL that migrates a warehouse in place or through views
  tracking-plan  print the Segment Protocols tracking plan rules of the 2.0.0 events
  serve          receive Customer.io's webhooks over HTTP and send them to Segment (set up by environment)

Run "customerio-segment <command> --help" for the options of a command.
"customerio-segment --version" prints the version.

Exit codes:
  0    every line was handled
  1    some lines failed (each one is reported on stderr with its line number)
  2    bad usage (unknown command or option, a wrong value), or a file or stream that could not be
       read or written (one line on stderr; no file named by an option is left half-written)
  130  stopped by SIGINT, 143 by SIGTERM (whole lines written, lookups and conflicts saved)
`;

interface Command {
  readonly help: string;
  readonly run: (args: readonly string[]) => number | Promise<number>;
  /** A signal is how this command ends normally (a server): its own exit code stands. */
  readonly stopsOnSignal?: true;
}

const commands: Record<string, Command> = {
  map: { help: mapHelp, run: mapCommand },
  migrate: { help: migrateHelp, run: migrateCommand },
  sql: { help: sqlHelp, run: sqlCommand },
  'tracking-plan': { help: trackingPlanHelp, run: trackingPlanCommand },
  serve: { help: serveHelp, run: serveCommand, stopsOnSignal: true },
};

let running: Command | undefined;

async function print(text: string): Promise<void> {
  const stdout = stdoutOutput();
  await stdout.write(text);
  await stdout.commit();
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    await print(usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    await print(`${packageVersion()}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command "${name}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    await print(command.help);
    return 0;
  }
  running = command;
  return command.run(rest);
}

// A second SIGINT/SIGTERM while the first one is being honoured: stop now, leaving no temporary file.
installStopHandlers((signal) => {
  removeTemporaryFiles();
  process.stderr.write(`customerio-segment: stopped by a second ${signal}; files named by options were left as they were\n`);
  process.exit(signalExitCode(signal));
});

main(process.argv.slice(2)).then(
  (code) => {
    // A command that does not read lines (sql, tracking-plan) finishes its short work, then says it was stopped.
    const signal = stopSignal();
    process.exitCode = signal !== undefined && code < 2 && running?.stopsOnSignal !== true ? signalExitCode(signal) : code;
  },
  (error: unknown) => {
    removeTemporaryFiles();
    if (error instanceof UsageError) {
      process.stderr.write(`customerio-segment: ${error.message}\nRun "customerio-segment --help" for usage.\n`);
    } else if (error instanceof IoError) {
      process.stderr.write(`customerio-segment: ${error.message}\n`);
    } else {
      // A system error says all in its message; anything else is a bug: show the stack.
      const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
      process.stderr.write(`customerio-segment: ${error instanceof Error ? (system ? systemMessage(error) : (error.stack ?? error.message)) : String(error)}\n`);
    }
    // Exit now: an input still open (stdin) would otherwise keep the process alive.
    process.exit(2);
  },
);
