import { CodedError } from '@nba/errors';

/** Why a database operation was refused. */
export type DbErrorCode =
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_FAILED'
  | 'MIGRATIONS_MISSING'
  | 'NOT_MIGRATED'
  | 'EMBEDDED_FAILED'
  | 'CONNECTION_FAILED';

/** The one error class of `@nba/db`. */
export class DbError extends CodedError<DbErrorCode> {
  override readonly name = 'DbError';
}
