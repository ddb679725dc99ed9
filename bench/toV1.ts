import type { SegmentTrack } from '../src/index';

type Json = Record<string, unknown>;

/** A 1.0.0 payload made from a 2.0.0 call, as docs/migration.md describes the difference. */
export function toV1(call: SegmentTrack): Json {
  const { subject, delivery_id: deliveryId, ...rest } = call.properties as Json;
  const properties: Json = { ...rest, delivery_id: deliveryId, email_id: deliveryId };
  // 1.0.0 sent each name with its id.
  if (rest.campaign_id !== undefined && rest.campaign_id !== null) properties.campaign_name = 'Welcome series';
  if (rest.action_id !== undefined) properties.action_name = 'Email 1';
  if (subject !== undefined) properties.email_subject = subject;
  return { ...call, context: { ...call.context, integration: { name: 'customer.io', version: '1.0.0' } }, properties };
}
