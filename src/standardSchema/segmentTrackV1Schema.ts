import type { StandardSchemaV1 } from './standardSchema';
import { toStandardSchema } from './toStandardSchema';
import { type SegmentTrackV1, safeParseV1Track } from '../validation/safeParseV1Track';

/**
 * The 1.0.0 track-call validator as a Standard Schema v1 object, for any framework that accepts one.
 *
 * `validate` applies `safeParseV1Track` and returns `{ value }` or `{ issues }`; each issue keeps its
 * `code` next to the spec's `message` and `path`.
 */
export const segmentTrackV1Schema: StandardSchemaV1<unknown, SegmentTrackV1> = /* @__PURE__ */ toStandardSchema(safeParseV1Track);
