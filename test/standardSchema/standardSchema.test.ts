import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { segmentTrackSchema, segmentTrackV1Schema, webhookSchema } from '../../src/index';
import { setPath } from '../arbitraries/track';
import { loadSeedFixture } from '../fixtures/seedFixtures';

// A consumer written against the spec's published interface only, as a framework would be.
async function standardValidate<TSchema extends StandardSchemaV1>(
  schema: TSchema,
  input: unknown,
): Promise<
  | { ok: true; value: StandardSchemaV1.InferOutput<TSchema> }
  | { ok: false; issues: { message: string; path: string }[] }
> {
  const props = schema['~standard'];
  if (props.version !== 1) throw new Error('not a Standard Schema v1');
  const result = await props.validate(input);
  if (result.issues) {
    return {
      ok: false,
      issues: result.issues.map((issue) => ({
        message: issue.message,
        path: (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.'),
      })),
    };
  }
  return { ok: true, value: result.value };
}

const webhook = loadSeedFixture('email-opened').input.webhook;
const call = loadSeedFixture('sms-link-clicked').documented;
const v1Call = setPath(call, ['context', 'integration', 'version'], '1.0.0');

describe.each([
  ['webhookSchema', webhookSchema, webhook, setPath(webhook, ['timestamp'], 1623848646000), 'timestamp'],
  ['segmentTrackSchema', segmentTrackSchema, call, setPath(call, ['properties', 'link'], 'x'), 'properties.link'],
  ['segmentTrackV1Schema', segmentTrackV1Schema, v1Call, call, 'context.integration.version'],
] as const)('%s', (_, schema, valid, invalid, path) => {
  test('is a Standard Schema v1 of vendor customerio-segment', () => {
    expect(schema['~standard'].version).toBe(1);
    expect(schema['~standard'].vendor).toBe('customerio-segment');
    expect(Object.isFrozen(schema) && Object.isFrozen(schema['~standard'])).toBe(true);
  });

  test('gives back a valid value', async () => {
    expect(await standardValidate(schema, valid)).toEqual({ ok: true, value: valid });
  });

  test('reports an invalid value with a path', async () => {
    const result = await standardValidate(schema, invalid);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual([path]);
  });

  test('validates synchronously, as the spec recommends', () => {
    expect(schema['~standard'].validate(valid)).not.toBeInstanceOf(Promise);
  });
});

test('the schemas are assignable to the spec interface, with their output types', () => {
  expectTypeOf(webhookSchema).toExtend<StandardSchemaV1>();
  expectTypeOf(segmentTrackSchema).toExtend<StandardSchemaV1>();
  expectTypeOf(segmentTrackV1Schema).toExtend<StandardSchemaV1>();
  expectTypeOf<StandardSchemaV1.InferOutput<typeof segmentTrackSchema>['type']>().toEqualTypeOf<'track'>();
  expectTypeOf<StandardSchemaV1.InferOutput<typeof webhookSchema>['event_id']>().toEqualTypeOf<string>();
});
