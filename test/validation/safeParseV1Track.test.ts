import { describe, expect, test } from 'vitest';
import { safeParseSegmentTrack, safeParseV1Track, trackVersionOf, type Issue } from '../../src/index';
import { setPath } from '../arbitraries/track';
import { loadSeedFixture, seedFixtureNames } from '../fixtures/seedFixtures';

// Seed 004's Email Opened as 1.0.0 sent it, by the page's list of differences read backwards:
// version 1.0.0, `email_id` (= delivery_id), `email_subject` for `subject`, and the `*_name` fields.
const v2 = loadSeedFixture('email-opened').documented as Record<string, unknown> & { properties: Record<string, unknown> };
const { subject, ...sharedProperties } = v2.properties;
const v1: Record<string, unknown> = {
  ...v2,
  context: { ...(v2.context as object), integration: { name: 'customer.io', version: '1.0.0' } },
  properties: {
    ...sharedProperties,
    email_id: v2.properties.delivery_id,
    email_subject: subject,
    action_name: 'Welcome email',
    campaign_name: 'Onboarding',
    newsletter_name: null,
    transactional_message_name: null,
  },
};

function issuePaths(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.code} ${i.path.join('.')}`);
}

describe('safeParseV1Track', () => {
  test('accepts a 1.0.0 call', () => {
    expect(safeParseV1Track(v1)).toEqual({ success: true, value: v1 });
  });

  test('accepts a 1.0.0 call without messageId, context.library and integrations', () => {
    let bare = setPath(v1, ['messageId'], undefined);
    bare = setPath(setPath(bare, ['context', 'library'], undefined), ['integrations'], undefined);
    expect(safeParseV1Track(bare).success).toBe(true);
  });

  test.each(seedFixtureNames)('rejects the 2.0.0 payload %s at context.integration.version', (name) => {
    const result = safeParseV1Track(loadSeedFixture(name).documented);
    expect(result.success ? [] : issuePaths(result.issues)).toEqual(['invalid_value context.integration.version']);
  });

  test('safeParseSegmentTrack rejects the 1.0.0 call at the same path, naming the other parser', () => {
    const result = safeParseSegmentTrack(v1);
    expect(result.success ? [] : issuePaths(result.issues)).toEqual(['invalid_value context.integration.version']);
    if (!result.success) expect(result.issues[0].message).toContain('safeParseV1Track');
  });

  test.each<[string, unknown]>([
    ['email_id', 123],
    ['email_subject', null],
    ['campaign_name', 7],
    ['action_name', false],
    ['newsletter_name', {}],
    ['transactional_message_name', []],
    ['campaign_id', 'one'],
  ])('reports a %s of the wrong type', (field, value) => {
    const result = safeParseV1Track(setPath(v1, ['properties', field], value));
    expect(result.success ? [] : issuePaths(result.issues)).toEqual([`invalid_type properties.${field}`]);
  });

  test('shares the envelope rules: identity, type, timestamps', () => {
    const damaged = setPath(setPath(setPath(v1, ['userId'], ''), ['type'], 'identify'), ['timestamp'], 1623848646);
    const result = safeParseV1Track(damaged);
    expect(result.success ? [] : issuePaths(result.issues)).toEqual([
      'invalid_value type',
      'missing_identity anonymousId',
      'invalid_timestamp timestamp',
    ]);
  });
});

describe('trackVersionOf', () => {
  test('reads the version from context.integration', () => {
    expect(trackVersionOf(v1)).toBe('1.0.0');
    for (const name of seedFixtureNames) expect(trackVersionOf(loadSeedFixture(name).documented)).toBe('2.0.0');
  });

  test.each<[string, unknown]>([
    ['another integration', setPath(v1, ['context', 'integration', 'name'], 'Customer.io')],
    ['another version', setPath(v1, ['context', 'integration', 'version'], '3.0.0')],
    ['no context', setPath(v1, ['context'], undefined)],
    ['a context that is a string', setPath(v1, ['context'], 'customer.io')],
    ['null', null],
  ])('undefined for %s', (_, input) => {
    expect(trackVersionOf(input)).toBeUndefined();
  });
});
