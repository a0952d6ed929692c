/** Why a database operation was refused. */
export type DbErrorCode =
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_FAILED'
  | 'MIGRATIONS_MISSING'
  | 'NOT_MIGRATED'
  | 'EMBEDDED_FAILED'
  | 'CONNECTION_FAILED';

/** The one error class of `@nba/db`. */
export class DbError extends Error {
  override readonly name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
