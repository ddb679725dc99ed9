import type { commonProperties } from './commonProperties';
import type { integrationName, integrationVersion, sourceLibraryName, sourceLibraryVersion } from './integration';
import type { RenamedField } from './renamedFields';
import type { EventNameOf, FieldName, FieldsOf, FieldType, FieldTypeMap, MetricOf, ObjectType } from './types';
import type { AnyWebhook, ReportingWebhook } from './reportingWebhook';

/** The `context` of every call: the integration, the library and the person's email trait. */
export interface TrackContext {
  integration: { name: typeof integrationName; version: typeof integrationVersion };
  library: { name: typeof sourceLibraryName; version: typeof sourceLibraryVersion };
  /** Present when the person has an email address; `email` never holds anything else. */
  traits?: { email: string };
}

/** A clicked link, from the webhook's `href` and `link_id`. */
export interface TrackLink {
  id?: number;
  url?: string;
}

type PropertyTypeMap = FieldTypeMap & { link: TrackLink };

/** The properties every call may carry besides the webhook's own `data` fields. */
export type CommonTrackProperties = {
  -readonly [K in keyof typeof commonProperties]?: PropertyTypeMap[(typeof commonProperties)[K]];
} & { [key: string]: unknown };

/** The `properties` of the call made from the webhook fields `TField`. */
export type TrackProperties<TField extends FieldName> = {
  [F in Exclude<TField, RenamedField>]?: FieldType<F>;
} & CommonTrackProperties;

/** A Segment `track` call as Customer.io's Segment source sends it, for event `TEvent`. */
export interface SegmentTrackOf<TEvent extends string, TProperties> {
  type: 'track';
  event: TEvent;
  /** The person's id; `""` when the person has none, and then `anonymousId` is set. */
  userId: string;
  /** The person's email address, else Customer.io's `cio_id`, when the person has no id. */
  anonymousId?: string;
  /** Derived from the webhook's `event_id`, so that a Customer.io retry is deduplicated. */
  messageId: string;
  /** When the event occurred, ISO 8601 in UTC. */
  timestamp: string;
  context: TrackContext;
  integrations: { 'Customer.io': boolean };
  properties: TProperties;
  writeKey?: string;
}

/** The call made from one catalog entry. */
export type SegmentTrackFor<TObjectType extends ObjectType, TMetric extends MetricOf<TObjectType>> = SegmentTrackOf<
  EventNameOf<TObjectType, TMetric>,
  TrackProperties<FieldsOf<TObjectType, TMetric>>
>;

/** Every track call of the catalog, discriminated on `event`. */
export type SegmentTrack = {
  [O in ObjectType]: { [M in MetricOf<O>]: SegmentTrackFor<O, M> }[MetricOf<O>];
}[ObjectType];

/** The call made from a webhook outside the catalog: its event name follows the naming rule. */
export type UnknownSegmentTrack = SegmentTrackOf<string, CommonTrackProperties>;

/** The call that `toSegmentTrack` makes from webhook type `TWebhook`. */
export type TrackFor<TWebhook extends AnyWebhook> = TWebhook extends ReportingWebhook
  ? TrackForEntry<TWebhook['object_type'], TWebhook['metric']>
  : UnknownSegmentTrack;

type TrackForEntry<TObjectType extends ObjectType, TMetric> = TMetric extends MetricOf<TObjectType>
  ? SegmentTrackFor<TObjectType, TMetric>
  : never;
