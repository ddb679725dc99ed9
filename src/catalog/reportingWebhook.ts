import type { FieldsOf, FieldType, MetricOf, ObjectType } from './types';

/**
 * The `data` object of one catalog entry: every field typed and optional, unknown fields kept.
 */
export type WebhookData<TObjectType extends ObjectType, TMetric extends MetricOf<TObjectType>> = {
  [F in FieldsOf<TObjectType, TMetric>]?: FieldType<F>;
} & { [key: string]: unknown };

/** One Customer.io reporting webhook of a known `object_type` and `metric`. */
export interface ReportingWebhookOf<TObjectType extends ObjectType, TMetric extends MetricOf<TObjectType>> {
  /** Unique id of the event; Customer.io retries carry the same id. */
  event_id: string;
  object_type: TObjectType;
  metric: TMetric;
  /** When the event occurred, in unix seconds. */
  timestamp: number;
  data: WebhookData<TObjectType, TMetric>;
}

/** Every reporting webhook the catalog knows, discriminated on `object_type` and `metric`. */
export type ReportingWebhook = {
  [O in ObjectType]: { [M in MetricOf<O>]: ReportingWebhookOf<O, M> }[MetricOf<O>];
}[ObjectType];

/**
 * A webhook whose `object_type`/`metric` pair the catalog does not know, accepted only with
 * `allowUnknownEvents` (Customer.io adds metrics over time).
 */
export interface UnknownWebhook {
  event_id: string;
  object_type: string;
  metric: string;
  timestamp: number;
  data: { [key: string]: unknown };
}

/** A webhook that validation accepted: a catalog event, or an unknown one when they are allowed. */
export type AnyWebhook = ReportingWebhook | UnknownWebhook;
