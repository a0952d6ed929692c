import { z } from 'zod';
import { named, Timestamp } from './common';

/** Response of `GET /health`. */
export const HealthResponse = named('Health', z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }));

/** Response of `GET /ready` (200 and 503 alike). */
export const ReadyResponse = named(
  'Ready',
  z.object({
    status: z.enum(['ready', 'not_ready']),
    reason: z.string().optional().meta({ description: 'Why the instance is not ready' }),
    database: z.object({
      ok: z.boolean(),
      error: z.string().optional().meta({
        description:
          'Why the database cannot be used: `unavailable` (down, stalled, timed out), `unknown_database`, `auth_failed` or `not_migrated`',
      }),
    }),
    model: z
      .object({ name: z.string(), version: z.string(), loadedAt: Timestamp })
      .nullable()
      .meta({ description: "The main model's production version loaded, or null" }),
    models: z
      .array(z.object({ name: z.string(), version: z.string().nullable(), loadedAt: Timestamp.nullable() }))
      .meta({ description: 'Every served model and the version loaded (null: none; the API is not ready)' }),
    features: z.object({ asOf: z.string().nullable(), games: z.number().int(), refreshedAt: Timestamp.nullable() }),
  }),
);
