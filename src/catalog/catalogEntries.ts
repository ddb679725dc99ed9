import { catalog, contentRules } from './catalog';
import { eventNameFor } from './eventNameFor';

/** One row of the catalog, with its derived event name. */
export interface CatalogEntry {
  readonly objectType: string;
  readonly metric: string;
  readonly event: string;
  /** The entry's own fields (the attribution block is common to all). */
  readonly fields: readonly string[];
  /** How `data.content` reaches the call ({@link contentRules}); `undefined`: never. */
  readonly content: ContentRule | undefined;
}

/** How `data.content` reaches the call: only with Body Content, or always. */
export type ContentRule = 'bodyContent' | 'always';

/** How `data.content` of a metric reaches the call ({@link contentRules}); `undefined`: never. */
export function contentRuleOf(metric: string): ContentRule | undefined {
  return Object.hasOwn(contentRules, metric) ? contentRules[metric] : undefined;
}

/**
 * Every catalog entry with its event name, in catalog order.
 *
 * Derived once at load; the table behind {@link findCatalogEntry} has no prototype, so a metric named
 * `constructor` or `__proto__` finds nothing.
 */
export const catalogEntries: readonly CatalogEntry[] = /* @__PURE__ */ Object.entries(catalog).flatMap(([objectType, metrics]) =>
  Object.entries(metrics).map(([metric, fields]) => ({
    objectType,
    metric,
    event: eventNameFor(objectType, metric),
    fields: fields as readonly string[],
    content: contentRuleOf(metric),
  })),
);

// A pure call, so that bundlers drop the table from bundles that do not look anything up.
const index: Record<string, Record<string, CatalogEntry>> = /* @__PURE__ */ indexEntries(catalogEntries);

function indexEntries(entries: readonly CatalogEntry[]): Record<string, Record<string, CatalogEntry>> {
  const byType: Record<string, Record<string, CatalogEntry>> = Object.create(null);
  for (const entry of entries) {
    (byType[entry.objectType] ??= Object.create(null) as Record<string, CatalogEntry>)[entry.metric] = entry;
  }
  return byType;
}

/** Finds the catalog entry of an `object_type` and `metric`, or `undefined`. */
export function findCatalogEntry(objectType: string, metric: string): CatalogEntry | undefined {
  return index[objectType]?.[metric];
}

/** Tells whether the catalog knows an `object_type` (with any metric). */
export function isKnownObjectType(objectType: string): boolean {
  return index[objectType] !== undefined;
}
