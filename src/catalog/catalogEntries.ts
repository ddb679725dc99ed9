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

// A pure call, so that bundlers drop the table from bundles that do not look anything up. Maps, not
// objects without a prototype: every webhook is looked up, and a Map lookup counted about half the
// instructions of a lookup in such an object (which V8 keeps as a hash table of another kind).
const index: ReadonlyMap<string, ReadonlyMap<string, CatalogEntry>> = /* @__PURE__ */ indexEntries(catalogEntries);

function indexEntries(entries: readonly CatalogEntry[]): Map<string, Map<string, CatalogEntry>> {
  const byType = new Map<string, Map<string, CatalogEntry>>();
  for (const entry of entries) {
    let metrics = byType.get(entry.objectType);
    if (metrics === undefined) byType.set(entry.objectType, (metrics = new Map()));
    metrics.set(entry.metric, entry);
  }
  return byType;
}

/** Finds the catalog entry of an `object_type` and `metric`, or `undefined`. */
export function findCatalogEntry(objectType: string, metric: string): CatalogEntry | undefined {
  return index.get(objectType)?.get(metric);
}

/** Tells whether the catalog knows an `object_type` (with any metric). */
export function isKnownObjectType(objectType: string): boolean {
  return index.has(objectType);
}
