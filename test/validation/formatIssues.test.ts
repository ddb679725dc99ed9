import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatIssues, issueCodes, safeParseSegmentTrack, safeParseWebhook, type Issue } from '../../src/index';
import { mutatedTrackArbitrary } from '../arbitraries/track';
import { mutatedWebhookArbitrary } from '../arbitraries/webhookMutations';
import { loadSeedFixture } from '../fixtures/seedFixtures';

const runs = 300;

// Keys a hostile sender can choose, next to ordinary ones.
const oddKey = fc.constantFrom('__proto__', 'constructor', '', 'a.b', 'a\nb', 'a\r\nb', 'x\u2028y', '"', '\\', '[0]', '(root)', ' ', '0', '$ok', 'é');
const keyArbitrary = fc.oneof(fc.string({ maxLength: 8 }), oddKey, fc.constantFrom('data', 'identifiers', 'email'));
const segmentArbitrary = fc.oneof(keyArbitrary, fc.nat({ max: 20 }));
const issueArbitrary: fc.Arbitrary<Issue> = fc.record({
  code: fc.constantFrom(...issueCodes),
  path: fc.array(segmentArbitrary, { maxLength: 5 }),
  message: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('two\nlines', 'ends with (code)', 'a: b')),
});

/**
 * An independent reader of the printed path: it turns the start of a line back into keys and
 * returns them with the rest of the line. If printing ever lost or blurred a key, this would not
 * give the same path back.
 */
function readPath(line: string): { path: (string | number)[]; rest: string } {
  if (line.startsWith('(root): ')) return { path: [], rest: line.slice('(root): '.length) };
  const path: (string | number)[] = [];
  let at = 0;
  const token = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (!line.startsWith(': ', at)) {
    token.lastIndex = at;
    const match = token.exec(line);
    if (match === null) throw new Error(`unreadable path at ${at} in ${JSON.stringify(line)}`);
    if (at === 0 && match[0].startsWith('.')) throw new Error('a path cannot start with a dot');
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push(JSON.parse(match[3]!.replace(/\\u2028/g, '\u2028').replace(/\\u2029/g, '\u2029')) as string);
    at = token.lastIndex;
  }
  return { path, rest: line.slice(at + 2) };
}

describe('formatIssues', () => {
  test('prints paths dotted, indexes bracketed, odd keys quoted and the root as (root)', () => {
    expect(
      formatIssues([
        { code: 'invalid_type', path: ['data', 'identifiers', 'email'], message: 'Expected a string or null, got number' },
        { code: 'invalid_type', path: ['data', 'recipients', 0, 'device_id'], message: 'Expected a string, got boolean' },
        { code: 'invalid_value', path: ['data', 'a.b'], message: 'Odd key' },
        { code: 'missing_identity', path: [], message: 'No id, cio_id or email address' },
      ]),
    ).toBe(
      [
        'data.identifiers.email: Expected a string or null, got number (invalid_type)',
        'data.recipients[0].device_id: Expected a string, got boolean (invalid_type)',
        'data["a.b"]: Odd key (invalid_value)',
        '(root): No id, cio_id or email address (missing_identity)',
      ].join('\n'),
    );
  });

  test('quotes odd keys and escapes line breaks', () => {
    const printed = formatIssues([
      { code: 'invalid_value', path: ['__proto__', '', 'a\nb', 3], message: 'first\nsecond' },
      { code: 'invalid_value', path: [0, 'x\u2028y'], message: 'm' },
    ]);
    expect(printed).toBe('__proto__[""]["a\\nb"][3]: first\\nsecond (invalid_value)\n[0]["x\\u2028y"]: m (invalid_value)');
  });

  test('prints what the docs show for a damaged Push Sent webhook', () => {
    const webhook = structuredClone(loadSeedFixture('push-sent').input.webhook) as { data: Record<string, unknown> };
    webhook.data.campaign_id = 'c';
    (webhook.data.recipients as Record<string, unknown>[])[0]!.device_id = true;
    webhook.data.identifiers = { id: 42, email: 'x' };
    const result = safeParseWebhook(webhook);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatIssues(result.issues)).toBe(
      [
        'data.campaign_id: must be an integer or null, received a string (invalid_type)',
        'data.recipients[0].device_id: must be a string, received a boolean (invalid_type)',
        'data.identifiers.id: must be a string or null, received the number 42 (invalid_type)',
      ].join('\n'),
    );
    const notAnObject = safeParseWebhook([]);
    expect(notAnObject.success ? '' : formatIssues(notAnObject.issues)).toBe(
      '(root): a webhook must be a JSON object, received an array (invalid_type)',
    );
  });

  test('prints nothing for no issues', () => {
    expect(formatIssues([])).toBe('');
  });

  test('prints one line per issue, whatever the keys and messages', () => {
    fc.assert(
      fc.property(fc.array(issueArbitrary, { minLength: 1, maxLength: 5 }), (issues) => {
        const lines = formatIssues(issues).split(/\r\n|[\r\n\u2028\u2029]/);
        expect(lines).toHaveLength(issues.length);
      }),
      { numRuns: runs },
    );
  });

  test('loses no path segment: every printed path reads back to the same keys', () => {
    fc.assert(
      fc.property(fc.array(issueArbitrary, { minLength: 1, maxLength: 5 }), (issues) => {
        const lines = formatIssues(issues).split('\n');
        lines.forEach((line, i) => {
          const { path, rest } = readPath(line);
          expect(path).toEqual(issues[i]!.path);
          expect(rest.endsWith(` (${issues[i]!.code})`)).toBe(true);
        });
      }),
      { numRuns: runs },
    );
  });

  test('keeps each message, with only its line breaks escaped', () => {
    fc.assert(
      fc.property(issueArbitrary, (issue) => {
        const { rest } = readPath(formatIssues([issue]));
        const message = rest.slice(0, rest.length - ` (${issue.code})`.length);
        const unescaped = message.replace(/\\n|\\r|\\u2028|\\u2029/g, (e) => ({ '\\n': '\n', '\\r': '\r', '\\u2028': '\u2028', '\\u2029': '\u2029' })[e]!);
        // A message that already held a backslash sequence cannot be told apart; the others must match.
        if (!/\\(n|r|u2028|u2029)/.test(issue.message)) expect(unescaped).toBe(issue.message);
      }),
      { numRuns: runs },
    );
  });

  test('prints every issue the parsers report on damaged webhooks and calls', () => {
    const damaged = fc.oneof(
      mutatedWebhookArbitrary.map((input) => safeParseWebhook(input)),
      mutatedTrackArbitrary.map((input) => safeParseSegmentTrack(input)),
    );
    let failures = 0;
    fc.assert(
      fc.property(damaged, (result) => {
        if (result.success) return;
        failures++;
        const lines = formatIssues(result.issues).split('\n');
        expect(lines).toHaveLength(result.issues.length);
        lines.forEach((line, i) => expect(readPath(line).path).toEqual(result.issues[i]!.path));
      }),
      { numRuns: runs },
    );
    expect(failures).toBeGreaterThan(runs / 10);
  });
});
