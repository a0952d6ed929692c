/**
 * The base of each package's one error class (`ConfigError`, `DbError`, `RegistryError`, …): a
 * closed `code` union that callers switch on (never the message), a message that names what to do,
 * and the underlying error as the standard `cause`. Each subclass keeps its own name and codes.
 *
 * ```ts
 * export type DbErrorCode = 'NOT_MIGRATED' | 'CONNECTION_FAILED';
 * export class DbError extends CodedError<DbErrorCode> {
 *   override readonly name = 'DbError';
 * }
 * ```
 */
export abstract class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
