import { CodedError } from '@nba/errors';

/** Why the registry refused an operation. */
export type RegistryErrorCode =
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'INVALID_VERSION'
  | 'INVALID_STATE'
  | 'NO_PRODUCTION'
  | 'NO_ROLLBACK_TARGET'
  | 'CHECKSUM_MISMATCH'
  | 'CONFLICT'
  | 'INVALID_ARTIFACT'
  | 'INVALID_INPUT';

/** The one error class of `@nba/registry`. Messages name the model and version and what to do next. */
export class RegistryError extends CodedError<RegistryErrorCode> {
  override readonly name = 'RegistryError';
}

/** True when `error` is a unique-constraint violation, whether raised by a Prisma query or raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: Record<string, unknown>; message?: unknown; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'P2002' || e.code === '23505') return true;
  const meta = e.meta ?? {};
  if (
    meta.code === '23505' ||
    (meta.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind === 'UniqueConstraintViolation'
  )
    return true;
  return typeof e.message === 'string' && /unique constraint|23505/i.test(e.message);
}
