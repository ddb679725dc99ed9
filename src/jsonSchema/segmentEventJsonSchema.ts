import type { SegmentEventName } from '../catalog/types';
import type { JsonSchema } from './fieldJsonSchema';
import { trackEnvelopeJsonSchema } from './trackEnvelopeJsonSchema';
import { trackFieldRules } from '../catalog/trackFieldRules';
import { trackPropertiesJsonSchema } from './trackPropertiesJsonSchema';

/**
 * The JSON Schema (draft-07) of the 2.0.0 track call of one catalog event, generated from the catalog
 * at each call: the event name, identity, timestamps, `context`, `integrations` and the typed
 * properties of that event.
 *
 * It accepts exactly what `safeParseSegmentTrack` accepts with that `event`. Returns `undefined` for a
 * name outside the catalog. A default `new Ajv()` compiles it without warnings.
 */
export function segmentEventJsonSchema(event: SegmentEventName): JsonSchema;
export function segmentEventJsonSchema(event: string): JsonSchema | undefined;
export function segmentEventJsonSchema(event: string): JsonSchema | undefined {
  const rules = trackFieldRules.byEvent[event];
  if (rules === undefined) return undefined;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: event,
    ...trackEnvelopeJsonSchema({ const: event }, trackPropertiesJsonSchema(rules)),
  };
}
