import type { TrackFieldType } from '../catalog/trackFieldRules';

/** A JSON Schema, as a plain object. */
export type JsonSchema = { [keyword: string]: unknown };

const deviceString = { type: 'string' };

/**
 * The JSON Schema of one catalog field type, matching the validators' check of that type.
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
      return { type: ['integer', 'string'] };
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
          properties: { device_id: { ...deviceString }, device_platform: { ...deviceString }, failure_message: { ...deviceString } },
        },
      };
    case 'link':
      return { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' } } };
  }
}
