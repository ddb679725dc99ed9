import { segmentTrackingPlanRules } from '../jsonSchema/segmentTrackingPlanRules';
import { stdoutOutput } from './outputFile';
import { parseOptions } from './parseOptions';

/** The `--help` text of `customerio-segment tracking-plan`. */
export const trackingPlanHelp = `Usage: customerio-segment tracking-plan [--body] > rules.json

Prints the Segment Protocols TRACK rules of every 2.0.0 event (segmentTrackingPlanRules) as compact
JSON, one line. With --body, prints the whole request body of the Public API's "Update Tracking Plan
Rules" call, {"rules": [...]}, ready for curl --data-binary @body.json.

Options:
  --body     print {"rules": [...]} instead of the rules alone
  --help     show this help
`;

/** `customerio-segment tracking-plan`: prints the tracking plan rules. Returns the exit code. */
export async function trackingPlanCommand(args: readonly string[]): Promise<number> {
  const values = parseOptions(args, { body: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  const rules = segmentTrackingPlanRules();
  const stdout = stdoutOutput();
  await stdout.write(`${JSON.stringify(values.body === true ? { rules } : rules)}\n`);
  await stdout.commit();
  return 0;
}
