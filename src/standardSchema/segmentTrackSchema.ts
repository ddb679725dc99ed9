import type { StandardSchemaV1 } from './standardSchema';
import { toStandardSchema } from './toStandardSchema';
import { type ParsedSegmentTrack, safeParseSegmentTrack } from '../validation/safeParseSegmentTrack';

/**
 * The 2.0.0 track-call validator as a Standard Schema v1 object, for any framework that accepts one.
 *
 * `validate` applies `safeParseSegmentTrack` (catalog events only) and returns `{ value }` or
 * `{ issues }`; each issue keeps its `code` next to the spec's `message` and `path`.
 */
export const segmentTrackSchema: StandardSchemaV1<unknown, ParsedSegmentTrack> = /* @__PURE__ */ toStandardSchema((value) => safeParseSegmentTrack(value));
