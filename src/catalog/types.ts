import type { attributionFields, catalog, channelLabels, channelMetricLabels, fieldTypes, metricLabelExceptions } from './catalog';

type Catalog = typeof catalog;

/** A Customer.io `object_type` the catalog knows. */
export type ObjectType = keyof Catalog;

/** The metrics the catalog knows for one `object_type`. */
export type MetricOf<TObjectType extends ObjectType> = keyof Catalog[TObjectType] & string;

/** Every metric the catalog knows, on any `object_type`. */
export type Metric = { [O in ObjectType]: MetricOf<O> }[ObjectType];

/** A `data` field name that the catalog types. */
export type FieldName = keyof typeof fieldTypes;

/** The `data` fields of one catalog entry: its own fields plus the attribution block. */
export type FieldsOf<TObjectType extends ObjectType, TMetric extends MetricOf<TObjectType>> = Extract<
  (Catalog[TObjectType][TMetric] extends readonly (infer F)[] ? F : never) | (typeof attributionFields)[number],
  FieldName
>;

/** A person's identifiers as Customer.io sends them in `data.identifiers`. */
export interface Identifiers {
  /** The person's id; `null` when the person has none. */
  id?: string | null;
  /** The person's email address; `null` when the person has none. */
  email?: string | null;
  /** Customer.io's own id, sent in workspaces that identify people by more than one attribute. */
  cio_id?: string;
  [key: string]: unknown;
}

/** One device a push message went to (`data.recipients[]`). */
export interface PushRecipient {
  device_id?: string;
  /** `ios` or `android`; any other string is accepted too, since Customer.io may add platforms. */
  device_platform?: 'ios' | 'android' | (string & {});
  failure_message?: string;
  [key: string]: unknown;
}

/** The TypeScript type of each JSON type name of {@link fieldTypes}. */
export interface FieldTypeMap {
  string: string;
  integer: number;
  boolean: boolean;
  'string|null': string | null;
  'integer|null': number | null;
  'integer|string': number | string;
  object: { [key: string]: unknown };
  /** Email headers: header name → its values. */
  headers: { [name: string]: string[] };
  identifiers: Identifiers;
  recipients: PushRecipient[];
}

/** The TypeScript type of one catalog field. */
export type FieldType<TField extends FieldName> = FieldTypeMap[(typeof fieldTypes)[TField]];

type TitleCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Capitalize<Head>} ${TitleCase<Tail>}`
  : Capitalize<S>;

type ChannelMetricLabels = typeof channelMetricLabels;

type MetricLabel<TObjectType extends string, TMetric extends string> = TObjectType extends keyof ChannelMetricLabels
  ? TMetric extends keyof ChannelMetricLabels[TObjectType]
    ? ChannelMetricLabels[TObjectType][TMetric]
    : MetricLabelByRule<TMetric>
  : MetricLabelByRule<TMetric>;

type MetricLabelByRule<TMetric extends string> = TMetric extends keyof typeof metricLabelExceptions
  ? (typeof metricLabelExceptions)[TMetric]
  : TitleCase<TMetric>;

/** The Segment event name of one catalog entry: `<Channel> <Metric>`, as Customer.io names it. */
export type EventNameOf<TObjectType extends ObjectType, TMetric extends string> =
  `${(typeof channelLabels)[TObjectType]} ${MetricLabel<TObjectType, TMetric>}`;

/** Every Segment event name this library produces by default. */
export type SegmentEventName = { [O in ObjectType]: EventNameOf<O, MetricOf<O>> }[ObjectType];
