// The `customerio-segment` command: picks the command, prints help, turns errors into exit codes.
import { mapCommand, mapHelp } from './mapCommand';
import { migrateCommand, migrateHelp } from './migrateCommand';
import { serveCommand, serveHelp } from './serveCommand';
import { sqlCommand, sqlHelp } from './sqlCommand';
import { UsageError } from './UsageError';

const usage = `Usage: customerio-segment <command> [options]

Commands:
  map      NDJSON Customer.io reporting webhooks -> NDJSON Segment track calls (2.0.0)
  migrate  NDJSON 1.0.0 track payloads (or warehouse rows with --rows) -> 2.0.0
  sql      print the SQL that migrates a warehouse in place or through views
  serve    receive Customer.io's webhooks over HTTP and send them to Segment (set up by environment)

Run "customerio-segment <command> --help" for the options of a command.
Exit codes: 0 all lines done, 1 some lines failed, 2 bad usage.
`;

const commands: Record<string, { readonly help: string; readonly run: (args: readonly string[]) => number | Promise<number> }> = {
  map: { help: mapHelp, run: mapCommand },
  migrate: { help: migrateHelp, run: migrateCommand },
  sql: { help: sqlHelp, run: sqlCommand },
  serve: { help: serveHelp, run: serveCommand },
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(usage);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command "${name}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  return command.run(rest);
}

// `customerio-segment map < big | head` closes stdout early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`customerio-segment: ${error.message}\nRun "customerio-segment --help" for usage.\n`);
      process.exitCode = 2;
    } else {
      // A system error (a missing --input file) says all in its message; anything else is a bug: show the stack.
      const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
      process.stderr.write(`customerio-segment: ${error instanceof Error ? (system ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
