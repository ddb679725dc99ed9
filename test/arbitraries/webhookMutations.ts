import fc from 'fast-check';
import { fieldTypes } from '../../src/catalog/catalog';
import type { ReportingWebhook } from '../../src/index';
import { badTimestampArbitrary, setPath } from './track';
import { anyWebhookArbitrary, emailArbitrary, phoneArbitrary } from './webhook';

type Mutation = (webhook: Record<string, unknown>) => Record<string, unknown>;

const paths: readonly (readonly string[])[] = [
  ['event_id'],
  ['timestamp'],
  ['object_type'],
  ['metric'],
  ['data'],
  ['object_type_type'],
  ['data', 'identifiers'],
  ['data', 'identifiers', 'id'],
  ['data', 'identifiers', 'email'],
  ['data', 'identifiers', 'cio_id'],
  ['data', 'customer_id'],
  ['data', 'email_address'],
  ['data', 'recipient'],
  ['data', 'recipients'],
  ['data', '__proto__'],
  ['data', 'constructor'],
];

const set = (path: readonly string[], value: unknown): Mutation => (webhook) => setPath(webhook, path, value);

/** One damage to a webhook (or a change that keeps it valid), of the kinds senders make. */
export const webhookMutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...paths).map((path) => set(path, undefined)),
  fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 })).map(([path, value]) => set(path, value)),
  fc
    .tuple(fc.constantFrom(...Object.keys(fieldTypes)), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null), fc.integer()))
    .map(([field, value]) => set(['data', field], value)),
  fc
    .oneof(
      badTimestampArbitrary,
      fc.constantFrom(1e11, 1e11 - 1, 0, -1, 1.5, 1623848646.5, -0),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    .map((value) => set(['timestamp'], value)),
  fc
    .constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Opened', 'opened', 'sent', 'foo', 'clicked', 'cio_subscription_preferences_changed')
    .map((metric) => set(['metric'], metric)),
  fc
    .constantFrom('__proto__', 'constructor', 'Email', 'email', 'customer', 'slack', 'in_app', 'unknown')
    .map((objectType) => set(['object_type'], objectType)),
  fc
    .constantFrom(undefined, 'email', 'customer', 'slack', 5, null)
    .map((objectTypeType): Mutation => (webhook) =>
      setPath(setPath(setPath(webhook, ['object_type'], undefined), ['metric'], 'cio_subscription_preferences_changed'), ['object_type_type'], objectTypeType),
    ),
  // Identity: take it away, then give back one way of naming the person, or a value that only looks like one.
  fc
    .tuple(
      fc.constantFrom(['data', 'identifiers', 'id'], ['data', 'customer_id'], ['data', 'identifiers', 'email'], ['data', 'email_address'], ['data', 'recipient'], ['data', 'identifiers', 'cio_id']),
      fc.oneof(emailArbitrary, phoneArbitrary, fc.constantFrom('', 'a', '#channel', 'https://x.io/a@b.co', 'a@b', `${'a'.repeat(250)}@b.co`)),
    )
    .map(([path, value]): Mutation => (webhook) => {
      const anonymous = setPath(setPath(webhook, ['data', 'identifiers'], {}), ['data', 'customer_id'], undefined);
      const cleared = setPath(setPath(anonymous, ['data', 'email_address'], undefined), ['data', 'recipient'], undefined);
      return setPath(cleared, path, value);
    }),
);

/** A valid webhook, or one damaged one to three times. */
export const mutatedWebhookArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(anyWebhookArbitrary, fc.array(webhookMutationArbitrary, { minLength: 0, maxLength: 3 }))
  .map(([webhook, mutations]) =>
    mutations.reduce((value, mutate) => mutate(value), JSON.parse(JSON.stringify(webhook as ReportingWebhook)) as Record<string, unknown>),
  );
