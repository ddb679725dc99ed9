import { integrationVersion } from '../catalog/integration';
import { checkTrack } from './checkTrack';
import type { ParsedSegmentTrack } from './safeParseSegmentTrack';

/**
 * Tells whether a value is a valid 2.0.0 track call of a catalog event, narrowing its type.
 *
 * The rules of `safeParseSegmentTrack` without options; the value is never copied, so the guard is exact.
 */
export function isSegmentTrack(input: unknown): input is ParsedSegmentTrack {
  return checkTrack(input, integrationVersion, false) === undefined;
}
