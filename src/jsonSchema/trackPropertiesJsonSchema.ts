import { fieldJsonSchema, type JsonSchema } from './fieldJsonSchema';
import type { TrackFieldRule } from '../catalog/trackFieldRules';

/** The JSON Schema of a call's `properties` with the given typed fields; other properties are free. */
export function trackPropertiesJsonSchema(rules: readonly TrackFieldRule[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, type] of rules) properties[name] = fieldJsonSchema(type);
  return { type: 'object', properties };
}
