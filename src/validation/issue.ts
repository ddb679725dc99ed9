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

/** The result of a `safeParse*` function: the value, or a non-empty list of issues. */
export type SafeParseResult<TValue> =
  | { readonly success: true; readonly value: TValue }
  | { readonly success: false; readonly issues: readonly [Issue, ...Issue[]] };
