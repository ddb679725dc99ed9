import type { LookupKind } from '../catalog/lookupColumns';
import type { MovedColumnConflictCode } from '../catalog/movedColumns';

export type { LookupKind };

/**
 * One id → name pair taken out of a 1.0.0 payload or row (`campaign_id: 7` with `campaign_name: "Welcome"`).
 *
 * Customer.io's Segment source page says 2.0.0 dropped the names "to improve performance" and points
 * to the App API instead (https://customer.io/docs/journeys/segment-source/); the
 * lookups keep the names that were already in your data, so that nothing is lost by migrating.
 */
export interface NameLookup {
  readonly kind: LookupKind;
  /** The object's id as it appeared (`action_id` is a number or a string like `"n18"`; a bigint from a BIGINT column). */
  readonly id: string | number | bigint;
  readonly name: string;
}

/** What a conflict is about: the data contradicts itself, so the migration kept the value instead of dropping it. */
export type MigrationConflictCode =
  /**
   * `email_id` and `delivery_id` (or `email_subject` and `subject`) both present and different: the
   * 1.0.0 field is kept.
   */
  | MovedColumnConflictCode
  /** A name (`campaign_name`, …) whose id is missing or null: it cannot become a lookup, so it is kept. */
  | 'name_without_id'
  /** A name that is not a string, or an id that is not a string, a finite number or a bigint: kept as is. */
  | 'unusable_name';

/** One contradiction found while migrating, with the value that was kept because of it. */
export interface MigrationConflict {
  readonly code: MigrationConflictCode;
  /** Where the kept value is: `['properties', 'email_id']` in a payload, `['email_id']` in a row. */
  readonly path: readonly string[];
  /** The value that was kept. */
  readonly value: unknown;
  /** The value it contradicts (`delivery_id`, `subject` or the id), `undefined` when that is absent. */
  readonly other: unknown;
  readonly message: string;
}

/**
 * The result of `migrateTrackV1ToV2` and `migrateWarehouseRowV1ToV2`: the 2.0.0 value, the names taken
 * out of it, and the contradictions that made it keep a value.
 */
export interface MigrationResult<TValue> {
  /** The migrated payload or row; the input itself (same object) when it was not a 1.0.0 one. */
  readonly value: TValue;
  /** `true` when the input was a 1.0.0 payload or row and `value` is a new object. */
  readonly changed: boolean;
  readonly lookups: readonly NameLookup[];
  readonly conflicts: readonly MigrationConflict[];
}
