import { catalogEntries } from '../catalog/catalogEntries';
import { emailJsonSchema } from './emailJsonSchema';
import type { JsonSchema } from './fieldJsonSchema';
import { trackFieldRules } from '../catalog/trackFieldRules';
import { trackPropertiesJsonSchema } from './trackPropertiesJsonSchema';
import { integrationName, integrationVersion } from '../catalog/integration';

/** One rule of a Segment Protocols tracking plan, as the Public API takes it (`RuleInputV1`). */
export interface TrackingPlanRule {
  readonly type: 'TRACK';
  /** The event name; Protocols matches it exactly (case and spacing). */
  readonly key: string;
  readonly version: number;
  readonly jsonSchema: JsonSchema;
}

/**
 * The TRACK rules of a Segment Protocols tracking plan for every 2.0.0 event of the catalog, ready
 * for `PUT /tracking-plans/{id}/rules` of Segment's Public API (https://docs.segmentapis.com/tag/Tracking-Plans).
 *
 * Each rule's schema has the tracking-plan shape (`context`, `traits` and `properties` under the
 * payload's `properties`), with the event's typed properties and `context.integration` pinned to
 * `customer.io` 2.0.0. Nothing is required inside `properties`: the catalog's fields are all optional.
 * Permitted values are enums, as the Protocols editor expects. Generated at each call.
 */
export function segmentTrackingPlanRules(): TrackingPlanRule[] {
  return catalogEntries.map((entry) => ({
    type: 'TRACK',
    key: entry.event,
    version: 1,
    jsonSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      description: `Customer.io reporting webhook "${entry.objectType}"/"${entry.metric}", sent by Customer.io's Segment source ${integrationVersion}.`,
      type: 'object',
      properties: {
        context: {
          type: 'object',
          properties: {
            integration: {
              type: 'object',
              properties: { name: { type: 'string', enum: [integrationName] }, version: { type: 'string', enum: [integrationVersion] } },
              required: ['name', 'version'],
            },
            traits: { type: 'object', properties: { email: emailJsonSchema() } },
          },
          required: ['integration'],
        },
        traits: {},
        properties: trackPropertiesJsonSchema(trackFieldRules.byEvent[entry.event]!),
      },
      required: ['properties'],
    },
  }));
}
