/** Every code an {@link Issue} can carry; the list is closed. */
export const issueCodes = [
  'invalid_type',
  'missing_field',
  'invalid_value',
  'invalid_timestamp',
  'unknown_event',
  'missing_identity',
] as const;

/** The code of an {@link Issue}: what kind of problem it reports. */
export type IssueCode = (typeof issueCodes)[number];

/** One problem found in an input: a closed `code`, where it is (`path`) and a sentence for people. */
export interface Issue {
  readonly code: IssueCode;
  /** The keys from the root of the input to the offending value; `[]` for the input itself. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The result of a `safeParse*` function: the value, or a non-empty list of issues.
 *
 * Each branch names the other's field as an absent `never`, as zod does, so that
 * `const { success, value, issues } = safeParseWebhook(body)` compiles.
 */
export type SafeParseResult<TValue> =
  | { readonly success: true; readonly value: TValue; readonly issues?: never }
  | { readonly success: false; readonly issues: readonly [Issue, ...Issue[]]; readonly value?: never };
