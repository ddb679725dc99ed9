import { toSegmentTrack, type ToSegmentTrackOptions } from '../mapping/toSegmentTrack';
import { safeParseWebhook } from '../validation/safeParseWebhook';
import { describeIssue, parseLine, summarize } from './lineReport';
import { processLines } from './lines';
import { lineStreamHelp, lineStreamOptions, lineStreams } from './lineStreams';
import { parseOptions } from './parseOptions';
import { UsageError } from './UsageError';

/** The `--help` text of `customerio-segment map`. */
export const mapHelp = `Usage: customerio-segment map [options] < webhooks.ndjson > tracks.ndjson

Maps each line, a reporting webhook body, with toSegmentTrack. A line that is not JSON or not a valid
webhook is reported on stderr with its line number and issues; a disabled event is skipped.

Options:
  --body-content                put the message body in "Sent" events (Body Content)
  --send-back-to-customer-io    integrations["Customer.io"] = true
  --write-key KEY               put writeKey on every call
  --enabled-events LIST         only these events (comma-separated default names; repeatable)
  --event-name DEFAULT=NAME     rename an event (repeatable)
  --allow-unknown-events        map object_type/metric pairs outside the catalog
${lineStreamHelp}
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
  const options: ToSegmentTrackOptions = {
    bodyContent: values['body-content'] === true,
    sendBackToCustomerIo: values['send-back-to-customer-io'] === true,
    writeKey: values['write-key'],
    enabledEvents: values['enabled-events']?.flatMap((list) => list.split(',').map((name) => name.trim()).filter((n) => n !== '')),
    eventNames: values['event-name'] === undefined ? undefined : Object.fromEntries(values['event-name'].map(eventName)),
  };
  const allowUnknownEvents = values['allow-unknown-events'] === true;
  const io = lineStreams(values);
  const counts = await processLines({
    ...io,
    errors: process.stderr,
    command: 'map',
    handle: (line) => {
      const parsed = parseLine(line);
      if ('fail' in parsed) return parsed;
      const webhook = safeParseWebhook(parsed.value, { allowUnknownEvents });
      if (!webhook.success) return { fail: webhook.issues.map(describeIssue) };
      const track = toSegmentTrack(webhook.value, options);
      return track === null ? { skip: true } : { write: JSON.stringify(track) };
    },
  });
  await io.close();
  return summarize('map', counts);
}

function eventName(spec: string): [string, string] {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) throw new UsageError(`--event-name must look like "Email Opened=Opened", received "${spec}"`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}
