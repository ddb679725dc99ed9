import type { SafeParseResult } from '../validation/issue';
import type { StandardSchemaV1 } from './standardSchema';

/**
 * Wraps a `safeParse*` function as a frozen Standard Schema v1 object (vendor `customerio-segment`).
 *
 * Internal: the three exported schemas differ only in the parser they wrap. Each issue keeps its
 * `code` next to the spec's `message` and `path`.
 */
export function toStandardSchema<TOutput>(safeParse: (value: unknown) => SafeParseResult<TOutput>): StandardSchemaV1<unknown, TOutput> {
  return Object.freeze({
    '~standard': Object.freeze({
      version: 1 as const,
      vendor: 'customerio-segment',
      validate(value: unknown): StandardSchemaV1.Result<TOutput> {
        const result = safeParse(value);
        return result.success ? { value: result.value } : { issues: result.issues };
      },
    }),
  });
}
