import { lookupColumns } from '../catalog/lookupColumns';
import { movedColumns } from '../catalog/movedColumns';

/**
 * The columns the row migration's rules read, in a fixed order: each moved pair (old, new), then each
 * lookup (id, name); `migrateFields` keeps their values and fates in arrays by these positions.
 *
 * Internal. Built by pure calls, so that bundles which never migrate drop it.
 */
export const watchedColumns: readonly string[] = /* @__PURE__ */ movedColumns
  .flatMap((p): string[] => [p.old, p.new])
  .concat(/* @__PURE__ */ lookupColumns.flatMap((c) => [c.id, c.name]));
