import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldTypes } from '../../src/catalog/catalog';
import { type Issue, issueCodes, isWebhook, parseWebhook, safeParseWebhook, ValidationError } from '../../src/index';
import { anyWebhookArbitrary } from '../arbitraries/webhook';

const valid = {
  event_id: '01E4C4CT6YDC7Y5M7FE1GWWPQJ',
  object_type: 'email',
  metric: 'opened',
  timestamp: 1623848646,
  data: { delivery_id: 'd1', identifiers: { id: 'p1', email: 'p1@example.com' }, recipient: 'p1@example.com' },
};

function issuesOf(input: unknown, options?: { allowUnknownEvents?: boolean }): readonly Issue[] {
  const result = safeParseWebhook(input, options ?? {});
  return result.success ? [] : result.issues;
}

function withEnvelope(key: string, value: unknown): Record<string, unknown> {
  return { ...structuredClone(valid), [key]: value };
}

function withData(key: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(valid) as Record<string, unknown> & { data: Record<string, unknown> };
  copy.data[key] = value;
  return copy;
}

function expectIssue(input: unknown, code: Issue['code'], path: (string | number)[], message?: RegExp): void {
  const issues = issuesOf(input);
  expect(issues).toContainEqual(expect.objectContaining({ code, path }));
  if (message) expect(issues.find((i) => i.code === code)!.message).toMatch(message);
}

describe('safeParseWebhook', () => {
  test('never throws on anything, and a failure is a non-empty list of well-formed issues', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withMap: true }), (input) => {
        const result = safeParseWebhook(input);
        if (!result.success) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issueCodes).toContain(issue.code);
            expect(Array.isArray(issue.path)).toBe(true);
            expect(issue.message).toMatch(/\S/);
          }
        }
      }),
      { numRuns: 10_000 },
    );
  });

  test('never throws when any part of a valid webhook is replaced by anything', () => {
    const keys = ['event_id', 'object_type', 'metric', 'timestamp', 'data'] as const;
    fc.assert(
      fc.property(anyWebhookArbitrary, fc.constantFrom(...keys), fc.anything(), fc.constantFrom(...Object.keys(fieldTypes)), fc.anything(), (webhook, key, value, field, fieldValue) => {
        safeParseWebhook({ ...webhook, [key]: value }, { allowUnknownEvents: true });
        safeParseWebhook({ ...webhook, data: { ...webhook.data, [field]: fieldValue } });
      }),
      { numRuns: 2000 },
    );
  });

  test('accepts every generated valid webhook and returns it as it is', () => {
    fc.assert(
      fc.property(anyWebhookArbitrary, (webhook) => {
        const result = safeParseWebhook(webhook);
        expect(result).toEqual({ success: true, value: webhook });
        expect(result.success && result.value).toBe(webhook);
        expect(isWebhook(webhook)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test('rejects each mutation of a required field with an issue at that field', () => {
    const mutations: [string, (w: Record<string, unknown>) => unknown, Issue['code'], (string | number)[]][] = [
      ['event_id missing', ({ event_id: _, ...w }) => w, 'missing_field', ['event_id']],
      ['event_id a number', (w) => ({ ...w, event_id: 42 }), 'invalid_type', ['event_id']],
      ['event_id empty', (w) => ({ ...w, event_id: '' }), 'invalid_value', ['event_id']],
      ['timestamp missing', ({ timestamp: _, ...w }) => w, 'missing_field', ['timestamp']],
      ['timestamp in ms', (w) => ({ ...w, timestamp: (w.timestamp as number) * 1000 + 1e11 }), 'invalid_timestamp', ['timestamp']],
      ['timestamp a numeric string', (w) => ({ ...w, timestamp: String(w.timestamp) }), 'invalid_timestamp', ['timestamp']],
      ['timestamp an ISO string', (w) => ({ ...w, timestamp: new Date((w.timestamp as number) * 1000).toISOString() }), 'invalid_timestamp', ['timestamp']],
      ['timestamp fractional', (w) => ({ ...w, timestamp: (w.timestamp as number) + 0.5 }), 'invalid_timestamp', ['timestamp']],
      ['object_type missing', ({ object_type: _, ...w }) => w, 'missing_field', ['object_type']],
      ['object_type a number', (w) => ({ ...w, object_type: 1 }), 'invalid_type', ['object_type']],
      ['object_type unknown', (w) => ({ ...w, object_type: 'letter' }), 'unknown_event', ['object_type']],
      ['metric missing', ({ metric: _, ...w }) => w, 'missing_field', ['metric']],
      ['metric constructor', (w) => ({ ...w, metric: 'constructor' }), 'unknown_event', ['metric']],
      ['metric __proto__', (w) => ({ ...w, metric: '__proto__' }), 'unknown_event', ['metric']],
      ['data missing', ({ data: _, ...w }) => w, 'missing_field', ['data']],
      ['data an array', (w) => ({ ...w, data: [] }), 'invalid_type', ['data']],
      ['identity removed', (w) => ({ ...w, data: { ...(w.data as object), identifiers: { id: null }, customer_id: '', email_address: null, recipient: 'x' } }), 'missing_identity', ['data', 'identifiers']],
    ];
    fc.assert(
      fc.property(anyWebhookArbitrary, fc.constantFrom(...mutations), (webhook, [, mutate, code, path]) => {
        fc.pre(!(webhook.metric === 'cio_subscription_preferences_changed' && path[0] === 'object_type'));
        const issues = issuesOf(mutate(webhook as unknown as Record<string, unknown>));
        expect(issues).toContainEqual(expect.objectContaining({ code, path }));
      }),
      { numRuns: 2000 },
    );
  });

  test('a catalog field of the wrong type is an invalid_type issue at its path', () => {
    const wrong: Record<string, unknown> = { string: 7, integer: 'x', boolean: 'yes', object: [], identifiers: 'p1', recipients: {} };
    for (const [field, type] of Object.entries(fieldTypes)) {
      const value = wrong[type] ?? (type.includes('string') ? true : 'x');
      expectIssue(withData(field, value), 'invalid_type', ['data', field]);
    }
    expectIssue(withData('identifiers', { id: 5, email: 'p1@example.com' }), 'invalid_type', ['data', 'identifiers', 'id']);
    expectIssue(withData('recipients', [{ device_id: 1 }]), 'invalid_type', ['data', 'recipients', 0, 'device_id']);
    expectIssue(withData('link_id', 1.5), 'invalid_type', ['data', 'link_id']);
  });

  test('timestamp messages say what the value looks like', () => {
    expectIssue(withEnvelope('timestamp', 1623848646000), 'invalid_timestamp', ['timestamp'], /milliseconds/);
    expectIssue(withEnvelope('timestamp', '1623848646'), 'invalid_timestamp', ['timestamp'], /numeric string/);
    expectIssue(withEnvelope('timestamp', '2021-06-16T13:04:06Z'), 'invalid_timestamp', ['timestamp'], /date string/);
    expectIssue(withEnvelope('timestamp', -1), 'invalid_timestamp', ['timestamp'], /after 1970/);
    expect(issuesOf(withEnvelope('timestamp', 1e11 - 1))).toEqual([]);
  });

  test('an unknown event is an issue, accepted only with allowUnknownEvents, and a wrong case gets a hint', () => {
    expectIssue(withEnvelope('metric', 'Opened'), 'unknown_event', ['metric'], /did you mean "email"\/"opened"/);
    expectIssue(withEnvelope('metric', 'reacted'), 'unknown_event', ['metric'], /allowUnknownEvents/);
    expect(issuesOf(withEnvelope('metric', 'reacted'), { allowUnknownEvents: true })).toEqual([]);
    expect(issuesOf({ ...withEnvelope('object_type', 'letter'), metric: 'printed' }, { allowUnknownEvents: true })).toEqual([]);
    expect(issuesOf(withEnvelope('metric', 'Not A Metric'), { allowUnknownEvents: true })).toContainEqual(
      expect.objectContaining({ code: 'unknown_event' }),
    );
    expect(issuesOf(withEnvelope('metric', 'constructor'))).toContainEqual(expect.objectContaining({ code: 'unknown_event' }));
  });

  test('cio_subscription_preferences_changed with object_type_type or without object_type', () => {
    const base = { event_id: 'e', metric: 'cio_subscription_preferences_changed', timestamp: 1, data: { customer_id: '42', email_address: 'a@b.io', identifiers: { id: '42' } } };
    const typo = safeParseWebhook({ ...base, object_type_type: 'customer' });
    expect(typo.success && typo.value.object_type).toBe('customer');
    expect(typo.success && (typo.value as unknown as Record<string, unknown>).object_type_type).toBe('customer');
    const none = safeParseWebhook(base);
    expect(none.success && none.value.object_type).toBe('customer');
    const email = safeParseWebhook({ ...base, object_type_type: 'email' });
    expect(email.success && email.value.object_type).toBe('email');
    expect(base).not.toHaveProperty('object_type');
  });

  test('unknown extra fields are allowed and kept', () => {
    const input = { ...withData('brand_new_field', { a: [1] }), extra_envelope: true };
    const result = safeParseWebhook(input);
    expect(result.success && result.value).toBe(input);
  });

  test('hostile input: no prototype pollution, deep and huge values cost their size and never overflow', () => {
    const polluting = JSON.parse(
      '{"event_id":"e","object_type":"email","metric":"sent","timestamp":1,"__proto__":{"polluted":1},"data":{"__proto__":{"polluted":1},"identifiers":{"id":"p","__proto__":{"polluted":1}}}}',
    );
    expect(safeParseWebhook(polluting).success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(safeParseWebhook(withData('nested', deep)).success).toBe(true);
    expect(issuesOf(withData('recipients', deep))).toContainEqual(expect.objectContaining({ path: ['data', 'recipients', 0] }));
    const huge = withData('failure_message', 'x'.repeat(5_000_000));
    expect(safeParseWebhook(huge).success).toBe(true);
    expect(safeParseWebhook({ ...valid, event_id: 'e'.repeat(1_000_000) }).success).toBe(true);
  });

  test('parseWebhook returns the value or throws ValidationError with the same issues', () => {
    expect(parseWebhook(valid)).toBe(valid);
    const bad = withEnvelope('timestamp', '1');
    try {
      parseWebhook(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual(issuesOf(bad));
      expect((error as ValidationError).message).toMatch(/^timestamp: /);
    }
    expect(isWebhook(bad)).toBe(false);
  });
});
