// The `customerio-segment/sql` entry: the warehouse SQL generator. It runs once per migration, in a
// deploy script or the CLI, never per event, so it stays out of the main entry that edge bundles load.
export { migrationSql } from './sql/migrationSql';
export type { MigrationSqlOptions, MigrationSqlTable, SqlDialect } from './sql/migrationSql';
export { MigrationSqlError } from './sql/MigrationSqlError';
