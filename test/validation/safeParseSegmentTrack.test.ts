import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  isSegmentTrack,
  parseSegmentTrack,
  safeParseSegmentTrack,
  safeParseWebhook,
  toSegmentTrack,
  ValidationError,
  type Issue,
} from '../../src/index';
import { catalogEntries, findCatalogEntry } from '../../src/catalog/catalogEntries';
import { anyTrackArbitrary, setPath, trackOptionsArbitrary } from '../arbitraries/track';
import { anyWebhookArbitrary } from '../arbitraries/webhook';
import { loadSeedFixture, seedFixtureNames } from '../fixtures/seedFixtures';

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseSegmentTrack(input);
  if (result.success) throw new Error(`expected a failure for ${JSON.stringify(input)}`);
  return result.issues;
}

describe('safeParseSegmentTrack: what it accepts', () => {
  test.each(seedFixtureNames)('the %s payload of seed 004, exactly as printed', (name) => {
    const documented = loadSeedFixture(name).documented;
    const result = safeParseSegmentTrack(documented);
    expect(result).toEqual({ success: true, value: documented });
    if (result.success) expect(result.value).toBe(documented);
    expect(isSegmentTrack(documented)).toBe(true);
    expect(parseSegmentTrack(documented)).toBe(documented);
  });

  test('the quirks of seed 004: action_id "n18", properties.userId and properties.anonymousId, .000 timestamps', () => {
    const clicked = loadSeedFixture('sms-link-clicked').documented as { properties: Record<string, unknown> };
    const sent = loadSeedFixture('sms-sent').documented as { originalTimestamp: string; properties: Record<string, unknown> };
    expect(clicked.properties.action_id).toBe('n18');
    expect(sent.properties.anonymousId).toBe('cool.person@example.com');
    expect(sent.originalTimestamp).toBe('2022-05-09T21:27:02.000Z');
    expect(safeParseSegmentTrack(clicked).success).toBe(true);
    expect(safeParseSegmentTrack(sent).success).toBe(true);
  });

  test('every call toSegmentTrack makes, with random options, before and after delivery (1,000 runs)', () => {
    fc.assert(
      fc.property(anyTrackArbitrary, (call) => {
        const result = safeParseSegmentTrack(call);
        expect(result.success ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  test('renamed events only with allowUnknownEvents, and still with every other check', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, trackOptionsArbitrary, fc.string({ minLength: 1, maxLength: 30 }), (webhook, options, name) => {
        const defaultName = findCatalogEntry(webhook.object_type, webhook.metric)!.event;
        const renamed = toSegmentTrack(webhook, { ...options, eventNames: { [defaultName]: name } });
        const call = JSON.parse(JSON.stringify(renamed)) as Record<string, unknown>;
        expect(call.event).toBe(name);
        expect(safeParseSegmentTrack(call, { allowUnknownEvents: true }).success).toBe(true);
        expect(safeParseSegmentTrack(call).success).toBe(catalogEventNames.has(name));
        const noType = safeParseSegmentTrack(setPath(call, ['type'], undefined), { allowUnknownEvents: true });
        expect(noType.success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test('every call made from a webhook outside the catalog, with allowUnknownEvents (300 runs)', () => {
    const unknownName = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
    fc.assert(
      fc.property(anyWebhookArbitrary, unknownName, unknownName, trackOptionsArbitrary, (webhook, objectType, metric, options) => {
        const parsed = safeParseWebhook({ ...webhook, object_type: objectType, metric }, { allowUnknownEvents: true });
        if (!parsed.success) return; // the person may only be named by an email recipient, which counts for email alone
        const call = JSON.parse(JSON.stringify(toSegmentTrack(parsed.value, options))) as Record<string, unknown>;
        const result = safeParseSegmentTrack(call, { allowUnknownEvents: true });
        expect(result.success ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('a renamed event is still checked as a call: an empty name is never accepted', () => {
    const call = setPath(loadSeedFixture('slack-sent').documented, ['event'], '');
    expect(safeParseSegmentTrack(call, { allowUnknownEvents: true }).success).toBe(false);
    expect(safeParseSegmentTrack(setPath(call, ['event'], 'Slack Message Sent'), { allowUnknownEvents: true }).success).toBe(true);
  });
});

const catalogEventNames = new Set(catalogEntries.map((entry) => entry.event));

describe('safeParseSegmentTrack: each damage is reported at its path', () => {
  const seed = loadSeedFixture('sms-link-clicked').documented;

  test.each<[string, readonly string[], unknown, Issue['code'], readonly (string | number)[]]>([
    ['no event', ['event'], undefined, 'missing_field', ['event']],
    ['an unknown event', ['event'], 'SMS Clicked', 'unknown_event', ['event']],
    ['an event in the wrong case', ['event'], 'sms link clicked', 'unknown_event', ['event']],
    ['an event named __proto__', ['event'], '__proto__', 'unknown_event', ['event']],
    ['a numeric event', ['event'], 5, 'invalid_type', ['event']],
    ['type identify', ['type'], 'identify', 'invalid_value', ['type']],
    ['no type', ['type'], undefined, 'missing_field', ['type']],
    ['a numeric userId', ['userId'], 42, 'invalid_type', ['userId']],
    ['a null userId', ['userId'], null, 'invalid_type', ['userId']],
    ['a numeric anonymousId', ['anonymousId'], 7, 'invalid_type', ['anonymousId']],
    ['properties as an array', ['properties'], [], 'invalid_type', ['properties']],
    ['properties as a string', ['properties'], 'x', 'invalid_type', ['properties']],
    ['no properties', ['properties'], undefined, 'missing_field', ['properties']],
    ['a link as a string', ['properties', 'link'], 'https://customer.io/features', 'invalid_type', ['properties', 'link']],
    ['a link id as a string', ['properties', 'link', 'id'], '1', 'invalid_type', ['properties', 'link', 'id']],
    ['version 1.0.0', ['context', 'integration', 'version'], '1.0.0', 'invalid_value', ['context', 'integration', 'version']],
    ['version 2', ['context', 'integration', 'version'], 2, 'invalid_value', ['context', 'integration', 'version']],
    ['no version', ['context', 'integration', 'version'], undefined, 'missing_field', ['context', 'integration', 'version']],
    ['another integration', ['context', 'integration', 'name'], 'rudderstack', 'invalid_value', ['context', 'integration', 'name']],
    ['a phone number as email trait', ['context', 'traits', 'email'], '15555555555', 'invalid_value', ['context', 'traits', 'email']],
    ['a timestamp in milliseconds', ['timestamp'], 1623848646605, 'invalid_timestamp', ['timestamp']],
    ['a timestamp as a numeric string', ['timestamp'], '1623848646', 'invalid_timestamp', ['timestamp']],
    ['a timestamp without a zone', ['timestamp'], '2021-06-16T13:29:02', 'invalid_timestamp', ['timestamp']],
    ['a timestamp with a space', ['originalTimestamp'], '2021-06-16 13:29:01Z', 'invalid_timestamp', ['originalTimestamp']],
    ['month 13', ['sentAt'], '2021-13-16T13:29:02.000Z', 'invalid_timestamp', ['sentAt']],
    ['receivedAt as a number', ['receivedAt'], 0, 'invalid_timestamp', ['receivedAt']],
    ['an action_id that is an object', ['properties', 'action_id'], { id: 18 }, 'invalid_type', ['properties', 'action_id']],
    ['a fractional campaign_id', ['properties', 'campaign_id'], 3.5, 'invalid_type', ['properties', 'campaign_id']],
    ['content as a number', ['properties', 'content'], 1, 'invalid_type', ['properties', 'content']],
    ['integrations Customer.io as a string', ['integrations', 'Customer.io'], 'false', 'invalid_type', ['integrations', 'Customer.io']],
    ['an empty messageId', ['messageId'], '', 'invalid_value', ['messageId']],
    ['no context.library', ['context', 'library'], undefined, 'missing_field', ['context', 'library']],
  ])('%s', (_, path, value, code, issuePath) => {
    const issues = issuesOf(setPath(seed, path, value));
    expect(issues.map((i) => [i.code, i.path])).toContainEqual([code, issuePath]);
    expect(issues).toHaveLength(1);
  });

  test('no userId and no anonymousId', () => {
    expect(issuesOf(setPath(seed, ['userId'], undefined))).toEqual([
      { code: 'missing_identity', path: ['userId'], message: expect.stringContaining('anonymousId') },
    ]);
  });

  test('userId "" with no, or an empty, anonymousId', () => {
    const anonymous = setPath(seed, ['userId'], '');
    expect(issuesOf(anonymous).map((i) => [i.code, i.path])).toEqual([['missing_identity', ['anonymousId']]]);
    expect(issuesOf(setPath(anonymous, ['anonymousId'], '')).map((i) => [i.code, i.path])).toEqual([['missing_identity', ['anonymousId']]]);
    expect(safeParseSegmentTrack(setPath(anonymous, ['anonymousId'], 'cool.person@example.com')).success).toBe(true);
  });

  test('an anonymous call without the userId "" the source always sends', () => {
    const noUserId = setPath(setPath(seed, ['userId'], undefined), ['anonymousId'], 'cool.person@example.com');
    expect(issuesOf(noUserId).map((i) => [i.code, i.path])).toEqual([['missing_field', ['userId']]]);
  });

  test('a recipients entry of the wrong type', () => {
    const push = loadSeedFixture('push-sent').documented;
    const issues = issuesOf(setPath(push, ['properties', 'recipients'], [{ device_id: 5 }, 'ios']));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', ['properties', 'recipients', 0, 'device_id']],
      ['invalid_type', ['properties', 'recipients', 1]],
    ]);
  });

  test('every problem is reported, not only the first', () => {
    const damaged = setPath(setPath(setPath(seed, ['type'], 'page'), ['event'], 'Nope'), ['timestamp'], 'now');
    expect(issuesOf(damaged).map((i) => i.path.join('.'))).toEqual(['type', 'event', 'timestamp']);
  });

  test.each([null, 5, 'track', [], undefined])('a non-object input: %j', (input) => {
    expect(issuesOf(input)).toEqual([{ code: 'invalid_type', path: [], message: expect.any(String) }]);
  });
});

describe('parseSegmentTrack and isSegmentTrack', () => {
  test('parseSegmentTrack throws a ValidationError carrying the issues safeParseSegmentTrack returns', () => {
    const damaged = setPath(loadSeedFixture('email-opened').documented, ['context', 'integration', 'version'], '1.0.0');
    const expected = issuesOf(damaged);
    expect(() => parseSegmentTrack(damaged)).toThrow(ValidationError);
    try {
      parseSegmentTrack(damaged);
    } catch (error) {
      expect((error as ValidationError).issues).toEqual(expected);
      expect((error as ValidationError).message).toMatch(/^context\.integration\.version: must be "2\.0\.0"/);
    }
  });

  test('isSegmentTrack agrees with safeParseSegmentTrack', () => {
    const damaged = setPath(loadSeedFixture('email-opened').documented, ['properties'], null);
    expect(isSegmentTrack(damaged)).toBe(false);
    expect(isSegmentTrack(loadSeedFixture('email-opened').documented)).toBe(true);
  });
});
