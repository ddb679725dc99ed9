import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog, segmentTrackingPlanRules } from '../../src/index';
import { anyTrackArbitrary, setPath } from '../arbitraries/track';
import { loadSeedFixture, seedFixtureNames } from '../fixtures/seedFixtures';

const rules = segmentTrackingPlanRules();
// The minimal rule shape of Segment's tracking-plan docs
// (https://segment.com/docs/protocols/tracking-plan/create/) and Public API `RuleInputV1`
// (https://docs.segmentapis.com/tag/Tracking-Plans), written out by hand.
const minimalRule = {
  type: 'TRACK',
  key: 'Email Opened',
  version: 1,
  jsonSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      context: {},
      traits: {},
      properties: {
        type: 'object',
        properties: { email_id: { type: 'string' }, campaign_id: { type: ['string', 'null'] } },
        required: ['email_id'],
      },
    },
    required: ['properties'],
  },
} as Record<string, unknown>;

// Without allowUnionTypes: a default new Ajv() (strict mode logs) and strict: true (strict mode throws).
describe.each([
  ['a default new Ajv()', () => new Ajv()],
  ['new Ajv({ strict: true })', () => new Ajv({ strict: true })],
] as const)('with %s', (_name, createAjv) => {
  const ajv = createAjv();

  describe('segmentTrackingPlanRules', () => {
    test('has one TRACK rule per catalog entry, keyed by event name', () => {
      const entryCount = Object.values(catalog).reduce((n, metrics) => n + Object.keys(metrics).length, 0);
      expect(rules).toHaveLength(entryCount);
      expect(new Set(rules.map((r) => r.key)).size).toBe(entryCount);
      for (const name of seedFixtureNames) {
        expect(rules.map((r) => r.key)).toContain((loadSeedFixture(name).documented as { event: string }).event);
      }
    });
  
    test('each rule has the keys and key types of the reference rule', () => {
      for (const rule of rules) {
        expect(Object.keys(rule).sort()).toEqual(Object.keys(minimalRule).sort());
        for (const key of Object.keys(minimalRule)) expect(typeof rule[key as keyof typeof rule]).toBe(typeof minimalRule[key]);
        expect(rule.type).toBe(minimalRule.type);
      }
    });
  
    test('each schema has the tracking-plan shape: draft-07, context/traits/properties under properties', () => {
      const shape = minimalRule.jsonSchema as { $schema: string; type: string; properties: Record<string, unknown>; required: string[] };
      for (const { jsonSchema } of rules) {
        expect(jsonSchema.$schema).toBe(shape.$schema);
        expect(jsonSchema.type).toBe(shape.type);
        expect(Object.keys(jsonSchema.properties as object).sort()).toEqual(Object.keys(shape.properties).sort());
        expect((jsonSchema.properties as { properties: { type: string } }).properties.type).toBe('object');
        expect(jsonSchema.required).toEqual(shape.required);
      }
    });
  
    test('uses lower-case JSON types, no negative lookahead and nothing ajv does not know', () => {
      const text = JSON.stringify(rules);
      const types = [...text.matchAll(/"type":(\[[^\]]*\]|"[^"]*")/g)].flatMap((m) => [JSON.parse(m[1]!)].flat() as string[]);
      const allowed = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null', 'TRACK'];
      expect(types.filter((t) => !allowed.includes(t))).toEqual([]);
      expect(text).not.toContain('(?!');
      for (const rule of rules) expect(() => ajv.compile(rule.jsonSchema)).not.toThrow();
    });
  
    test("accepts the six seed-004 payloads under their event's rule", () => {
      for (const name of seedFixtureNames) {
        const documented = loadSeedFixture(name).documented as { event: string };
        const rule = rules.find((r) => r.key === documented.event)!;
        expect(ajv.validate(rule.jsonSchema, documented), name).toBe(true);
      }
    });
  
    test("accepts every call toSegmentTrack makes under its event's rule", () => {
      const validators = new Map(rules.map((r) => [r.key, ajv.compile(r.jsonSchema)]));
      fc.assert(
        fc.property(anyTrackArbitrary, (call) => {
          expect(validators.get(call.event as string)!(call)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  
    test('rejects a 1.0.0 call, a wrongly typed property and a phone number as email trait', () => {
      const documented = loadSeedFixture('sms-link-clicked').documented;
      const validate = ajv.compile(rules.find((r) => r.key === 'SMS Link Clicked')!.jsonSchema);
      expect(validate(setPath(documented, ['context', 'integration', 'version'], '1.0.0'))).toBe(false);
      expect(validate(setPath(documented, ['properties', 'link'], 'https://customer.io/features'))).toBe(false);
      expect(validate(setPath(documented, ['context', 'traits', 'email'], '15555555555'))).toBe(false);
    });
  });
});

test('scripts/print-tracking-plan.ts prints the rules as JSON', () => {
  const script = fileURLToPath(new URL('../../scripts/print-tracking-plan.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const printed = execFileSync(tsx, [script], { encoding: 'utf8' });
  expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(rules)));
});
