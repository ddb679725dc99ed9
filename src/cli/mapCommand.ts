import { acceptedEventNames, eventNameProblem } from '../mapping/checkTrackOptions';
import { mapWebhook, type MapWebhookOptions } from '../mapping/mapWebhook';
import { parseExact, stringifyExact } from './exactJson';
import { describeIssue, summarize } from './lineReport';
import { processLines } from './lines';
import { lineStreamHelp, lineStreamOptions, lineStreams } from './lineStreams';
import { parseOptions } from './parseOptions';
import { UsageError } from './UsageError';

/** The `--help` text of `customerio-segment map`. */
export const mapHelp = `Usage: customerio-segment map [options] < webhooks.ndjson > tracks.ndjson

Maps each line, a reporting webhook body, with toSegmentTrack. A line that is not JSON or not a valid
webhook is reported on stderr with its line number and issues; a disabled event is skipped.
Event names in --enabled-events and --event-name must be event names of the catalog (exit 2 with the
accepted spellings otherwise); with --allow-unknown-events, names of events outside the catalog as
Customer.io's rule writes them ("Carrier Pigeon Landed") are accepted too.

Options:
  --body-content                put the message body in "Sent" events (Body Content)
  --send-back-to-customer-io    integrations["Customer.io"] = true
  --write-key KEY               put writeKey on every call
  --enabled-events LIST         only these events (comma-separated default names; repeatable)
  --event-name DEFAULT=NAME     rename an event (repeatable)
  --allow-unknown-events        map object_type/metric pairs outside the catalog
${lineStreamHelp}

Exit codes: 0 every line handled, 1 some lines failed, 2 bad usage or a file that could not be read or
written, 130/143 stopped by SIGINT/SIGTERM (whole lines written).
`;

/** `customerio-segment map`: NDJSON webhooks to NDJSON track calls. Returns the exit code. */
export async function mapCommand(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, {
    ...lineStreamOptions,
    'body-content': { type: 'boolean' },
    'send-back-to-customer-io': { type: 'boolean' },
    'write-key': { type: 'string' },
    'enabled-events': { type: 'string', multiple: true },
    'event-name': { type: 'string', multiple: true },
    'allow-unknown-events': { type: 'boolean' },
  });
  const allowUnknownEvents = values['allow-unknown-events'] === true;
  const enabledEvents = values['enabled-events']?.flatMap((list) => list.split(',').map((name) => name.trim()));
  const eventNames = values['event-name']?.map(eventName);
  const problems: string[] = [];
  for (const name of enabledEvents ?? []) {
    const problem = name === '' ? 'an empty event name' : eventNameProblem(name, allowUnknownEvents);
    if (problem !== undefined) problems.push(`--enabled-events: ${problem}`);
  }
  for (const [name] of eventNames ?? []) {
    const problem = eventNameProblem(name, allowUnknownEvents);
    if (problem !== undefined) problems.push(`--event-name: ${problem}`);
  }
  if (problems.length > 0) {
    throw new UsageError(`${problems.join('; ')}\nAccepted event names: ${acceptedEventNames()}${allowUnknownEvents ? '' : ' (with --allow-unknown-events, also names of events outside the catalog)'}`);
  }
  const options: MapWebhookOptions = {
    allowUnknownEvents,
    bodyContent: values['body-content'] === true,
    sendBackToCustomerIo: values['send-back-to-customer-io'] === true,
    writeKey: values['write-key'],
    enabledEvents,
    eventNames: eventNames === undefined ? undefined : Object.fromEntries(eventNames),
  };
  const io = lineStreams(values);
  try {
    const counts = await processLines({
      ...io,
      errors: process.stderr,
      command: 'map',
      keepBom: false,
      handle: (line) => {
        const parsed = parseExact(line);
        if ('fail' in parsed) return parsed;
        const mapped = mapWebhook(parsed.value, options);
        if (!mapped.success) return { fail: mapped.issues.map(describeIssue) };
        return mapped.value === null ? { skip: true } : { write: stringifyExact(mapped.value, parsed.bigints) };
      },
    });
    await io.output.commit();
    return summarize('map', counts);
  } catch (error) {
    io.output.abort();
    throw error;
  }
}

function eventName(spec: string): [string, string] {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) throw new UsageError(`--event-name must look like "Email Opened=Opened", received "${spec}"`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}
