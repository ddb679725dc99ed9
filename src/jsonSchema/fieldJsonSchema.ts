import type { TrackFieldType } from '../catalog/trackFieldRules';

/** A JSON Schema, as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

const deviceString = { type: 'string' };

/**
 * The JSON Schema of one catalog field type, matching the validators' check of that type.
 *
 * Nullable types are type arrays (`['string', 'null']`), the form of Segment's own tracking-plan
 * examples, which ajv accepts in strict mode; other unions are `anyOf`.
 *
 * Returns a fresh object on every call: callers may mutate what they get.
 */
export function fieldJsonSchema(type: TrackFieldType): JsonSchema {
  switch (type) {
    case 'string':
    case 'integer':
    case 'boolean':
    case 'object':
      return { type };
    case 'string|null':
      return { type: ['string', 'null'] };
    case 'integer|null':
      return { type: ['integer', 'null'] };
    case 'integer|string':
      // Not `type: ['integer', 'string']`: ajv's strict mode (its default) refuses type arrays other than
      // `[T, 'null']` without `allowUnionTypes`. `anyOf` means the same in draft-07 and needs no option.
      return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'headers':
      return { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } };
    case 'identifiers':
      return {
        type: 'object',
        properties: { id: { type: ['string', 'null'] }, email: { type: ['string', 'null'] }, cio_id: { type: 'string' } },
      };
    case 'recipients':
      return {
        type: 'array',
        items: {
          type: 'object',
          // Any platform string: Customer.io may add platforms to `ios` and `android`.
          properties: { device_id: { ...deviceString }, device_platform: { ...deviceString }, failure_message: { ...deviceString } },
        },
      };
    case 'link':
      return { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' } } };
  }
}
