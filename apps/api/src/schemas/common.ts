import { z } from 'zod';
import { parseIsoDate, SUPPORTED_DATES } from '@nba/config';
import { TEAM_CODES } from '@nba/features';

/** Schemas that get a name in the OpenAPI document's `components.schemas`. */
export const schemaRegistry = z.registry<{ id: string }>();

/** Registers `schema` under `id` for the OpenAPI document and returns it. */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  schemaRegistry.add(schema, { id });
  return schema;
}

/** True when @nba/config accepts `date` (the one definition of the supported range). */
function isSupported(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

/**
 * A US Eastern calendar date within the dates the system supports (`SUPPORTED_DATES`): outside
 * them, the database has no games and a season would be made up (`9999-12-31` is season 10000).
 */
export const IsoDate = named(
  'IsoDate',
  z.iso
    // abort: a malformed date gets one problem, not a second one about the range
    .date({ error: 'must be a calendar date as YYYY-MM-DD', abort: true })
    .refine(isSupported, { error: `must be a date ${SUPPORTED_DATES.range}` })
    .meta({ description: `US Eastern calendar date, YYYY-MM-DD, ${SUPPORTED_DATES.range}`, example: '2024-03-15' }),
);

const CODES = TEAM_CODES as [string, ...string[]];

/** A franchise code (case-insensitive on input). */
export const TeamCode = named(
  'TeamCode',
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.enum(CODES, {
        error: (issue) =>
          issue.input === undefined
            ? 'is required'
            : `unknown team code ${JSON.stringify(issue.input)}; expected one of ${CODES.join(', ')}`,
      }),
    )
    .meta({ description: 'Three-letter franchise code', example: 'BOS' }),
);

/** The `?date=` query of the by-date endpoints. */
export const DateQuery = z.object({ date: IsoDate }).strict();

/** Body of every error response. */
export const ErrorResponse = named(
  'Error',
  z.object({
    error: z.object({
      code: z.string().meta({ description: 'Machine-readable error code', example: 'VALIDATION_FAILED' }),
      message: z.string(),
      details: z
        .array(z.object({ field: z.string(), problem: z.string() }))
        .optional()
        .meta({ description: 'Every bad field (validation errors)' }),
      requestId: z.string().optional(),
    }),
  }),
);

/** A timestamp as ISO 8601 text. */
export const Timestamp = z.iso.datetime().meta({ example: '2024-03-15T23:30:00.000Z' });

/** Where a game stands (the database's `GameStatus`). */
export const GameStatusView = z.enum(['scheduled', 'live', 'final', 'postponed', 'cancelled']);
