import { fieldTypes } from '../catalog/catalog';
import { catalogEntries } from '../catalog/catalogEntries';
import { maxTimestampSeconds } from '../validation/safeParseWebhook';
import { recipientListPattern } from '../validation/isEmailAddress';
import { emailJsonSchema } from './emailJsonSchema';
import { fieldJsonSchema, type JsonSchema } from './fieldJsonSchema';

const preferences = 'cio_subscription_preferences_changed';

function dataWith(required: string, schema: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'object', required: [required], properties: { [required]: schema } } },
  };
}

function identifiersWith(key: string, schema: JsonSchema): JsonSchema {
  return dataWith('identifiers', { type: 'object', required: [key], properties: { [key]: schema } });
}

/**
 * The JSON Schema (draft-07) of a Customer.io reporting webhook of the catalog, generated from it at
 * each call.
 *
 * It expresses every rule of `safeParseWebhook` without options: required keys, unix seconds
 * (`0 ≤ timestamp < 1e11`), known `object_type`/`metric` pairs (with the preferences change that may
 * come without `object_type`), the type of every catalog field and the identity rule (an id, a
 * `cio_id`, or an email address by `emailPattern`). Nullable types are `[T, 'null']` type arrays and
 * other unions `anyOf`, so a default `new Ajv()` compiles it without warnings and without options.
 */
export function webhookJsonSchema(): JsonSchema {
  const metricsByObjectType = new Map<string, string[]>();
  for (const entry of catalogEntries) {
    const metrics = metricsByObjectType.get(entry.objectType) ?? [];
    metrics.push(entry.metric);
    metricsByObjectType.set(entry.objectType, metrics);
  }
  const pairs: JsonSchema[] = [...metricsByObjectType].map(([objectType, metrics]) => ({
    type: 'object',
    required: ['object_type', 'metric'],
    properties: { object_type: { const: objectType }, metric: { enum: metrics } },
  }));
  const preferenceObjectTypes = catalogEntries.filter((e) => e.metric === preferences).map((e) => e.objectType);
  // The OpenAPI spells the key `object_type_type` and does not require it; without a string there the
  // event is the person-level change (`customer`).
  const withoutObjectType: JsonSchema = {
    type: 'object',
    not: { required: ['object_type'], properties: { object_type: {} } },
    required: ['metric'],
    properties: { metric: { const: preferences } },
    anyOf: [
      { not: { required: ['object_type_type'], properties: { object_type_type: {} } } },
      { type: 'object', properties: { object_type_type: { not: { type: 'string' } } } },
      { type: 'object', properties: { object_type_type: { enum: preferenceObjectTypes } } },
    ],
  };

  const data: Record<string, JsonSchema> = {};
  for (const [name, type] of Object.entries(fieldTypes)) data[name] = fieldJsonSchema(type);

  const nonEmpty = { type: 'string', minLength: 1 };
  const isEmailEvent: JsonSchema = {
    anyOf: [
      { type: 'object', required: ['object_type'], properties: { object_type: { const: 'email' } } },
      {
        type: 'object',
        not: { required: ['object_type'], properties: { object_type: {} } },
        required: ['metric', 'object_type_type'],
        properties: { metric: { const: preferences }, object_type_type: { const: 'email' } },
      },
    ],
  };
  const identity: JsonSchema[] = [
    identifiersWith('id', { ...nonEmpty }),
    dataWith('customer_id', { ...nonEmpty }),
    identifiersWith('email', emailJsonSchema()),
    dataWith('email_address', emailJsonSchema()),
    // One address (no comma), or a comma-separated list with an address in it.
    {
      allOf: [
        isEmailEvent,
        dataWith('recipient', {
          anyOf: [
            { ...emailJsonSchema(), not: { type: 'string', pattern: ',' } },
            { type: 'string', allOf: [{ type: 'string', pattern: ',' }, { type: 'string', pattern: recipientListPattern }] },
          ],
        }),
      ],
    },
    identifiersWith('cio_id', { ...nonEmpty }),
  ];

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Customer.io reporting webhook',
    type: 'object',
    required: ['event_id', 'timestamp', 'metric', 'data'],
    properties: {
      event_id: { type: 'string', minLength: 1 },
      timestamp: { type: 'integer', minimum: 0, exclusiveMaximum: maxTimestampSeconds },
      object_type: { type: 'string' },
      metric: { type: 'string' },
      data: { type: 'object', properties: data },
    },
    allOf: [{ anyOf: [...pairs, withoutObjectType] }, { anyOf: identity }],
  };
}
