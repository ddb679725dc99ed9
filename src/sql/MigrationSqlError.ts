/** The error `migrationSql` throws on options it cannot turn into safe SQL; `code` says which problem. */
export class MigrationSqlError extends Error {
  override readonly name = 'MigrationSqlError';
  /** `invalid_identifier`: a schema, table or column name is not a plain identifier; `invalid_option`: anything else. */
  readonly code: 'invalid_identifier' | 'invalid_option';
  /** The offending name or option value, for the message of a caller. */
  readonly value: string;

  constructor(code: 'invalid_identifier' | 'invalid_option', value: string, message: string) {
    super(message);
    this.code = code;
    this.value = value;
  }
}
