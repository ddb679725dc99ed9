import { attributionFields, fieldTypes } from './catalog';
import { catalogEntries } from './catalogEntries';
import { commonProperties } from './commonProperties';
import { lookupColumns } from './lookupColumns';
import { movedColumns } from './movedColumns';
import { renamedFields } from './renamedFields';

/** The JSON type of one `properties` field: a catalog field type, or the type of a common property. */
export type TrackFieldType = (typeof fieldTypes)[keyof typeof fieldTypes] | (typeof commonProperties)[keyof typeof commonProperties];

/** One checked `properties` field: its name and type. */
export type TrackFieldRule = readonly [name: string, type: TrackFieldType];

// The fields 1.0.0 had and 2.0.0 dropped, from the tables the migration reads: moved fields were
// always strings; names can be null where the message has none.
function v1Only(): readonly TrackFieldRule[] {
  return [
    ...movedColumns.map((m): TrackFieldRule => [m.old, 'string']),
    ...lookupColumns.map((l): TrackFieldRule => [l.name, 'string|null']),
  ];
}

function rulesOf(fields: readonly string[], extra: readonly TrackFieldRule[]): readonly TrackFieldRule[] {
  const rules: TrackFieldRule[] = [];
  for (const field of fields) {
    if (!(renamedFields as readonly string[]).includes(field)) rules.push([field, fieldTypes[field as keyof typeof fieldTypes]]);
  }
  return [...rules, ...extra];
}

function rulesByEvent(common: readonly TrackFieldRule[]): Record<string, readonly TrackFieldRule[]> {
  const byEvent: Record<string, readonly TrackFieldRule[]> = Object.create(null);
  for (const entry of catalogEntries) byEvent[entry.event] = rulesOf([...attributionFields, ...entry.fields], common);
  return byEvent;
}

/**
 * The typed `properties` fields of every track call, derived from the catalog: per 2.0.0 event name,
 * for events outside the catalog, and for 1.0.0 calls.
 *
 * The validator and the JSON Schemas read the same lists, so they check the same fields. `byEvent` has
 * no prototype: an event named `constructor` or `__proto__` finds nothing.
 */
export const trackFieldRules: {
  readonly byEvent: Readonly<Record<string, readonly TrackFieldRule[]>>;
  readonly unknownEvent: readonly TrackFieldRule[];
  readonly v1: readonly TrackFieldRule[];
} = /* @__PURE__ */ (() => {
  const common = Object.entries(commonProperties) as TrackFieldRule[];
  return {
    byEvent: rulesByEvent(common),
    unknownEvent: rulesOf(attributionFields, common),
    v1: rulesOf(attributionFields, [...common, ...v1Only()]),
  };
})();
