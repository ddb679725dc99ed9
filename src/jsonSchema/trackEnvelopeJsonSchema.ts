import { emailJsonSchema } from './emailJsonSchema';
import type { JsonSchema } from './fieldJsonSchema';
import { isoTimestampPattern } from '../validation/isoTimestampPattern';
import { integrationName, integrationVersion } from '../catalog/integration';

function timestamp(): JsonSchema {
  return { type: 'string', pattern: isoTimestampPattern };
}

/**
 * The JSON Schema of a 2.0.0 call around its `event` and `properties` schemas: every rule of
 * `safeParseSegmentTrack` that is not about the event itself.
 */
export function trackEnvelopeJsonSchema(event: JsonSchema, properties: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['type', 'event', 'userId', 'messageId', 'timestamp', 'context', 'integrations', 'properties'],
    properties: {
      type: { const: 'track' },
      event,
      userId: { type: 'string' },
      anonymousId: { type: 'string' },
      messageId: { type: 'string', minLength: 1 },
      timestamp: timestamp(),
      originalTimestamp: timestamp(),
      sentAt: timestamp(),
      receivedAt: timestamp(),
      writeKey: { type: 'string' },
      context: {
        type: 'object',
        required: ['integration', 'library'],
        properties: {
          integration: {
            type: 'object',
            required: ['name', 'version'],
            properties: { name: { const: integrationName }, version: { const: integrationVersion } },
          },
          library: { type: 'object' },
          traits: { type: 'object', properties: { email: emailJsonSchema() } },
        },
      },
      integrations: { type: 'object', required: ['Customer.io'], properties: { 'Customer.io': { type: 'boolean' } } },
      properties,
    },
    // The identity rule: a userId, or `""` with a non-empty anonymousId, as Customer.io's Segment source
    // page says (https://customer.io/docs/journeys/segment-source/).
    anyOf: [
      { type: 'object', properties: { userId: { type: 'string', minLength: 1 } } },
      { type: 'object', required: ['anonymousId'], properties: { anonymousId: { type: 'string', minLength: 1 } } },
    ],
  };
}
