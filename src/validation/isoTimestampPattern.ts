/**
 * The ISO 8601 date-time form a track call's timestamps must have, as a JSON Schema `pattern`.
 *
 * RFC 3339's profile of ISO 8601 (`2021-06-16T13:04:06Z`, `2022-05-09T21:27:02.000Z`, `+02:00`
 * offsets), with field ranges checked but not month lengths. One pattern serves the validator and the
 * JSON Schemas, so the two cannot disagree; JSON Schema's `format: date-time` is not used because ajv
 * ignores formats unless `ajv-formats` is installed.
 */
export const isoTimestampPattern =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$';
