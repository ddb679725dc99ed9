import { ValidationError } from './ValidationError';
import {
  type ParsedAnySegmentTrack,
  type ParsedSegmentTrack,
  type SafeParseSegmentTrackOptions,
  safeParseSegmentTrack,
} from './safeParseSegmentTrack';

/**
 * Validates an unknown value as a 2.0.0 track call of Customer.io's Segment source, or throws
 * {@link ValidationError}.
 *
 * The same rules as {@link safeParseSegmentTrack}; the error's `issues` are the ones it would return.
 */
export function parseSegmentTrack(input: unknown): ParsedSegmentTrack;
export function parseSegmentTrack(
  input: unknown,
  options: SafeParseSegmentTrackOptions & { allowUnknownEvents: true },
): ParsedAnySegmentTrack;
export function parseSegmentTrack(input: unknown, options?: SafeParseSegmentTrackOptions): ParsedAnySegmentTrack;
export function parseSegmentTrack(input: unknown, options?: SafeParseSegmentTrackOptions): ParsedAnySegmentTrack {
  const result = safeParseSegmentTrack(input, options);
  if (!result.success) throw new ValidationError(result.issues);
  return result.value;
}
