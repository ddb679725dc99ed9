import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateTrackV1ToV2 } from '../../src/migration/migrateTrackV1ToV2';
import { migrateWarehouseRowV1ToV2 } from '../../src/migration/migrateWarehouseRowV1ToV2';
import { safeParseSegmentTrack } from '../../src/validation/safeParseSegmentTrack';
import { safeParseV1Track } from '../../src/validation/safeParseV1Track';
import { v1RowArbitrary, v1TrackArbitrary } from '../arbitraries/v1';

type Json = Record<string, unknown>;

// A 1.0.0 call as the 1.0.0 source may have sent it: without context.library, integrations, or both.
const bareV1Arbitrary = fc.tuple(v1TrackArbitrary, fc.boolean(), fc.boolean(), fc.boolean()).map(([c, dropLibrary, dropIntegrations, dropSendBack]) => {
  const v1: Json = { ...c.v1, context: { ...(c.v1.context as Json) } };
  if (dropLibrary) delete (v1.context as Json).library;
  if (dropIntegrations) delete v1.integrations;
  else if (dropSendBack) v1.integrations = { Other: true };
  return { v1, v2: c.v2 };
});

describe('migrateTrackV1ToV2 makes valid 2.0.0 calls', () => {
  it('of every valid 1.0.0 call, filling context.library and integrations["Customer.io"] as the 2.0.0 source sends them', () => {
    fc.assert(
      fc.property(bareV1Arbitrary, ({ v1, v2 }) => {
        expect(safeParseV1Track(v1).success).toBe(true);
        const { value } = migrateTrackV1ToV2(v1);
        const checked = safeParseSegmentTrack(value, { allowUnknownEvents: true });
        expect(checked.success ? [] : checked.issues).toStrictEqual([]);
        const context = value.context as Json;
        expect(context.library).toStrictEqual((v1.context as Json).library ?? (v2.context as Json).library);
        expect((value.integrations as Json)['Customer.io']).toBe(((v1.integrations as Json | undefined)?.['Customer.io'] as boolean | undefined) ?? false);
        // Nothing the input had is dropped from the envelope, and a second run changes nothing.
        for (const key of Object.keys(v1)) expect(Object.hasOwn(value, key)).toBe(true);
        expect(migrateTrackV1ToV2(value).changed).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('migrateWarehouseRowV1ToV2 on upper-case columns (a row read from Snowflake)', () => {
  const upper = (row: Json): Json => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v]));
  it('migrates as the lower-case row does, and writes every column upper-case', () => {
    fc.assert(
      fc.property(v1RowArbitrary, ({ v1 }) => {
        const lower = migrateWarehouseRowV1ToV2(v1);
        const result = migrateWarehouseRowV1ToV2(upper(v1));
        expect(result.changed).toBe(true);
        expect(result.value).toStrictEqual(upper(lower.value));
        expect(result.lookups).toStrictEqual(lower.lookups);
        expect(result.conflicts.map((c) => c.path)).toStrictEqual(lower.conflicts.map((c) => c.path.map((p) => p.toUpperCase())));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a row alone whose columns collide once lower-cased, and a 2.0.0 upper-case row', () => {
    const twice = { CONTEXT_INTEGRATION_VERSION: '1.0.0', EMAIL_ID: 'a', email_id: 'b' };
    expect(migrateWarehouseRowV1ToV2(twice).value).toBe(twice);
    const v2 = { CONTEXT_INTEGRATION_VERSION: '2.0.0', EMAIL_ID: 'a' };
    expect(migrateWarehouseRowV1ToV2(v2).changed).toBe(false);
  });
});
