import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { catalogEntries } from '../../src/catalog/catalogEntries';
import {
  safeParseSegmentTrack,
  safeParseWebhook,
  segmentEventJsonSchema,
  segmentTrackJsonSchema,
  segmentTrackingPlanRules,
  webhookJsonSchema,
} from '../../src/index';
import { mutatedTrackArbitrary } from '../arbitraries/track';
import { loadSeedFixture, seedFixtureNames } from '../fixtures/seedFixtures';
import { mutatedWebhookArbitrary } from '../arbitraries/webhookMutations';

// Two ajv set-ups a user is likely to have: the default one (strict mode on, unknown things logged)
// and strict: true (unknown things thrown). Neither is given allowUnionTypes. Strictness changes how a
// schema compiles, not how it validates, so the second set-up runs fewer inputs.
const setups: readonly (readonly [string, () => Ajv, number])[] = [
  ['a default new Ajv()', () => new Ajv(), 2_000],
  ['new Ajv({ strict: true })', () => new Ajv({ strict: true }), 500],
];

interface Tally {
  agreed: number;
  valid: number;
  invalid: number;
}

function agree(
  runs: number,
  arbitrary: fc.Arbitrary<Record<string, unknown>>,
  ajvVerdict: (input: unknown) => boolean,
  libraryVerdict: (input: unknown) => boolean,
): Tally {
  const tally: Tally = { agreed: 0, valid: 0, invalid: 0 };
  fc.assert(
    fc.property(arbitrary, (input) => {
      const expected = libraryVerdict(input);
      expect(ajvVerdict(input), JSON.stringify(input)).toBe(expected);
      tally.agreed++;
      if (expected) tally.valid++;
      else tally.invalid++;
    }),
    { numRuns: runs },
  );
  return tally;
}

// Both verdicts must occur often, or agreement would say little.
function expectMixed(tally: Tally, runs: number): void {
  console.info(`agreed on ${tally.agreed} of ${runs}: ${tally.valid} valid, ${tally.invalid} invalid`);
  expect(tally.agreed).toBe(runs);
  expect(tally.valid).toBeGreaterThan(runs / 10);
  expect(tally.invalid).toBeGreaterThan(runs / 10);
}

describe.each(setups)('with %s', (_name, createAjv, runs) => {
  const ajv = createAjv();

  describe('webhookJsonSchema', () => {
    const validate = ajv.compile(webhookJsonSchema());
  
    test(`agrees with safeParseWebhook on ${runs} generated and mutated webhooks`, () => {
      const tally = agree(runs, mutatedWebhookArbitrary, (input) => validate(input), (input) => safeParseWebhook(input).success);
      expectMixed(tally, runs);
    });
  
    test('the seed-004 webhooks are valid and a metric named __proto__ is not', () => {
      for (const name of seedFixtureNames) expect(validate(loadSeedFixture(name).input.webhook)).toBe(true);
      const webhook = loadSeedFixture('email-opened').input.webhook;
      expect(validate(JSON.parse(JSON.stringify(webhook).replace('"opened"', '"__proto__"')))).toBe(false);
    });
  
    test('is generated afresh on each call', () => {
      const first = webhookJsonSchema();
      (first.properties as Record<string, unknown>).event_id = {};
      expect(webhookJsonSchema()).not.toEqual(first);
    });
  });
  
  describe('segmentTrackJsonSchema', () => {
    const validate = ajv.compile(segmentTrackJsonSchema());
  
    test(`agrees with safeParseSegmentTrack on ${runs} generated and mutated calls`, () => {
      const tally = agree(runs, mutatedTrackArbitrary, (input) => validate(input), (input) => safeParseSegmentTrack(input).success);
      expectMixed(tally, runs);
    });
  
    test('accepts the six payloads of seed 004 as printed', () => {
      for (const name of seedFixtureNames) expect(validate(loadSeedFixture(name).documented)).toBe(true);
    });
  });
  
  describe('segmentEventJsonSchema', () => {
    const validators = new Map(catalogEntries.map((entry) => [entry.event, ajv.compile(segmentEventJsonSchema(entry.event)!)]));
  
    test('exists for every catalog event and for nothing else', () => {
      expect(validators.size).toBe(catalogEntries.length);
      expect(segmentEventJsonSchema('Email Dropped')).toBeUndefined();
      expect(segmentEventJsonSchema('__proto__')).toBeUndefined();
    });
  
    test(`each agrees with safeParseSegmentTrack on the calls of its event, ${runs} runs in all`, () => {
      // Judge every input by the schema of the event it claims, or of a random event when it claims none.
      const withEvent = fc.tuple(mutatedTrackArbitrary, fc.constantFrom(...catalogEntries.map((e) => e.event)));
      const tally: Tally = { agreed: 0, valid: 0, invalid: 0 };
      fc.assert(
        fc.property(withEvent, ([input, fallback]) => {
          const claimed = typeof input.event === 'string' && validators.has(input.event) ? input.event : fallback;
          const expected = safeParseSegmentTrack(input).success && input.event === claimed;
          expect(validators.get(claimed)!(input), JSON.stringify(input)).toBe(expected);
          tally.agreed++;
          if (expected) tally.valid++;
          else tally.invalid++;
        }),
        { numRuns: runs },
      );
      expectMixed(tally, runs);
    });
  
    test('checks the properties of its own event only', () => {
      const emailOpened = ajv.compile(segmentEventJsonSchema('Email Opened'));
      const call = loadSeedFixture('email-opened').documented;
      expect(emailOpened(call)).toBe(true);
      // `subject` is an Email Opened field; `recipients` belongs to push events.
      expect(emailOpened({ ...call, properties: { ...(call.properties as object), subject: 5 } })).toBe(false);
      expect(emailOpened({ ...call, properties: { ...(call.properties as object), recipients: 5 } })).toBe(true);
    });
  });
});

describe('compiling with a default new Ajv()', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Ajv's default logger is the console; any warning it has about a schema goes there.
  function consoleOutputWhile(compile: (ajv: Ajv) => void): unknown[][] {
    const calls: unknown[][] = [];
    for (const method of ['log', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        calls.push(args);
      });
    }
    compile(new Ajv());
    vi.restoreAllMocks();
    return calls;
  }

  test('the spy sees the warning a union type array gives', () => {
    const calls = consoleOutputWhile((ajv) => ajv.compile({ type: ['integer', 'string'] }));
    expect(calls.length).toBeGreaterThan(0);
    expect(String(calls[0])).toContain('allowUnionTypes');
  });

  test('logs nothing for any schema of the library', () => {
    const calls = consoleOutputWhile((ajv) => {
      ajv.compile(webhookJsonSchema());
      ajv.compile(segmentTrackJsonSchema());
      for (const entry of catalogEntries) ajv.compile(segmentEventJsonSchema(entry.event)!);
      for (const rule of segmentTrackingPlanRules()) ajv.compile(rule.jsonSchema);
    });
    expect(calls).toEqual([]);
  });

  test('logs nothing to a logger of its own either', () => {
    const messages: unknown[] = [];
    const logger = { log: (...a: unknown[]) => messages.push(a), warn: (...a: unknown[]) => messages.push(a), error: (...a: unknown[]) => messages.push(a) };
    const ajv = new Ajv({ logger });
    ajv.compile(webhookJsonSchema());
    ajv.compile(segmentTrackJsonSchema());
    for (const rule of segmentTrackingPlanRules()) ajv.compile(rule.jsonSchema);
    expect(messages).toEqual([]);
  });
});
