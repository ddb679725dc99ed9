import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateTrackV1ToV2 } from '../../src/migration/migrateTrackV1ToV2';
import { safeParseSegmentTrack } from '../../src/validation/safeParseSegmentTrack';
import { migrateWarehouseRowV1ToV2 } from '../../src/migration/migrateWarehouseRowV1ToV2';
import type { MigrationResult } from '../../src/migration/MigrationResult';
import {
  conflictingV1RowArbitrary,
  namePairs,
  v1OnlyKeys,
  v1RowArbitrary,
  v1TrackArbitrary,
  v2RowArbitrary,
  v2TrackArbitrary,
} from '../arbitraries/v1';
import { deepFreeze } from '../helpers/deepFreeze';

type Json = Record<string, unknown>;
const runs = { numRuns: 1000 };
const kindOf = Object.fromEntries(namePairs.map(([id, name]) => [name, id.replace(/_id$/, '')]));

// Every non-null leaf with its path: what "every value of the input" means.
function leafPaths(value: unknown, path: string[] = [], out: [string[], unknown][] = []): [string[], unknown][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) leafPaths((value as Json)[key], [...path, key], out);
  } else if (value !== null && value !== undefined) out.push([path, value]);
  return out;
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Json)[key] : undefined;
  return current;
}

// The rules of seed 004 say where a 1.0.0 value may go; it must be found in one of those places.
function expectNothingLost(input: Json, result: MigrationResult<Json>, versionPath: readonly string[]): void {
  for (const [path, value] of leafPaths(input)) {
    if (path.join('.') === versionPath.join('.')) {
      expect(at(result.value, path)).toBe('2.0.0');
      continue;
    }
    const last = path[path.length - 1] as string;
    const parent = path.slice(0, -1);
    const places: unknown[] = [at(result.value, path)];
    if (last === 'email_id') places.push(at(result.value, [...parent, 'delivery_id']));
    if (last === 'email_subject') places.push(at(result.value, [...parent, 'subject']));
    const found =
      places.some((p) => Object.is(p, value) || JSON.stringify(p) === JSON.stringify(value)) ||
      result.conflicts.some((c) => c.path.join('.') === path.join('.') && c.value === value) ||
      (last in kindOf && result.lookups.some((l) => l.kind === kindOf[last] && l.name === value));
    expect(found, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(true);
  }
}

describe('migrateTrackV1ToV2 (properties)', () => {
  it('turns a 1.0.0 payload built from a 2.0.0 call back into that call, handing back its names', () => {
    fc.assert(
      fc.property(v1TrackArbitrary, ({ v1, v2, lookups }) => {
        const result = migrateTrackV1ToV2(deepFreeze(v1));
        expect(result.value).toStrictEqual(v2);
        expect(Object.keys(result.value.properties as Json)).toStrictEqual(Object.keys(v2.properties as Json));
        expect(result.changed).toBe(true);
        expect(result.conflicts).toStrictEqual([]);
        expect(result.lookups).toStrictEqual(lookups.map(({ id, name, key }) => ({ kind: kindOf[key], id, name })));
      }),
      runs,
    );
  });

  it('returns a 2.0.0 payload as the same object, unchanged', () => {
    fc.assert(
      fc.property(v2TrackArbitrary, (v2) => {
        const copy = structuredClone(v2);
        const result = migrateTrackV1ToV2(deepFreeze(v2));
        expect(result.value).toBe(v2);
        // toEqual, not toStrictEqual: fast-check makes some objects without a prototype, structuredClone does not.
        expect(result.value).toEqual(copy);
        expect(result).toMatchObject({ changed: false, lookups: [], conflicts: [] });
      }),
      runs,
    );
  });

  it('is idempotent, and so are its rules: a result labelled 1.0.0 again migrates to itself', () => {
    fc.assert(
      fc.property(v1TrackArbitrary, ({ v1 }) => {
        const once = migrateTrackV1ToV2(v1).value;
        expect(migrateTrackV1ToV2(once).value).toStrictEqual(once);
        const context = once.context as Json;
        const relabelled = { ...once, context: { ...context, integration: { name: 'customer.io', version: '1.0.0' } } };
        expect(migrateTrackV1ToV2(relabelled).value).toStrictEqual(once);
      }),
      runs,
    );
  });

  it('loses no value of the 1.0.0 payload: each is in the result, a lookup or a conflict', () => {
    fc.assert(
      fc.property(v1TrackArbitrary, ({ v1 }) => {
        expectNothingLost(v1, migrateTrackV1ToV2(v1), ['context', 'integration', 'version']);
      }),
      runs,
    );
  });

  it('gives a payload that passes the 2.0.0 validation (safeParseSegmentTrack)', () => {
    fc.assert(
      fc.property(v1TrackArbitrary, ({ v1 }) => {
        const parsed = safeParseSegmentTrack(migrateTrackV1ToV2(v1).value);
        expect(parsed.success ? [] : parsed.issues).toStrictEqual([]);
      }),
      runs,
    );
  });

  it('gives a 2.0.0 payload: version 2.0.0 and no 1.0.0-only property', () => {
    fc.assert(
      fc.property(v1TrackArbitrary, ({ v1 }) => {
        const { value } = migrateTrackV1ToV2(v1);
        expect((value.context as { integration: Json }).integration).toStrictEqual({ name: 'customer.io', version: '2.0.0' });
        for (const key of v1OnlyKeys) expect(Object.hasOwn(value.properties as Json, key)).toBe(false);
      }),
      runs,
    );
  });
});

describe('migrateWarehouseRowV1ToV2 (properties)', () => {
  it('turns a 1.0.0 row built from a flattened 2.0.0 row back into that row', () => {
    fc.assert(
      fc.property(v1RowArbitrary, ({ v1, v2, lookups }) => {
        const result = migrateWarehouseRowV1ToV2(deepFreeze(v1));
        expect(result.value).toStrictEqual({ ...v2, context_integration_version: '2.0.0' });
        expect(result.conflicts).toStrictEqual([]);
        expect(result.lookups).toStrictEqual(lookups.map(({ id, name, key }) => ({ kind: kindOf[key], id, name })));
      }),
      runs,
    );
  });

  it('returns a 2.0.0 row as the same object, unchanged', () => {
    fc.assert(
      fc.property(v2RowArbitrary, (v2) => {
        const copy = structuredClone(v2);
        const result = migrateWarehouseRowV1ToV2(deepFreeze(v2));
        expect(result.value).toBe(v2);
        // toEqual, not toStrictEqual: fast-check makes some objects without a prototype, structuredClone does not.
        expect(result.value).toEqual(copy);
        expect(result).toMatchObject({ changed: false, lookups: [], conflicts: [] });
      }),
      runs,
    );
  });

  it('is idempotent, also when the data contradicts itself', () => {
    fc.assert(
      fc.property(fc.oneof(v1RowArbitrary.map((c) => c.v1), conflictingV1RowArbitrary), (v1) => {
        const once = migrateWarehouseRowV1ToV2(deepFreeze(v1));
        expect(migrateWarehouseRowV1ToV2(once.value).value).toStrictEqual(once.value);
        const again = migrateWarehouseRowV1ToV2({ ...once.value, context_integration_version: '1.0.0' });
        expect(again.value).toStrictEqual(once.value);
        // Kept values are reported again, names already handed back are not.
        expect(again.conflicts).toStrictEqual(once.conflicts);
        expect(again.lookups).toStrictEqual([]);
      }),
      runs,
    );
  });

  it('loses no value of the 1.0.0 row, contradictions included', () => {
    fc.assert(
      fc.property(fc.oneof(v1RowArbitrary.map((c) => c.v1), conflictingV1RowArbitrary), (v1) => {
        expectNothingLost(v1, migrateWarehouseRowV1ToV2(v1), ['context_integration_version']);
      }),
      runs,
    );
  });
});

describe('migrateTrackV1ToV2 (examples from seed 004)', () => {
  const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-004/email-opened.segment.json', import.meta.url), 'utf8')) as Json;
  const seedProperties = seed.properties as Json;
  // Seed 004's Email Opened, written as 1.0.0 would have: the four differences of the seed, reversed.
  const v1 = {
    ...seed,
    context: { ...(seed.context as Json), integration: { name: 'customer.io', version: '1.0.0' } },
    properties: {
      action_id: 16,
      action_name: 'Welcome email',
      campaign_id: 1,
      campaign_name: 'Onboarding',
      delivery_id: 'dgP6xQb6xQYDAAF6FOl-vmR0E7zoPqTRiAo=',
      email_id: 'dgP6xQb6xQYDAAF6FOl-vmR0E7zoPqTRiAo=',
      journey_id: '01G2NBFT8N2MYDTT3MHWK7Z6C6',
      email_subject: 'Test Subject',
      content: null,
      recipient: 'cool.person@customer.io',
      userId: 'cool-person',
    },
  };

  it('gives the documented 2.0.0 payload and the two names as lookups', () => {
    const result = migrateTrackV1ToV2(v1);
    expect(result.value).toStrictEqual(seed);
    expect(Object.keys(result.value.properties as Json)).toStrictEqual(Object.keys(seedProperties));
    expect(result.lookups).toStrictEqual([
      { kind: 'action', id: 16, name: 'Welcome email' },
      { kind: 'campaign', id: 1, name: 'Onboarding' },
    ]);
    expect(result.conflicts).toStrictEqual([]);
    expect(result.changed).toBe(true);
  });

  it('moves email_id to delivery_id when delivery_id is missing', () => {
    const { delivery_id: _, ...properties } = v1.properties;
    const result = migrateTrackV1ToV2({ ...v1, properties });
    expect((result.value.properties as Json).delivery_id).toBe('dgP6xQb6xQYDAAF6FOl-vmR0E7zoPqTRiAo=');
    expect(Object.hasOwn(result.value.properties as Json, 'email_id')).toBe(false);
  });

  it('keeps an email_id that differs from delivery_id and reports it', () => {
    const result = migrateTrackV1ToV2({ ...v1, properties: { ...v1.properties, email_id: 'other' } });
    expect(result.value.properties).toMatchObject({ email_id: 'other', delivery_id: 'dgP6xQb6xQYDAAF6FOl-vmR0E7zoPqTRiAo=' });
    expect(result.conflicts).toMatchObject([
      { code: 'email_id_differs_from_delivery_id', path: ['properties', 'email_id'], value: 'other', other: 'dgP6xQb6xQYDAAF6FOl-vmR0E7zoPqTRiAo=' },
    ]);
  });

  it('keeps an email_subject that differs from subject and reports it', () => {
    const result = migrateTrackV1ToV2({ ...v1, properties: { ...v1.properties, subject: 'New', email_subject: 'Old' } });
    expect(result.value.properties).toMatchObject({ subject: 'New', email_subject: 'Old' });
    expect(result.conflicts).toMatchObject([{ code: 'email_subject_differs_from_subject', value: 'Old', other: 'New' }]);
  });

  it('keeps a name whose id is missing or null and reports it', () => {
    const result = migrateTrackV1ToV2({ ...v1, properties: { ...v1.properties, campaign_id: null, newsletter_name: 'Weekly' } });
    expect(result.value.properties).toMatchObject({ campaign_id: null, campaign_name: 'Onboarding', newsletter_name: 'Weekly' });
    expect(result.conflicts.map((c) => [c.code, c.path.join('.')])).toStrictEqual([
      ['name_without_id', 'properties.campaign_name'],
      ['name_without_id', 'properties.newsletter_name'],
    ]);
    expect(result.lookups).toStrictEqual([{ kind: 'action', id: 16, name: 'Welcome email' }]);
  });

  it('removes null 1.0.0-only fields and leaves other nulls and unknown fields alone', () => {
    const result = migrateTrackV1ToV2({ ...v1, properties: { ...v1.properties, email_id: null, newsletter_name: null, extra: { a: 1 }, other: null } });
    const properties = result.value.properties as Json;
    expect(Object.hasOwn(properties, 'email_id')).toBe(false);
    expect(Object.hasOwn(properties, 'newsletter_name')).toBe(false);
    expect(properties.extra).toStrictEqual({ a: 1 });
    expect(properties.other).toBeNull();
    expect(properties.content).toBeNull();
  });

  it('treats a payload without a version, or with another one, as not 1.0.0', () => {
    for (const integration of [undefined, { name: 'customer.io' }, { name: 'customer.io', version: '1.0' }, { name: 'other-source', version: '1.0.0' }]) {
      const payload = { ...v1, context: { integration } };
      expect(migrateTrackV1ToV2(payload).value).toBe(payload);
    }
  });

  it('keeps a __proto__ property as an ordinary property', () => {
    const payload = JSON.parse(JSON.stringify(v1).replace('"recipient"', '"__proto__":{"x":1},"recipient"')) as Json;
    const properties = migrateTrackV1ToV2(payload).value.properties as Json;
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toStrictEqual({ x: 1 });
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });
});

describe('migrateWarehouseRowV1ToV2 (examples)', () => {
  it('puts the new column in the old one\'s place, or fills a NULL one in its own place', () => {
    const moved = migrateWarehouseRowV1ToV2({ id: 'a', email_id: 'd1', email_subject: 'S', x: 1, context_integration_version: '1.0.0' });
    expect(Object.entries(moved.value)).toStrictEqual([
      ['id', 'a'],
      ['delivery_id', 'd1'],
      ['subject', 'S'],
      ['x', 1],
      ['context_integration_version', '2.0.0'],
    ]);
    const filled = migrateWarehouseRowV1ToV2({ delivery_id: null, subject: null, email_id: 'd1', email_subject: 'S', context_integration_version: '1.0.0' });
    expect(Object.entries(filled.value)).toStrictEqual([
      ['delivery_id', 'd1'],
      ['subject', 'S'],
      ['context_integration_version', '2.0.0'],
    ]);
  });

  it('accepts bigint ids, as a BIGINT column gives them', () => {
    const result = migrateWarehouseRowV1ToV2({ campaign_id: 7n, campaign_name: 'C', context_integration_version: '1.0.0' });
    expect(result.lookups).toStrictEqual([{ kind: 'campaign', id: 7n, name: 'C' }]);
  });

  it('keeps a name that is not a string and reports it as unusable', () => {
    const result = migrateWarehouseRowV1ToV2({ campaign_id: 7, campaign_name: 5, context_integration_version: '1.0.0' });
    expect(result.value.campaign_name).toBe(5);
    expect(result.conflicts.map((c) => c.code)).toStrictEqual(['unusable_name']);
  });

  it('leaves a row whose version column is NULL or 2.0.0 alone', () => {
    for (const version of [null, '2.0.0', undefined]) {
      const row = { email_id: 'x', campaign_name: 'C', context_integration_version: version };
      expect(migrateWarehouseRowV1ToV2(row)).toStrictEqual({ value: row, changed: false, lookups: [], conflicts: [] });
    }
  });
});
