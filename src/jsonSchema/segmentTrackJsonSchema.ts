import { catalogEntries } from '../catalog/catalogEntries';
import type { JsonSchema } from './fieldJsonSchema';
import { trackEnvelopeJsonSchema } from './trackEnvelopeJsonSchema';
import { trackFieldRules } from '../catalog/trackFieldRules';
import { trackPropertiesJsonSchema } from './trackPropertiesJsonSchema';
import { integrationVersion } from '../catalog/integration';

/**
 * The JSON Schema (draft-07) of every 2.0.0 track call of the catalog, generated from it at each call.
 *
 * One envelope with `event` among the catalog's names, and one `if`/`then` per event for its
 * properties: it accepts exactly what `safeParseSegmentTrack` accepts without options. A default
 * `new Ajv()` compiles it without warnings, and so does `new Ajv({ strict: true })`.
 */
export function segmentTrackJsonSchema(): JsonSchema {
  const events = catalogEntries.map((entry) => entry.event);
  const envelope = trackEnvelopeJsonSchema({ type: 'string', enum: events }, { type: 'object' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Customer.io source track call (${integrationVersion})`,
    ...envelope,
    allOf: events.map((event) => ({
      if: { type: 'object', required: ['event'], properties: { event: { const: event } } },
      then: { type: 'object', properties: { properties: trackPropertiesJsonSchema(trackFieldRules.byEvent[event]!) } },
    })),
  };
}
